/* CREATE/DROP DATABASE (a schema of the engine), CREATE/DROP/ALTER/RENAME/TRUNCATE TABLE, indexes. */
parser grammar MysqlSchemaChange;

createDatabase
    : CREATE (DATABASE | SCHEMA) (IF NOT EXISTS)? identifier databaseOption*
    ;

databaseOption
    : DEFAULT? (CHARACTER SET | CHARSET) EQUAL? optionWord
    | DEFAULT? COLLATE EQUAL? optionWord
    ;

dropDatabase
    : DROP (DATABASE | SCHEMA) (IF EXISTS)? identifier
    ;

createTable
    : CREATE TEMPORARY? TABLE (IF NOT EXISTS)? qualifiedName
      LEFT_PAREN tableElement (COMMA tableElement)* RIGHT_PAREN tableOptions?                  #createTableWithColumns
    | CREATE TEMPORARY? TABLE (IF NOT EXISTS)? qualifiedName tableOptions? AS? query            #createTableAs
    | CREATE TEMPORARY? TABLE (IF NOT EXISTS)? qualifiedName LIKE qualifiedName                 #createTableLike
    ;

tableElement
    : columnDefinition                                                                          #columnElement
    | tableConstraint                                                                           #constraintElement
    | (INDEX | KEY) identifier? indexColumns                                                    #indexElement
    ;

columnDefinition
    : identifier dataType columnAttribute*
    ;

columnAttribute
    : NOT NULL                                                                                  #notNullAttribute
    | NULL                                                                                      #nullAttribute
    | DEFAULT defaultValue                                                                      #defaultAttribute
    | ON UPDATE (CURRENT_TIMESTAMP | IDENTIFIER) (LEFT_PAREN INTEGER_LITERAL? RIGHT_PAREN)?       #onUpdateAttribute
    | AUTO_INCREMENT                                                                            #autoIncrementAttribute
    | PRIMARY? KEY                                                                              #primaryKeyAttribute
    | UNIQUE KEY?                                                                               #uniqueAttribute
    | COMMENT STRING                                                                            #commentAttribute
    | COLLATE optionWord                                                                        #collateAttribute
    | (CHARACTER SET | CHARSET) optionWord                                                      #charsetAttribute
    | (CONSTRAINT identifier?)? CHECK LEFT_PAREN expression RIGHT_PAREN                         #checkAttribute
    | REFERENCES qualifiedName columnList? referentialAction*                                   #referencesAttribute
    ;

defaultValue
    : signedLiteral
    | LEFT_PAREN expression RIGHT_PAREN
    | (CURRENT_TIMESTAMP | IDENTIFIER) (LEFT_PAREN INTEGER_LITERAL? RIGHT_PAREN)?
    ;

signedLiteral
    : (PLUS | MINUS)? literal
    ;

tableConstraint
    : (CONSTRAINT name=identifier?)? PRIMARY KEY (identifier)? indexColumns                    #primaryKeyConstraint
    | (CONSTRAINT name=identifier?)? UNIQUE (INDEX | KEY)? indexName=identifier? indexColumns  #uniqueConstraint
    | (CONSTRAINT name=identifier?)? FOREIGN KEY indexName=identifier? columnList
        REFERENCES qualifiedName columnList referentialAction*                                  #foreignKeyConstraint
    | (CONSTRAINT name=identifier?)? CHECK LEFT_PAREN expression RIGHT_PAREN                    #checkConstraint
    ;

indexColumns
    : LEFT_PAREN indexColumn (COMMA indexColumn)* RIGHT_PAREN
    ;

indexColumn
    : identifier (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)? direction=(ASC | DESC)?
    ;

referentialAction
    : ON event=(DELETE | UPDATE) action=(CASCADE | RESTRICT)
    | ON event=(DELETE | UPDATE) SET (NULL | DEFAULT)
    | ON event=(DELETE | UPDATE) NO IDENTIFIER
    ;

tableOptions
    : tableOption (COMMA? tableOption)*
    ;

tableOption
    : ENGINE EQUAL? optionWord                                                                  #engineOption
    | DEFAULT? (CHARACTER SET | CHARSET) EQUAL? optionWord                                      #charsetOption
    | DEFAULT? COLLATE EQUAL? optionWord                                                        #collateOption
    | COMMENT EQUAL? STRING                                                                     #commentOption
    | AUTO_INCREMENT EQUAL? INTEGER_LITERAL                                                     #autoIncrementOption
    | IDENTIFIER EQUAL? (optionWord | INTEGER_LITERAL | STRING)                                 #otherOption
    ;

optionWord
    : identifier
    | STRING
    | BINARY
    | DEFAULT
    ;

dropTable
    : DROP TEMPORARY? (TABLE | TABLES) (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (RESTRICT | CASCADE)?
    ;

createIndex
    : CREATE UNIQUE? INDEX identifier ON qualifiedName indexColumns
    ;

dropIndex
    : DROP INDEX identifier ON qualifiedName
    ;

/* mysqldump writes CREATE ALGORITHM=UNDEFINED DEFINER=`u`@`h` SQL SECURITY DEFINER VIEW ...; the options change nothing here. */
createView
    : CREATE (OR REPLACE)? (ALGORITHM EQUAL identifier)? (DEFINER EQUAL userName)? (SQL SECURITY (DEFINER | identifier))?
      VIEW qualifiedName columnList? AS query
    ;

userName
    : (identifier | STRING) USER_VARIABLE?
    ;

dropView
    : DROP VIEW (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (RESTRICT | CASCADE)?
    ;

alterTable
    : ALTER TABLE qualifiedName alterAction (COMMA alterAction)*
    ;

alterAction
    : ADD COLUMN? columnDefinition position?                                                    #addColumn
    | ADD COLUMN? LEFT_PAREN columnDefinition (COMMA columnDefinition)* RIGHT_PAREN             #addColumns
    | ADD tableConstraint                                                                       #addConstraint
    | ADD (INDEX | KEY) identifier? indexColumns                                                #addIndex
    | DROP COLUMN? identifier                                                                   #dropColumn
    | DROP (INDEX | KEY) identifier                                                             #dropIndexAction
    | DROP FOREIGN KEY identifier                                                               #dropForeignKey
    | DROP (CONSTRAINT | CHECK) identifier                                                      #dropConstraint
    | DROP PRIMARY KEY                                                                          #dropPrimaryKey
    | RENAME (TO | AS)? qualifiedName                                                           #renameTo
    | RENAME COLUMN from=identifier TO to=identifier                                            #renameColumn
    | MODIFY COLUMN? columnDefinition position?                                                 #modifyColumn
    | CHANGE COLUMN? identifier columnDefinition position?                                      #changeColumn
    | ALTER COLUMN? identifier SET DEFAULT defaultValue                                         #setDefault
    | ALTER COLUMN? identifier DROP DEFAULT                                                     #dropDefault
    | tableOption                                                                               #alterTableOption
    | (DISABLE | ENABLE) KEYS                                                                   #toggleKeys
    ;

position
    : FIRST
    | AFTER identifier
    ;

renameTable
    : RENAME TABLE qualifiedName TO qualifiedName
    ;

truncateTable
    : TRUNCATE TABLE? qualifiedName
    ;
