/*
 * Scalar expressions with PostgreSQL's operator precedence (gram.y), lowest first:
 * OR < AND < NOT < IS, ISNULL, NOTNULL < comparisons < BETWEEN, IN, LIKE, ILIKE, SIMILAR
 * < other operators (||, ~, ->, @>, OPERATOR(...)) < + - < * / % < ^ < AT TIME ZONE < COLLATE
 * < unary minus < :: < [] subscript.
 *
 * Two left-recursive rules carry the levels: booleanExpression (predicates and logic) and
 * valueExpression (arithmetic and other operators). Operands that must not swallow AND or IN
 * (BETWEEN bounds, LIKE patterns, POSITION, DEFAULT values) are valueExpressions, as PostgreSQL
 * uses b_expr there. In each rule an earlier alternative binds tighter.
 */
parser grammar Expressions;

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression                                                                           #valueOperand
    | booleanExpression NOT? (LIKE | ILIKE) pattern=valueExpression (ESCAPE escape=valueExpression)? #like
    | booleanExpression NOT? SIMILAR TO pattern=valueExpression (ESCAPE escape=valueExpression)?      #similarTo
    | booleanExpression NOT? BETWEEN (SYMMETRIC | ASYMMETRIC)? low=valueExpression AND high=valueExpression #between
    | booleanExpression NOT? IN LEFT_PAREN query RIGHT_PAREN                                       #inSubquery
    | booleanExpression NOT? IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN              #inList
    | booleanExpression quantifiableOperator quantifier=(ANY | SOME | ALL)
        LEFT_PAREN (query | expression) RIGHT_PAREN                                                #quantifiedComparison
    | left=booleanExpression comparisonOperator right=booleanExpression                           #comparison
    | booleanExpression IS NOT? truthValue=(NULL | TRUE | FALSE | UNKNOWN)                        #isTest
    | booleanExpression nullTest=(ISNULL | NOTNULL)                                                #postfixNullTest
    | left=booleanExpression IS NOT? DISTINCT FROM right=booleanExpression                        #isDistinctFrom
    | NOT booleanExpression                                                                        #logicalNot
    | left=booleanExpression AND right=booleanExpression                                          #logicalAnd
    | left=booleanExpression OR right=booleanExpression                                           #logicalOr
    ;

valueExpression
    : primaryExpression                                                                         #primary
    | valueExpression LEFT_BRACKET index=expression RIGHT_BRACKET                               #subscript
    | valueExpression TYPECAST typeName                                                         #typecast
    | operator=(MINUS | PLUS) valueExpression                                                   #arithmeticUnary
    | valueExpression COLLATE qualifiedName                                                     #collate
    | operand=valueExpression AT TIME ZONE zone=valueExpression                                        #atTimeZone
    | left=valueExpression CARET right=valueExpression                                          #power
    | left=valueExpression operator=(STAR | SLASH | PERCENT) right=valueExpression              #multiplicative
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression                        #additive
    | left=valueExpression otherOperator right=valueExpression                                  #otherBinary
    | TILDE valueExpression                                                                     #bitwiseNot
    ;

comparisonOperator
    : EQUAL | NOT_EQUAL | LESS | LESS_EQUAL | GREATER | GREATER_EQUAL
    ;

/** Operators PostgreSQL gives the precedence of a user-defined operator ("Op" in gram.y). */
otherOperator
    : CONCAT | AMPERSAND | VERTICAL_BAR | HASH | SHIFT_LEFT | SHIFT_RIGHT
    | TILDE | TILDE_STAR | NOT_TILDE | NOT_TILDE_STAR
    | ARROW | DOUBLE_ARROW | HASH_ARROW | HASH_DOUBLE_ARROW | AT_ARROW | ARROW_AT
    | QUESTION | QUESTION_BAR | QUESTION_AMPERSAND | DOUBLE_AMPERSAND
    | qualifiedOperator
    ;

/** OPERATOR(pg_catalog.=): any operator spelled out, always at the precedence of other operators. */
qualifiedOperator
    : OPERATOR LEFT_PAREN (identifier DOT)* operatorSymbol RIGHT_PAREN
    ;

operatorSymbol
    : comparisonOperator | PLUS | MINUS | STAR | SLASH | PERCENT | CARET
    | CONCAT | AMPERSAND | VERTICAL_BAR | HASH | SHIFT_LEFT | SHIFT_RIGHT
    | TILDE | TILDE_STAR | NOT_TILDE | NOT_TILDE_STAR
    | ARROW | DOUBLE_ARROW | HASH_ARROW | HASH_DOUBLE_ARROW | AT_ARROW | ARROW_AT
    | QUESTION | QUESTION_BAR | QUESTION_AMPERSAND | DOUBLE_AMPERSAND
    ;

quantifiableOperator
    : comparisonOperator
    | otherOperator
    ;

/**
 * A parenthesised expression and a row constructor (a, b) share one alternative so that choosing
 * between them and a subquery needs only the tokens after the parenthesis, not a scan to its end.
 */
primaryExpression
    : literal                                                                                   #literalExpression
    | PARAMETER                                                                                 #parameter
    | standardTypeName stringConstant                                                           #standardTypedLiteral
    | INTERVAL stringConstant intervalQualifier?                                                #intervalLiteral
    | genericTypeName stringConstant                                                            #genericTypedLiteral
    | specialValue=(CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP
        | CURRENT_USER | CURRENT_ROLE | SESSION_USER | USER | CURRENT_SCHEMA | CURRENT_CATALOG)  #specialValue
    | CAST LEFT_PAREN expression AS typeName RIGHT_PAREN                                        #cast
    | CASE operand=expression? whenClause+ (ELSE elseResult=expression)? END                    #caseExpression
    | EXTRACT LEFT_PAREN extractField FROM expression RIGHT_PAREN                               #extract
    | SUBSTRING LEFT_PAREN expression substringBounds RIGHT_PAREN                               #substring
    | SUBSTRING LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                           #substringCall
    | POSITION LEFT_PAREN substring=valueExpression IN string=valueExpression RIGHT_PAREN       #position
    | TRIM LEFT_PAREN side=(BOTH | LEADING | TRAILING)? (characters=expression? FROM)?
        sources+=expression (COMMA sources+=expression)* RIGHT_PAREN                                              #trim
    | OVERLAY LEFT_PAREN target=expression PLACING replacement=expression
        FROM start=expression (FOR length=expression)? RIGHT_PAREN                              #overlay
    | name=(COALESCE | GREATEST | LEAST) LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN  #variadicFunction
    | NULLIF LEFT_PAREN expression COMMA expression RIGHT_PAREN                                 #nullIf
    | functionCall                                                                              #functionCallExpression
    | ARRAY LEFT_PAREN query RIGHT_PAREN                                                        #arraySubquery
    | ARRAY arrayLiteral                                                                        #arrayConstructor
    | ROW LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN                              #explicitRow
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                                       #exists
    | LEFT_PAREN query RIGHT_PAREN                                                              #scalarSubquery
    | LEFT_PAREN expression RIGHT_PAREN (DOT columnLabel)+                                      #fieldSelection
    | LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                                     #parenthesizedOrRow
    | qualifiedName                                                                             #columnReference
    ;

literal
    : NULL                                                                                      #nullLiteral
    | (TRUE | FALSE)                                                                            #booleanLiteral
    | INTEGER_LITERAL                                                                           #integerLiteral
    | DECIMAL_LITERAL                                                                           #decimalLiteral
    | stringConstant                                                                            #stringLiteral
    ;

/** Adjacent standard strings continue each other when separated by a newline, as in PostgreSQL. */
stringConstant
    : STRING+
    | ESCAPE_STRING
    | UNICODE_STRING
    | DOLLAR_STRING
    ;

signedNumber
    : (PLUS | MINUS)? (INTEGER_LITERAL | DECIMAL_LITERAL)
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

extractField
    : identifier
    | stringConstant
    ;

substringBounds
    : FROM start=expression (FOR length=expression)?
    | FOR length=expression (FROM start=expression)?
    | SIMILAR pattern=valueExpression ESCAPE escape=valueExpression
    ;

arrayLiteral
    : LEFT_BRACKET (arrayElement (COMMA arrayElement)*)? RIGHT_BRACKET
    ;

arrayElement
    : arrayLiteral
    | expression
    ;

functionCall
    : functionName LEFT_PAREN
        ( STAR
        | (setQuantifier? expression (COMMA expression)* orderByClause?)
        )?
      RIGHT_PAREN filterClause? overClause?
    ;

functionName
    : typeFunctionName
    | identifier (DOT columnLabel)+
    ;

filterClause
    : FILTER LEFT_PAREN WHERE expression RIGHT_PAREN
    ;

overClause
    : OVER LEFT_PAREN windowSpecification RIGHT_PAREN
    | OVER windowName=identifier
    ;

windowSpecification
    : baseWindow=identifier? (PARTITION BY expression (COMMA expression)*)? orderByClause? windowFrame?
    ;

windowFrame
    : unit=(RANGE | ROWS | GROUPS) (start=frameBound | BETWEEN start=frameBound AND end=frameBound)
    ;

frameBound
    : UNBOUNDED PRECEDING                                                                       #unboundedPreceding
    | UNBOUNDED FOLLOWING                                                                       #unboundedFollowing
    | CURRENT ROW                                                                               #currentRow
    | valueExpression direction=(PRECEDING | FOLLOWING)                                         #offsetBound
    ;
