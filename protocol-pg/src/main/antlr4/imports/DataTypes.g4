/*
 * Type names as PostgreSQL writes them: the SQL-standard spellings that need keywords
 * (DOUBLE PRECISION, CHARACTER VARYING(n), TIMESTAMP WITH TIME ZONE...), generic names resolved
 * later (text, int4, pg_catalog.uuid, serial...), and array suffixes.
 */
parser grammar DataTypes;

typeName
    : simpleTypeName arrayBounds*
    | simpleTypeName ARRAY (LEFT_BRACKET INTEGER_LITERAL RIGHT_BRACKET)?
    ;

arrayBounds
    : LEFT_BRACKET INTEGER_LITERAL? RIGHT_BRACKET
    ;

simpleTypeName
    : standardTypeName
    | INTERVAL intervalQualifier?
    | INTERVAL LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN
    | genericTypeName typeModifiers?
    ;

standardTypeName
    : INT                                                                                       #integerType
    | INTEGER                                                                                   #integerType
    | SMALLINT                                                                                  #smallintType
    | BIGINT                                                                                    #bigintType
    | REAL                                                                                      #realType
    | FLOAT (LEFT_PAREN precision=INTEGER_LITERAL RIGHT_PAREN)?                                 #floatType
    | DOUBLE PRECISION                                                                          #doubleType
    | (NUMERIC | DECIMAL | DEC) typeModifiers?                                                  #numericType
    | BOOLEAN                                                                                   #booleanType
    | (CHARACTER | CHAR | NCHAR | NATIONAL (CHARACTER | CHAR)) VARYING?
        (LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN)?                                        #characterType
    | VARCHAR (LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN)?                                  #varcharType
    | TIME (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)? timeZone?                                  #timeType
    | TIMESTAMP (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)? timeZone?                             #timestampType
    ;

timeZone
    : (WITH | WITHOUT) TIME ZONE
    ;

genericTypeName
    : typeFunctionName (DOT columnLabel)*
    ;

typeModifiers
    : LEFT_PAREN signedNumber (COMMA signedNumber)* RIGHT_PAREN
    ;

intervalQualifier
    : from=intervalField (TO to=intervalField)?
    ;

intervalField
    : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?
    ;
