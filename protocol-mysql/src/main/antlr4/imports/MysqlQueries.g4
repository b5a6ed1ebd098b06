/* SELECT and set operations, with MySQL's LIMIT [offset,] count and LIMIT count OFFSET offset. */
parser grammar MysqlQueries;

query
    : withClause? queryExpression orderByClause? limitClause? lockClause?
    ;

/* MySQL 8's common table expressions. */
withClause
    : WITH RECURSIVE? commonTableExpression (COMMA commonTableExpression)*
    ;

commonTableExpression
    : name=identifier columnList? AS LEFT_PAREN query RIGHT_PAREN
    ;

queryExpression
    : queryPrimary                                                                              #primaryQuery
    | left=queryExpression INTERSECT quantifier=(ALL | DISTINCT)? right=queryExpression          #setOperation
    | left=queryExpression operator=(UNION | EXCEPT) quantifier=(ALL | DISTINCT)?
        right=queryExpression                                                                   #setOperation
    ;

queryPrimary
    : querySpecification
    | LEFT_PAREN query RIGHT_PAREN
    ;

querySpecification
    : SELECT (ALL | DISTINCT)? SQL_NO_CACHE? SQL_CALC_FOUND_ROWS? SQL_NO_CACHE? selectItem (COMMA selectItem)*
      (FROM fromItem (COMMA fromItem)*)?
      (WHERE where=expression)?
      (GROUP BY expression (COMMA expression)*)?
      (HAVING having=expression)?
      (WINDOW windowDefinition (COMMA windowDefinition)*)?
    ;

windowDefinition
    : name=identifier AS LEFT_PAREN windowSpecification RIGHT_PAREN
    ;

selectItem
    : STAR                                                                                      #selectAll
    | qualifiedName DOT STAR                                                                    #selectAllFrom
    | expression (AS? alias)?                                                                   #selectExpression
    ;

alias
    : identifier
    | STRING
    | DOUBLE_QUOTED_STRING
    ;

fromItem
    : tablePrimary                                                                              #singleTable
    | left=fromItem CROSS JOIN right=tablePrimary                                               #crossJoin
    | left=fromItem INNER? JOIN right=tablePrimary joinCriteria?                                #innerJoin
    | left=fromItem side=(LEFT | RIGHT) OUTER? JOIN right=tablePrimary joinCriteria             #outerJoin
    ;

joinCriteria
    : ON expression
    | USING LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

tablePrimary
    : qualifiedName (AS? identifier)?                                                           #tableName
    | LEFT_PAREN query RIGHT_PAREN AS? identifier                                               #derivedTable
    | LEFT_PAREN fromItem RIGHT_PAREN                                                           #parenthesizedJoin
    ;

orderByClause
    : ORDER BY sortItem (COMMA sortItem)*
    ;

sortItem
    : expression direction=(ASC | DESC)?
    ;

limitClause
    : LIMIT first=limitValue (COMMA second=limitValue)?
    | LIMIT first=limitValue OFFSET offset=limitValue
    ;

limitValue
    : INTEGER_LITERAL
    | QUESTION
    ;

lockClause
    : FOR UPDATE lockWait?
    | FOR SHARE lockWait?
    | LOCK IN SHARE MODE
    ;

lockWait
    : NOWAIT
    | SKIP_KEYWORD LOCKED
    ;
