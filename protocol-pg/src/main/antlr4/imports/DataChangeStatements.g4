/* INSERT, UPDATE and DELETE, with WITH, ON CONFLICT and RETURNING. */
parser grammar DataChangeStatements;

insertStatement
    : withClause? INSERT INTO qualifiedName (AS alias=identifier)? columnNameList?
      insertSource onConflictClause? returningClause?
    ;

insertSource
    : DEFAULT VALUES
    | query
    ;

onConflictClause
    : ON CONFLICT conflictTarget? conflictAction
    ;

conflictTarget
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    | ON CONSTRAINT identifier
    ;

conflictAction
    : DO NOTHING
    | DO UPDATE SET assignment (COMMA assignment)* (WHERE expression)?
    ;

assignment
    : identifier EQUAL (DEFAULT | expression)
    ;

returningClause
    : RETURNING selectList
    ;

updateStatement
    : withClause? UPDATE ONLY? qualifiedName (AS? alias=identifier)?
      SET assignment (COMMA assignment)*
      fromClause?
      (WHERE expression)?
      returningClause?
    ;

deleteStatement
    : withClause? DELETE FROM ONLY? qualifiedName (AS? alias=identifier)?
      (USING fromItem (COMMA fromItem)*)?
      (WHERE expression)?
      returningClause?
    ;
