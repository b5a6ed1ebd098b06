/* INSERT [IGNORE], REPLACE, UPDATE, DELETE and LOAD DATA. */
parser grammar MysqlDataChange;

insertStatement
    : INSERT IGNORE? INTO? qualifiedName columnList? insertSource rowAlias? onDuplicateKeyUpdate?
    ;

/* MySQL 8.0.19's name for the proposed row: INSERT ... VALUES (...) AS new [(a, b)] ON DUPLICATE KEY UPDATE. */
rowAlias
    : AS identifier columnList?
    ;

replaceStatement
    : REPLACE INTO? qualifiedName columnList? insertSource
    ;

insertSource
    : (VALUES | VALUE) rowValues (COMMA rowValues)*                                             #valuesSource
    | SET assignment (COMMA assignment)*                                                        #setSource
    | query                                                                                     #querySource
    ;

rowValues
    : LEFT_PAREN (expressionOrDefault (COMMA expressionOrDefault)*)? RIGHT_PAREN
    ;

onDuplicateKeyUpdate
    : ON DUPLICATE KEY UPDATE assignment (COMMA assignment)*
    ;

updateStatement
    : UPDATE IGNORE? qualifiedName (AS? identifier)? SET assignment (COMMA assignment)*
      (WHERE expression)? orderByClause? limitClause?
    ;

deleteStatement
    : DELETE IGNORE? FROM qualifiedName (AS? identifier)? (WHERE expression)? orderByClause? limitClause?   #singleTableDelete
    // MySQL's multiple-table forms: DELETE t FROM t JOIN u ... and DELETE FROM t USING t JOIN u ...
    | DELETE IGNORE? targets+=deleteTarget (COMMA targets+=deleteTarget)* FROM fromItem (COMMA fromItem)*
      (WHERE expression)?                                                                             #multiTableDelete
    | DELETE IGNORE? FROM targets+=deleteTarget (COMMA targets+=deleteTarget)* USING fromItem (COMMA fromItem)*
      (WHERE expression)?                                                                             #multiTableDelete
    ;

deleteTarget
    : qualifiedName (DOT STAR)?
    ;

assignment
    : qualifiedName EQUAL expressionOrDefault
    ;

expressionOrDefault
    : DEFAULT
    | expression
    ;

columnList
    : LEFT_PAREN (identifier (COMMA identifier)*)? RIGHT_PAREN
    ;

/* LOAD DATA [LOCAL] INFILE: the file's rows into a table, MySQL's COPY FROM. */
loadDataStatement
    : LOAD DATA LOCAL? INFILE fileName=STRING duplicates=(REPLACE | IGNORE)? INTO TABLE qualifiedName
      ((CHARACTER SET | CHARSET) optionWord)?
      ((FIELDS | COLUMNS) fieldsOption+)?
      (LINES linesOption+)?
      (IGNORE skipped=INTEGER_LITERAL (LINES | ROWS))?
      loadFields?
      (setClause=SET assignment (COMMA assignment)*)?
    ;

/* Where each field of a line goes: a column, or a user variable the SET clause may read. */
loadFields
    : LEFT_PAREN (loadField (COMMA loadField)*)? RIGHT_PAREN
    ;

loadField
    : identifier
    | USER_VARIABLE
    ;

fieldsOption
    : TERMINATED BY STRING                                                                      #fieldsTerminated
    | OPTIONALLY? ENCLOSED BY STRING                                                            #fieldsEnclosed
    | ESCAPED BY STRING                                                                         #fieldsEscaped
    ;

linesOption
    : STARTING BY STRING                                                                        #linesStarting
    | TERMINATED BY STRING                                                                      #linesTerminated
    ;
