/*
 * DDL: databases, schemas, tables (with column and table constraints), indexes, sequences, views,
 * ALTER TABLE, TRUNCATE, and the statistics commands ANALYZE and VACUUM.
 */
parser grammar SchemaChangeStatements;

createDatabase
    : CREATE DATABASE (IF NOT EXISTS)? identifier
    ;

dropDatabase
    : DROP DATABASE (IF EXISTS)? identifier
    ;

createSchema
    : CREATE SCHEMA (IF NOT EXISTS)? identifier
    ;

dropSchema
    : DROP SCHEMA (IF EXISTS)? identifier (COMMA identifier)* dropBehavior?
    ;

createTable
    : CREATE tablePersistence? TABLE (IF NOT EXISTS)? qualifiedName
      LEFT_PAREN (tableElement (COMMA tableElement)*)? RIGHT_PAREN storageParameters?
    ;

createTableAs
    : CREATE tablePersistence? TABLE (IF NOT EXISTS)? qualifiedName columnNameList? storageParameters?
      AS query (WITH NO? DATA)?
    ;

tablePersistence
    : TEMP
    | TEMPORARY
    | (LOCAL | GLOBAL) (TEMP | TEMPORARY)
    | UNLOGGED
    ;

tableElement
    : tableConstraint
    | columnDefinition
    ;

columnDefinition
    : identifier typeName columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT name=identifier)? columnConstraintBody
    ;

columnConstraintBody
    : NOT NULL                                                                                  #notNullColumnConstraint
    | NULL                                                                                      #nullColumnConstraint
    | PRIMARY KEY                                                                               #primaryKeyColumnConstraint
    | UNIQUE                                                                                    #uniqueColumnConstraint
    | CHECK LEFT_PAREN expression RIGHT_PAREN                                                   #checkColumnConstraint
    | DEFAULT valueExpression                                                                   #defaultColumnConstraint
    | REFERENCES qualifiedName (LEFT_PAREN identifier RIGHT_PAREN)? referentialAction*          #referencesColumnConstraint
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LEFT_PAREN sequenceOption+ RIGHT_PAREN)?      #identityColumnConstraint
    ;

tableConstraint
    : (CONSTRAINT name=identifier)? tableConstraintBody
    ;

tableConstraintBody
    : PRIMARY KEY columnNameList                                                                #primaryKeyTableConstraint
    | UNIQUE columnNameList                                                                     #uniqueTableConstraint
    | CHECK LEFT_PAREN expression RIGHT_PAREN                                                   #checkTableConstraint
    | FOREIGN KEY columns=columnNameList REFERENCES qualifiedName referencedColumns=columnNameList?
        referentialAction*                                                                      #foreignKeyTableConstraint
    ;

referentialAction
    : ON event=(DELETE | UPDATE) referentialActionKind
    ;

referentialActionKind
    : NO ACTION
    | RESTRICT
    | CASCADE
    | SET NULL
    | SET DEFAULT
    ;

storageParameters
    : WITH LEFT_PAREN storageParameter (COMMA storageParameter)* RIGHT_PAREN
    ;

storageParameter
    : columnLabel (DOT columnLabel)? (EQUAL optionValue)?
    ;

dropRelation
    : DROP kind=(TABLE | SEQUENCE | VIEW) (IF EXISTS)? qualifiedName (COMMA qualifiedName)* dropBehavior?
    ;

dropIndex
    : DROP INDEX CONCURRENTLY? (IF EXISTS)? qualifiedName (COMMA qualifiedName)* dropBehavior?
    ;

dropBehavior
    : CASCADE
    | RESTRICT
    ;

createIndex
    : CREATE UNIQUE? INDEX CONCURRENTLY? (IF NOT EXISTS)? name=identifier? ON ONLY? qualifiedName
      (USING method=identifier)? LEFT_PAREN indexElement (COMMA indexElement)* RIGHT_PAREN
      (WHERE expression)?
    ;

indexElement
    : indexTarget ordering=(ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

indexTarget
    : identifier                                                                                #columnIndexTarget
    | functionCall                                                                              #functionIndexTarget
    | LEFT_PAREN expression RIGHT_PAREN                                                         #expressionIndexTarget
    ;

createSequence
    : CREATE tablePersistence? SEQUENCE (IF NOT EXISTS)? qualifiedName sequenceOption*
    ;

sequenceOption
    : AS typeName                                                                               #sequenceType
    | INCREMENT BY? signedNumber                                                                #sequenceIncrement
    | MINVALUE signedNumber                                                                     #sequenceMinValue
    | NO MINVALUE                                                                               #sequenceNoMinValue
    | MAXVALUE signedNumber                                                                     #sequenceMaxValue
    | NO MAXVALUE                                                                               #sequenceNoMaxValue
    | START WITH? signedNumber                                                                  #sequenceStart
    | CACHE signedNumber                                                                        #sequenceCache
    | NO? CYCLE                                                                                 #sequenceCycle
    | OWNED BY qualifiedName                                                                    #sequenceOwnedBy
    ;

createView
    : CREATE (OR REPLACE)? tablePersistence? VIEW qualifiedName columnNameList? AS query
    ;

alterTable
    : ALTER TABLE (IF EXISTS)? ONLY? qualifiedName alterTableAction (COMMA alterTableAction)*    #alterTableActions
    | ALTER TABLE (IF EXISTS)? ONLY? qualifiedName RENAME COLUMN? from=identifier TO to=identifier #renameColumn
    | ALTER TABLE (IF EXISTS)? ONLY? qualifiedName RENAME TO newName=identifier                 #renameTable
    ;

alterTableAction
    : ADD COLUMN? (IF NOT EXISTS)? columnDefinition                                             #addColumn
    | ADD tableConstraint                                                                       #addConstraint
    | DROP CONSTRAINT (IF EXISTS)? identifier dropBehavior?                                     #dropConstraint
    | DROP COLUMN? (IF EXISTS)? identifier dropBehavior?                                        #dropColumn
    | ALTER COLUMN? identifier SET DEFAULT expression                                           #setColumnDefault
    | ALTER COLUMN? identifier DROP DEFAULT                                                     #dropColumnDefault
    | ALTER COLUMN? identifier SET NOT NULL                                                     #setColumnNotNull
    | ALTER COLUMN? identifier DROP NOT NULL                                                    #dropColumnNotNull
    | ALTER COLUMN? identifier (SET DATA)? TYPE typeName (USING expression)?                    #alterColumnType
    ;

truncate
    : TRUNCATE TABLE? ONLY? qualifiedName (COMMA ONLY? qualifiedName)*
      (identityHandling=(RESTART | CONTINUE) IDENTITY)? dropBehavior?
    ;

analyze
    : (ANALYZE | ANALYSE) VERBOSE? (qualifiedName (COMMA qualifiedName)*)?
    ;

comment
    : COMMENT ON target=(TABLE | VIEW | SEQUENCE | INDEX | COLUMN | SCHEMA | DATABASE) qualifiedName
      IS (stringConstant | NULL)
    ;

vacuum
    : VACUUM FULL? FREEZE? VERBOSE? (ANALYZE | ANALYSE)? (qualifiedName (COMMA qualifiedName)*)?
    | VACUUM LEFT_PAREN utilityOption (COMMA utilityOption)* RIGHT_PAREN (qualifiedName (COMMA qualifiedName)*)?
    ;
