/*
 * Names and PostgreSQL's four keyword classes (src/include/parser/kwlist.h): reserved keywords,
 * keywords that may name functions and types, keywords that may name columns, and unreserved ones.
 * A keyword the grammar gives no role is not a token at all, so it is an ordinary identifier.
 */
parser grammar Names;

/** PostgreSQL's ColId: names of columns, tables, schemas, aliases. */
identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_QUOTED_IDENTIFIER
    | unreservedKeyword
    | columnNameKeyword
    ;

/** PostgreSQL's type_function_name: the unqualified name of a function or type. */
typeFunctionName
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_QUOTED_IDENTIFIER
    | unreservedKeyword
    | typeFunctionNameKeyword
    ;

/** PostgreSQL's NonReservedWord: any word but a reserved keyword. */
nonReservedWord
    : identifier
    | typeFunctionNameKeyword
    ;

/** PostgreSQL's ColLabel: after AS and after a dot, any word at all. */
columnLabel
    : nonReservedWord
    | reservedKeyword
    ;

/**
 * An alias written without AS. Words that could also continue the expression before it (AT TIME
 * ZONE, FILTER, OVER, ESCAPE, interval fields...) need AS, as in PostgreSQL.
 */
bareLabel
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_QUOTED_IDENTIFIER
    | bareLabelKeyword
    ;

qualifiedName
    : identifier (DOT columnLabel)*
    ;

columnNameList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

reservedKeyword
    : ALL | ANALYSE | ANALYZE | AND | ANY | ARRAY | AS | ASC | ASYMMETRIC | BOTH | CASE | CAST | CHECK
    | COLLATE | COLUMN | CONSTRAINT | CREATE | CURRENT_CATALOG | CURRENT_DATE | CURRENT_ROLE | CURRENT_TIME
    | CURRENT_TIMESTAMP | CURRENT_USER | DEFAULT | DEFERRABLE | DESC | DISTINCT | DO | ELSE | END
    | EXCEPT | FALSE | FETCH | FOR | FOREIGN | FROM | GROUP | HAVING | IN | INTERSECT | INTO | LATERAL
    | LEADING | LIMIT | LOCALTIME | LOCALTIMESTAMP | NOT | NULL | OFFSET | ON | ONLY | OR | ORDER
    | PLACING | PRIMARY | REFERENCES | RETURNING | SELECT | SESSION_USER | SOME | SYMMETRIC | TABLE
    | THEN | TO | TRAILING | TRUE | UNION | UNIQUE | USER | USING | WHEN | WHERE | WINDOW | WITH
    ;

typeFunctionNameKeyword
    : AUTHORIZATION | BINARY | CONCURRENTLY | CROSS | CURRENT_SCHEMA | FREEZE | FULL | ILIKE | INNER
    | IS | ISNULL | JOIN | LEFT | LIKE | NATURAL | NOTNULL | OUTER | RIGHT | SIMILAR | VERBOSE
    ;

columnNameKeyword
    : BETWEEN | BIGINT | BOOLEAN | CHAR | CHARACTER | COALESCE | DEC | DECIMAL | EXISTS | EXTRACT
    | FLOAT | GREATEST | INT | INTEGER | INTERVAL | LEAST | NATIONAL | NCHAR | NONE | NULLIF | NUMERIC
    | OVERLAY | POSITION | PRECISION | REAL | ROW | SMALLINT | SUBSTRING | TIME | TIMESTAMP | TRIM
    | VALUES | VARCHAR
    ;

unreservedKeyword
    : bareLabelKeyword
    | AT | DAY | ESCAPE | FILTER | HOUR | MINUTE | MONTH | OVER | SECOND | VARYING | WITHOUT | YEAR
    ;

bareLabelKeyword
    : ABORT | ACTION | ADD | ALTER | ALWAYS | BEGIN | BY | CACHE | CASCADE | CHAIN | CHARACTERISTICS
    | COMMENT | COMMIT | COMMITTED | CONFLICT | CONTINUE | COPY | CSV | CUBE | CURRENT | CYCLE | DATA | DATABASE
    | DELETE | DELIMITER | DOUBLE | DROP | ENCODING | EXPLAIN | FIRST | FOLLOWING | FORCE | GENERATED
    | GLOBAL | GROUPING | GROUPS | HEADER | IDENTITY | IF | INCREMENT | INDEX | INSERT | ISOLATION | KEY | LAST
    | LEVEL | LOCAL | LOCKED | MAXVALUE | MINVALUE | NAMES | NEXT | NO | NOTHING | NOWAIT | NULLS | OF | OPERATOR | OWNED
    | PARTITION | PRECEDING | QUOTE | RANGE | READ | RECURSIVE | RELEASE | RENAME | REPEATABLE
    | REPLACE | RESET | RESTART | RESTRICT | ROLLBACK | ROLLUP | ROWS | SAVEPOINT | SCHEMA | SEQUENCE
    | SERIALIZABLE | SESSION | SET | SETS | SHARE | SHOW | SKIP_KEYWORD | START | STDIN | STDOUT | TEMP | TEMPORARY
    | TRANSACTION | TRUNCATE | TYPE | UNBOUNDED | UNCOMMITTED | UNKNOWN | UNLOGGED | UPDATE | VACUUM
    | VIEW | WORK | WRITE | ZONE
    ;
