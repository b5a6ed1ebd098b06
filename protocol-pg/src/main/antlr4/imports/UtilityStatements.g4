/* COPY (both the parenthesised option list and the pre-9.0 option words) and EXPLAIN. */
parser grammar UtilityStatements;

copyStatement
    : COPY qualifiedName columnNameList? direction=(FROM | TO) copyEndpoint copyOptions?        #copyTable
    | COPY LEFT_PAREN query RIGHT_PAREN TO copyEndpoint copyOptions?                            #copyQuery
    ;

copyEndpoint
    : STDIN
    | STDOUT
    | stringConstant
    ;

copyOptions
    : WITH? LEFT_PAREN copyOption (COMMA copyOption)* RIGHT_PAREN
    | WITH? legacyCopyOption+
    ;

copyOption
    : columnLabel copyOptionArgument?
    ;

copyOptionArgument
    : optionValue
    | STAR
    | LEFT_PAREN optionValue (COMMA optionValue)* RIGHT_PAREN
    ;

legacyCopyOption
    : BINARY                                                                                    #legacyBinary
    | FREEZE                                                                                    #legacyFreeze
    | CSV                                                                                       #legacyCsv
    | HEADER                                                                                    #legacyHeader
    | option=(DELIMITER | NULL | QUOTE | ESCAPE) AS? stringConstant                             #legacyStringOption
    | ENCODING stringConstant                                                                   #legacyEncoding
    | FORCE QUOTE (STAR | identifier (COMMA identifier)*)                                       #legacyForceQuote
    | FORCE NOT NULL identifier (COMMA identifier)*                                             #legacyForceNotNull
    | FORCE NULL identifier (COMMA identifier)*                                                 #legacyForceNull
    ;

explainStatement
    : EXPLAIN (ANALYZE | ANALYSE)? VERBOSE? explainableStatement
    | EXPLAIN LEFT_PAREN utilityOption (COMMA utilityOption)* RIGHT_PAREN explainableStatement
    ;

explainableStatement
    : query
    | insertStatement
    | updateStatement
    | deleteStatement
    ;

/** An option of EXPLAIN (...) or VACUUM (...): a name with an optional value. */
utilityOption
    : (nonReservedWord | ANALYZE | ANALYSE) optionValue?
    ;
