/* Transactions, SET, USE, SHOW, DESCRIBE, EXPLAIN and KILL. */
parser grammar MysqlUtility;

transactionStatement
    : BEGIN WORK?                                                                               #begin
    | START TRANSACTION (transactionMode (COMMA transactionMode)*)?                             #startTransaction
    | COMMIT WORK? (AND NO? CHAIN)? (NO? RELEASE)?                                              #commit
    | ROLLBACK WORK? (AND NO? CHAIN)? (NO? RELEASE)?                                            #rollback
    | ROLLBACK WORK? TO SAVEPOINT? identifier                                                   #rollbackToSavepoint
    | SAVEPOINT identifier                                                                      #savepoint
    | RELEASE SAVEPOINT identifier                                                              #releaseSavepoint
    ;

transactionMode
    : WITH CONSISTENT SNAPSHOT
    | READ ONLY
    | READ WRITE
    ;

setStatement
    : SET scope=(GLOBAL | SESSION | LOCAL)? TRANSACTION transactionCharacteristic
        (COMMA transactionCharacteristic)*                                                      #setTransaction
    | SET NAMES (optionWord) (COLLATE optionWord)?                                              #setNames
    | SET (CHARACTER SET | CHARSET) optionWord                                                  #setCharset
    | SET variableAssignment (COMMA variableAssignment)*                                        #setVariables
    ;

transactionCharacteristic
    : ISOLATION LEVEL isolationLevel
    | READ ONLY
    | READ WRITE
    ;

isolationLevel
    : READ UNCOMMITTED
    | READ COMMITTED
    | REPEATABLE READ
    | SERIALIZABLE
    ;

variableAssignment
    : scope=(GLOBAL | SESSION | LOCAL)? variableName (EQUAL | ASSIGN) setValue                  #systemAssignment
    | SYSTEM_VARIABLE (EQUAL | ASSIGN) setValue                                                 #systemVariableAssignment
    | USER_VARIABLE (EQUAL | ASSIGN) expression                                                 #userVariableAssignment
    | NAMES optionWord (COLLATE optionWord)?                                                    #namesAssignment
    ;

variableName
    : identifier (DOT identifier)?
    ;

setValue
    : ON
    | DEFAULT
    | BINARY
    | expression
    ;

useStatement
    : USE identifier
    ;

showStatement
    : SHOW (DATABASES | SCHEMAS) likeOrWhere?                                                   #showDatabases
    | SHOW FULL? TABLES ((FROM | IN) identifier)? likeOrWhere?                                  #showTables
    | SHOW FULL? (COLUMNS | FIELDS) (FROM | IN) qualifiedName ((FROM | IN) identifier)? likeOrWhere? #showColumns
    | SHOW CREATE (TABLE | VIEW) qualifiedName                                                  #showCreateTable
    | SHOW TRIGGERS ((FROM | IN) identifier)? likeOrWhere?                                      #showTriggers
    | SHOW TABLE STATUS ((FROM | IN) identifier)? likeOrWhere?                                  #showTableStatus
    | SHOW CREATE (DATABASE | SCHEMA) (IF NOT EXISTS)? identifier                               #showCreateDatabase
    | SHOW scope=(GLOBAL | SESSION | LOCAL)? VARIABLES likeOrWhere?                             #showVariables
    | SHOW scope=(GLOBAL | SESSION | LOCAL)? STATUS likeOrWhere?                                #showStatus
    | SHOW (WARNINGS | ERRORS) limitClause?                                                     #showWarnings
    | SHOW (INDEX | INDEXES | KEYS) (FROM | IN) qualifiedName ((FROM | IN) identifier)?         #showIndex
    | SHOW (CHARACTER SET | CHARSET) likeOrWhere?                                               #showCharset
    | SHOW COLLATION likeOrWhere?                                                               #showCollation
    | SHOW ENGINES                                                                              #showEngines
    | SHOW FULL? PROCESSLIST                                                                    #showProcesslist
    ;

likeOrWhere
    : LIKE pattern=(STRING | DOUBLE_QUOTED_STRING)
    | WHERE expression
    ;

describeStatement
    : (DESCRIBE | DESC | EXPLAIN) qualifiedName identifier?
    ;

explainStatement
    : (EXPLAIN | DESCRIBE | DESC) query
    ;

killStatement
    : KILL (CONNECTION | QUERY)? INTEGER_LITERAL
    ;

analyzeTable
    : ANALYZE (NO_WRITE_TO_BINLOG | LOCAL)? (TABLE | TABLES) qualifiedName (COMMA qualifiedName)*
    ;

lockTables
    : LOCK (TABLE | TABLES) lockedTable (COMMA lockedTable)*                                   #lock
    | UNLOCK (TABLE | TABLES)                                                                   #unlock
    ;

lockedTable
    : qualifiedName (AS? identifier)? (READ LOCAL? | IDENTIFIER? WRITE)
    ;
