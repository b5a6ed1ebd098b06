/*
 * Queries: SELECT, VALUES, TABLE, set operations (INTERSECT binds tighter than UNION and EXCEPT),
 * WITH, ORDER BY, LIMIT/OFFSET/FETCH and FOR UPDATE/SHARE, and the FROM clause with joins.
 */
parser grammar QueryStatements;

query
    : withClause? setExpression orderByClause? queryModifier*
    ;

queryModifier
    : LIMIT (limit=expression | ALL)                                                            #limitClause
    | FETCH (FIRST | NEXT) fetchCount=valueExpression? (ROW | ROWS) ONLY                        #fetchClause
    | OFFSET offset=expression (ROW | ROWS)?                                                    #offsetClause
    | FOR (UPDATE | NO KEY UPDATE | SHARE | KEY SHARE)
      (OF qualifiedName (COMMA qualifiedName)*)? (NOWAIT | SKIP_KEYWORD LOCKED)?                         #lockingClause
    ;

withClause
    : WITH RECURSIVE? commonTableExpression (COMMA commonTableExpression)*
    ;

commonTableExpression
    : identifier columnNameList? AS LEFT_PAREN query RIGHT_PAREN
    ;

setExpression
    : queryPrimary                                                                              #primarySet
    | left=setExpression INTERSECT setQuantifier? right=setExpression                          #intersectSet
    | left=setExpression operator=(UNION | EXCEPT) setQuantifier? right=setExpression          #unionOrExceptSet
    ;

setQuantifier
    : ALL
    | DISTINCT
    ;

queryPrimary
    : selectCore                                                                                #selectPrimary
    | valuesClause                                                                              #valuesPrimary
    | TABLE qualifiedName                                                                       #tablePrimary
    | LEFT_PAREN query RIGHT_PAREN                                                              #parenthesizedPrimary
    ;

selectCore
    : SELECT distinctClause? selectList?
      fromClause?
      (WHERE where=expression)?
      (GROUP BY groupBy+=groupingElement (COMMA groupBy+=groupingElement)*)?
      (HAVING having=expression)?
      (WINDOW windowDefinition (COMMA windowDefinition)*)?
    ;

windowDefinition
    : name=identifier AS LEFT_PAREN windowSpecification RIGHT_PAREN
    ;

groupingElement
    : ROLLUP LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                                  #rollupGrouping
    | CUBE LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                                    #cubeGrouping
    | GROUPING SETS LEFT_PAREN groupingElement (COMMA groupingElement)* RIGHT_PAREN                 #groupingSetsGrouping
    | LEFT_PAREN RIGHT_PAREN                                                                        #emptyGrouping
    | expression                                                                                    #expressionGrouping
    ;

distinctClause
    : ALL
    | DISTINCT (ON LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN)?
    ;

selectList
    : selectItem (COMMA selectItem)*
    ;

selectItem
    : STAR                                                                                      #allColumns
    | identifier (DOT columnLabel)* DOT STAR                                                    #qualifiedAllColumns
    | expression (AS columnLabel | bareLabel)?                                                  #selectExpression
    ;

valuesClause
    : VALUES valuesRow (COMMA valuesRow)*
    ;

valuesRow
    : LEFT_PAREN valuesItem (COMMA valuesItem)* RIGHT_PAREN
    ;

/** DEFAULT is only meaningful in the VALUES of an INSERT; the AST builder rejects it elsewhere. */
valuesItem
    : DEFAULT
    | expression
    ;

orderByClause
    : ORDER BY sortItem (COMMA sortItem)*
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

fromClause
    : FROM fromItem (COMMA fromItem)*
    ;

fromItem
    : fromPrimary                                                                               #primaryFromItem
    | left=fromItem CROSS JOIN right=fromPrimary                                                #crossJoin
    | left=fromItem joinType JOIN right=fromPrimary joinCriteria                                #qualifiedJoin
    | left=fromItem NATURAL joinType JOIN right=fromPrimary                                     #naturalJoin
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON expression
    | USING LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

fromPrimary
    : ONLY? qualifiedName STAR? aliasClause?                                                    #tableReference
    | LATERAL? LEFT_PAREN query RIGHT_PAREN aliasClause?                                        #derivedTable
    | LATERAL? functionCall (WITH ordinality=identifier)? aliasClause?                          #functionTable
    | LEFT_PAREN fromItem RIGHT_PAREN aliasClause?                                              #parenthesizedFromItem
    ;

aliasClause
    : AS? identifier columnNameList?
    ;
