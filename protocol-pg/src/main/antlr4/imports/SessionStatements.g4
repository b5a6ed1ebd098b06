/* SET, SHOW and RESET of run-time parameters. */
parser grammar SessionStatements;

setStatement
    : SET scope=(SESSION | LOCAL)? variableName (TO | EQUAL) (DEFAULT | optionValue (COMMA optionValue)*) #setVariable
    | SET scope=(SESSION | LOCAL)? TIME ZONE (LOCAL | DEFAULT | INTERVAL stringConstant | optionValue)     #setTimeZone
    | SET scope=(SESSION | LOCAL)? NAMES (stringConstant | DEFAULT)?                                      #setNames
    | SET scope=(SESSION | LOCAL)? SCHEMA stringConstant                                                  #setSchema
    ;

showStatement
    : SHOW (variableName | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL)
    ;

resetStatement
    : RESET (variableName | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL)
    ;

variableName
    : identifier (DOT identifier)*
    ;

/** A parameter value as PostgreSQL accepts it: a number, a string, ON/TRUE/FALSE or any non-reserved word. */
optionValue
    : signedNumber
    | stringConstant
    | ON
    | TRUE
    | FALSE
    | nonReservedWord
    ;
