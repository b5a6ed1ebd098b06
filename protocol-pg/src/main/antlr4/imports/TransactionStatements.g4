/* BEGIN, COMMIT, ROLLBACK, savepoints and transaction characteristics. */
parser grammar TransactionStatements;

transactionStatement
    : BEGIN (WORK | TRANSACTION)? transactionModes?                                             #begin
    | START TRANSACTION transactionModes?                                                       #begin
    | (COMMIT | END) (WORK | TRANSACTION)? (AND NO? CHAIN)?                                      #commit
    | (ROLLBACK | ABORT) (WORK | TRANSACTION)? (AND NO? CHAIN)?                                  #rollback
    | SAVEPOINT identifier                                                                      #savepoint
    | RELEASE SAVEPOINT? identifier                                                             #releaseSavepoint
    | ROLLBACK (WORK | TRANSACTION)? TO SAVEPOINT? identifier                                   #rollbackToSavepoint
    | SET TRANSACTION transactionModes                                                          #setTransaction
    | SET SESSION CHARACTERISTICS AS TRANSACTION transactionModes                               #setSessionCharacteristics
    ;

transactionModes
    : transactionMode (COMMA? transactionMode)*
    ;

transactionMode
    : ISOLATION LEVEL isolationLevel                                                            #isolationMode
    | READ ONLY                                                                                 #readOnlyMode
    | READ WRITE                                                                                #readWriteMode
    | NOT? DEFERRABLE                                                                           #deferrableMode
    ;

isolationLevel
    : SERIALIZABLE
    | REPEATABLE READ
    | READ COMMITTED
    | READ UNCOMMITTED
    ;
