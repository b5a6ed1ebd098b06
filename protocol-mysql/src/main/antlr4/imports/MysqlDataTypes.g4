/* Column types of CREATE TABLE and ALTER TABLE, with MySQL's integer display widths and UNSIGNED. */
parser grammar MysqlDataTypes;

dataType
    : name=(TINYINT | SMALLINT | MEDIUMINT | INT | INTEGER | BIGINT)
        (LEFT_PAREN width=INTEGER_LITERAL RIGHT_PAREN)? numericModifier*                       #integerType
    | (BOOL | BOOLEAN)                                                                          #booleanType
    | SERIAL                                                                                    #serialType
    | BIT (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                             #bitType
    | (DECIMAL | DEC | NUMERIC | FIXED)
        (LEFT_PAREN precision=INTEGER_LITERAL (COMMA scale=INTEGER_LITERAL)? RIGHT_PAREN)? numericModifier* #decimalType
    | name=(FLOAT | DOUBLE | REAL) PRECISION?
        (LEFT_PAREN precision=INTEGER_LITERAL (COMMA scale=INTEGER_LITERAL)? RIGHT_PAREN)? numericModifier* #floatType
    | NATIONAL? (CHAR | CHARACTER) varying=IDENTIFIER? (LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN)? stringModifier* #charType
    | (VARCHAR | VARCHARACTER) LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN stringModifier*    #varcharType
    | BINARY (LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN)?                                   #binaryType
    | VARBINARY LEFT_PAREN length=INTEGER_LITERAL RIGHT_PAREN                                   #varbinaryType
    | name=(TINYTEXT | TEXT | MEDIUMTEXT | LONGTEXT) (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)? stringModifier* #textType
    | name=(TINYBLOB | BLOB | MEDIUMBLOB | LONGBLOB) (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?  #blobType
    | DATE                                                                                      #dateType
    | DATETIME (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                        #datetimeType
    | TIMESTAMP (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                       #timestampType
    | TIME (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                            #timeType
    | YEAR (LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN)?                                            #yearType
    | JSON                                                                                      #jsonType
    | ENUM LEFT_PAREN STRING (COMMA STRING)* RIGHT_PAREN stringModifier*                        #enumType
    | SET LEFT_PAREN STRING (COMMA STRING)* RIGHT_PAREN stringModifier*                         #setType
    ;

numericModifier
    : UNSIGNED
    | SIGNED
    | ZEROFILL
    ;

stringModifier
    : BINARY
    | (CHARACTER SET | CHARSET) optionWord
    | COLLATE optionWord
    ;
