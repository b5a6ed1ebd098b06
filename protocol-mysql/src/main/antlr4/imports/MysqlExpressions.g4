/*
 * Scalar expressions with MySQL's operator precedence ("Operator Precedence" in the MySQL manual),
 * lowest first: OR, || < XOR < AND, && < NOT < comparisons, IS, LIKE, REGEXP, IN, BETWEEN
 * < | < & < <<, >> < +, - < *, /, DIV, %, MOD < ^ < unary -, ~, ! < COLLATE.
 * In each left-recursive rule an earlier alternative binds tighter.
 */
parser grammar MysqlExpressions;

expression
    : predicate                                                                                 #predicateExpression
    | NOT expression                                                                            #logicalNot
    | left=expression (AND | LOGICAL_AND) right=expression                                      #logicalAnd
    | left=expression XOR right=expression                                                      #logicalXor
    | left=expression (OR | LOGICAL_OR) right=expression                                        #logicalOr
    ;

predicate
    : valueExpression                                                                           #valueOperand
    | predicate IS NOT? truthValue=(NULL | TRUE | FALSE | UNKNOWN)                              #isTest
    | predicate NOT? BETWEEN low=valueExpression AND high=predicate                             #between
    | predicate NOT? IN LEFT_PAREN query RIGHT_PAREN                                            #inSubquery
    | predicate NOT? IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                   #inList
    | predicate NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?              #like
    | predicate NOT? (REGEXP | RLIKE) pattern=valueExpression                                   #regexp
    | predicate comparisonOperator quantifier=(ANY | SOME | ALL) LEFT_PAREN query RIGHT_PAREN   #quantifiedComparison
    | left=predicate comparisonOperator right=predicate                                         #comparison
    ;

comparisonOperator
    : EQUAL | NULL_SAFE_EQUAL | NOT_EQUAL | LESS | LESS_EQUAL | GREATER | GREATER_EQUAL
    ;

valueExpression
    : primaryExpression                                                                         #primary
    | valueExpression COLLATE optionWord                                                        #collate
    | operator=(MINUS | PLUS | TILDE | BANG) valueExpression                                    #unary
    | BINARY valueExpression                                                                    #binaryOperator
    | left=valueExpression CARET right=valueExpression                                          #bitwiseXor
    | left=valueExpression operator=(STAR | SLASH | DIV | PERCENT | MOD) right=valueExpression  #multiplicative
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression                        #additive
    | left=valueExpression operator=(SHIFT_LEFT | SHIFT_RIGHT) right=valueExpression            #shift
    | left=valueExpression AMPERSAND right=valueExpression                                      #bitwiseAnd
    | left=valueExpression VERTICAL_BAR right=valueExpression                                   #bitwiseOr
    ;

primaryExpression
    : literal                                                                                   #literalExpression
    | QUESTION                                                                                  #parameter
    | SYSTEM_VARIABLE                                                                           #systemVariable
    | USER_VARIABLE                                                                             #userVariable
    | typed=(DATE | TIME | TIMESTAMP) STRING                                                    #typedLiteral
    // d + INTERVAL n unit, INTERVAL n unit + d, DATE_ADD(d, INTERVAL n unit): the builder reads the sum as date arithmetic.
    | INTERVAL amount=expression unit=intervalUnit                                              #intervalValue
    | special=(CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP) (LEFT_PAREN INTEGER_LITERAL? RIGHT_PAREN)? #specialValue
    | CAST LEFT_PAREN expression AS castType RIGHT_PAREN                                        #cast
    | CONVERT LEFT_PAREN expression COMMA castType RIGHT_PAREN                                  #convert
    | CONVERT LEFT_PAREN expression USING optionWord RIGHT_PAREN                                #convertUsing
    | CASE operand=expression? whenClause+ (ELSE elseResult=expression)? END                    #caseExpression
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                                       #exists
    | LEFT_PAREN query RIGHT_PAREN                                                              #scalarSubquery
    | LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                                     #parenthesizedOrRow
    // ORDER BY and SEPARATOR belong to GROUP_CONCAT only; the builder rejects them elsewhere.
    | functionName LEFT_PAREN (STAR | (DISTINCT | ALL)? expression (COMMA expression)* orderByClause?
          (SEPARATOR separator=STRING)?)? RIGHT_PAREN overClause?                               #functionCall
    // The SQL-standard argument forms of SUBSTRING/SUBSTR and TRIM; the builder checks which function it is.
    | functionName LEFT_PAREN side=(BOTH | LEADING | TRAILING)? first=expression? FROM second=expression
          (FOR third=expression)? RIGHT_PAREN                                                   #functionWithFrom
    | functionName LEFT_PAREN needle=valueExpression IN haystack=expression RIGHT_PAREN          #positionCall
    | qualifiedName arrow=(JSON_EXTRACT_ARROW | JSON_UNQUOTE_ARROW) path=STRING                 #jsonColumnPath
    | qualifiedName                                                                             #columnReference
    ;

/* MySQL 8's window functions: OVER (window) or OVER name, a named window of the WINDOW clause. */
overClause
    : OVER LEFT_PAREN windowSpecification RIGHT_PAREN
    | OVER windowName=identifier
    ;

windowSpecification
    : baseWindow=identifier? (PARTITION BY expression (COMMA expression)*)? orderByClause? windowFrame?
    ;

windowFrame
    : unit=(RANGE | ROWS) (start=frameBound | BETWEEN start=frameBound AND end=frameBound)
    ;

frameBound
    : UNBOUNDED PRECEDING                                                                       #unboundedPreceding
    | UNBOUNDED FOLLOWING                                                                       #unboundedFollowing
    | CURRENT ROW                                                                               #currentRow
    | valueExpression direction=(PRECEDING | FOLLOWING)                                         #offsetBound
    ;

functionName
    : identifier
    | IF | INSERT | REPLACE | LEFT | RIGHT | DATABASE | SCHEMA | MOD | CHAR | DATE | TIME | TIMESTAMP
    | YEAR | MONTH | DAY | HOUR | MINUTE | SECOND | WEEK | QUARTER | MICROSECOND | TRUNCATE | VALUES
    | COLLATION | CHARSET
    ;

literal
    : NULL                                                                                      #nullLiteral
    | (TRUE | FALSE)                                                                            #booleanLiteral
    | INTEGER_LITERAL                                                                           #integerLiteral
    | DECIMAL_LITERAL                                                                           #decimalLiteral
    | HEX_LITERAL                                                                               #hexLiteral
    | (STRING | DOUBLE_QUOTED_STRING)+                                                          #stringLiteral
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

intervalUnit
    : MICROSECOND | SECOND | MINUTE | HOUR | DAY | WEEK | MONTH | QUARTER | YEAR
    ;

castType
    : BINARY (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                          #castBinary
    | (CHAR | CHARACTER) (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)? ((CHARACTER SET | CHARSET) optionWord)? #castChar
    | DATE                                                                                      #castDate
    | DATETIME (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                        #castDatetime
    | TIME (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                            #castTime
    | (DECIMAL | DEC | NUMERIC | FIXED) (LEFT_PAREN precision=INTEGER_LITERAL (COMMA scale=INTEGER_LITERAL)? RIGHT_PAREN)? #castDecimal
    | SIGNED INTEGER?                                                                           #castSigned
    | UNSIGNED INTEGER?                                                                         #castUnsigned
    | JSON                                                                                      #castJson
    | (DOUBLE PRECISION? | REAL)                                                                #castDouble
    | FLOAT (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                           #castFloat
    ;
