/*
 * Tokens of the PostgreSQL SQL dialect, following PostgreSQL's scan.l: case-insensitive keywords,
 * standard, escape (E'...'), Unicode (U&'...') and dollar-quoted strings, quoted identifiers,
 * integers with underscores and 0x/0o/0b prefixes, nested block comments.
 *
 * Only words the grammar gives a role are keywords; every other word is an IDENTIFIER, and the
 * parser's Names rules let the non-reserved keywords serve as names exactly where PostgreSQL does.
 *
 * Malformed input never stops the lexer: it becomes an UNTERMINATED_* or UNEXPECTED_CHARACTER token
 * so the parser reports it with the position and wording PostgreSQL uses.
 */
lexer grammar PostgresSqlLexer;

options { caseInsensitive = true; }

tokens { UNTERMINATED_BLOCK_COMMENT, UNTERMINATED_DOLLAR_STRING }

@members {
    /**
     * Consumes the rest of a block comment after its opening slash-star. PostgreSQL nests block
     * comments, which a regular lexer rule cannot count, hence this loop.
     */
    private void consumeBlockComment() {
        int depth = 1;
        while (depth > 0) {
            int next = _input.LA(1);
            if (next == IntStream.EOF) {
                setType(UNTERMINATED_BLOCK_COMMENT);
                return;
            }
            if (next == '/' && _input.LA(2) == '*') {
                consumeCharacters(2);
                depth++;
            } else if (next == '*' && _input.LA(2) == '/') {
                consumeCharacters(2);
                depth--;
            } else {
                consumeCharacters(1);
            }
        }
        skip();
    }

    /**
     * Consumes a dollar-quoted string's body and closing delimiter, after an opening delimiter of a
     * dollar, an optional tag and a dollar. The closing delimiter must repeat the opening one
     * exactly, which a lexer rule cannot express.
     */
    private void consumeDollarQuotedBody() {
        int[] delimiter = getText().codePoints().toArray();
        while (true) {
            if (_input.LA(1) == IntStream.EOF) {
                setType(UNTERMINATED_DOLLAR_STRING);
                return;
            }
            if (delimiterFollows(delimiter)) {
                consumeCharacters(delimiter.length);
                return;
            }
            consumeCharacters(1);
        }
    }

    /** The input is a stream of code points, so the delimiter is compared as code points too. */
    private boolean delimiterFollows(int[] delimiter) {
        for (int i = 0; i < delimiter.length; i++) {
            if (_input.LA(i + 1) != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private void consumeCharacters(int count) {
        for (int i = 0; i < count; i++) {
            getInterpreter().consume(_input);
        }
    }
}

// Reserved keywords: never names (except after AS in a select list and after a dot).
ALL: 'all';
ANALYSE: 'analyse';
ANALYZE: 'analyze';
AND: 'and';
ANY: 'any';
ARRAY: 'array';
AS: 'as';
ASC: 'asc';
ASYMMETRIC: 'asymmetric';
BOTH: 'both';
CASE: 'case';
CAST: 'cast';
CHECK: 'check';
COLLATE: 'collate';
COLUMN: 'column';
CONSTRAINT: 'constraint';
CREATE: 'create';
CURRENT_CATALOG: 'current_catalog';
CURRENT_DATE: 'current_date';
CURRENT_ROLE: 'current_role';
CURRENT_TIME: 'current_time';
CURRENT_TIMESTAMP: 'current_timestamp';
CURRENT_USER: 'current_user';
DEFAULT: 'default';
DEFERRABLE: 'deferrable';
DESC: 'desc';
DISTINCT: 'distinct';
DO: 'do';
ELSE: 'else';
END: 'end';
EXCEPT: 'except';
FALSE: 'false';
FETCH: 'fetch';
FOR: 'for';
FOREIGN: 'foreign';
FROM: 'from';
GROUP: 'group';
GROUPING: 'grouping';
HAVING: 'having';
IN: 'in';
INTERSECT: 'intersect';
INTO: 'into';
LATERAL: 'lateral';
LEADING: 'leading';
LIMIT: 'limit';
LOCALTIME: 'localtime';
LOCALTIMESTAMP: 'localtimestamp';
NOT: 'not';
NULL: 'null';
OFFSET: 'offset';
ON: 'on';
ONLY: 'only';
OR: 'or';
ORDER: 'order';
PLACING: 'placing';
PRIMARY: 'primary';
REFERENCES: 'references';
RETURNING: 'returning';
SELECT: 'select';
SESSION_USER: 'session_user';
SOME: 'some';
SYMMETRIC: 'symmetric';
TABLE: 'table';
THEN: 'then';
TO: 'to';
TRAILING: 'trailing';
TRUE: 'true';
UNION: 'union';
UNIQUE: 'unique';
USER: 'user';
USING: 'using';
WHEN: 'when';
WHERE: 'where';
WINDOW: 'window';
WITH: 'with';

// Keywords that may name functions and types but not columns.
AUTHORIZATION: 'authorization';
BINARY: 'binary';
CONCURRENTLY: 'concurrently';
CROSS: 'cross';
CURRENT_SCHEMA: 'current_schema';
FREEZE: 'freeze';
FULL: 'full';
ILIKE: 'ilike';
INNER: 'inner';
IS: 'is';
ISNULL: 'isnull';
JOIN: 'join';
LEFT: 'left';
LIKE: 'like';
NATURAL: 'natural';
NOTNULL: 'notnull';
OUTER: 'outer';
RIGHT: 'right';
SIMILAR: 'similar';
VERBOSE: 'verbose';

// Keywords that may name columns but not functions or types (they have syntax of their own).
BETWEEN: 'between';
BIGINT: 'bigint';
BOOLEAN: 'boolean';
CHAR: 'char';
CHARACTER: 'character';
COALESCE: 'coalesce';
DEC: 'dec';
DECIMAL: 'decimal';
EXISTS: 'exists';
EXTRACT: 'extract';
FLOAT: 'float';
GREATEST: 'greatest';
INT: 'int';
INTEGER: 'integer';
INTERVAL: 'interval';
LEAST: 'least';
NATIONAL: 'national';
NCHAR: 'nchar';
NONE: 'none';
NULLIF: 'nullif';
NUMERIC: 'numeric';
OVERLAY: 'overlay';
POSITION: 'position';
PRECISION: 'precision';
REAL: 'real';
ROW: 'row';
SMALLINT: 'smallint';
SUBSTRING: 'substring';
TIME: 'time';
TIMESTAMP: 'timestamp';
TRIM: 'trim';
VALUES: 'values';
VARCHAR: 'varchar';

// Unreserved keywords: usable as any name.
ABORT: 'abort';
ACTION: 'action';
ADD: 'add';
ALTER: 'alter';
ALWAYS: 'always';
AT: 'at';
BEGIN: 'begin';
BY: 'by';
CACHE: 'cache';
CASCADE: 'cascade';
CHAIN: 'chain';
CHARACTERISTICS: 'characteristics';
COMMENT: 'comment';
COMMIT: 'commit';
COMMITTED: 'committed';
CONFLICT: 'conflict';
CONTINUE: 'continue';
COPY: 'copy';
CSV: 'csv';
CURRENT: 'current';
CYCLE: 'cycle';
DATA: 'data';
DATABASE: 'database';
DAY: 'day';
DELETE: 'delete';
DELIMITER: 'delimiter';
DOUBLE: 'double';
DROP: 'drop';
ENCODING: 'encoding';
ESCAPE: 'escape';
EXPLAIN: 'explain';
FILTER: 'filter';
FIRST: 'first';
FOLLOWING: 'following';
FORCE: 'force';
GENERATED: 'generated';
GLOBAL: 'global';
GROUPS: 'groups';
ROLLUP: 'rollup';
CUBE: 'cube';
SETS: 'sets';
HEADER: 'header';
HOUR: 'hour';
IDENTITY: 'identity';
IF: 'if';
INCREMENT: 'increment';
INDEX: 'index';
INSERT: 'insert';
ISOLATION: 'isolation';
KEY: 'key';
LAST: 'last';
LEVEL: 'level';
LOCAL: 'local';
MAXVALUE: 'maxvalue';
MINUTE: 'minute';
MINVALUE: 'minvalue';
MONTH: 'month';
NAMES: 'names';
NEXT: 'next';
NO: 'no';
NOTHING: 'nothing';
NOWAIT: 'nowait';
NULLS: 'nulls';
OPERATOR: 'operator';
OVER: 'over';
OWNED: 'owned';
PARTITION: 'partition';
PRECEDING: 'preceding';
QUOTE: 'quote';
RANGE: 'range';
READ: 'read';
RECURSIVE: 'recursive';
RELEASE: 'release';
RENAME: 'rename';
REPEATABLE: 'repeatable';
REPLACE: 'replace';
RESET: 'reset';
RESTART: 'restart';
RESTRICT: 'restrict';
ROLLBACK: 'rollback';
ROWS: 'rows';
SAVEPOINT: 'savepoint';
SCHEMA: 'schema';
SECOND: 'second';
SEQUENCE: 'sequence';
SERIALIZABLE: 'serializable';
SESSION: 'session';
SET: 'set';
SHARE: 'share';
SKIP_KEYWORD: 'skip'; // SKIP is a reserved name in ANTLR lexers
LOCKED: 'locked';
OF: 'of';
SHOW: 'show';
START: 'start';
STDIN: 'stdin';
STDOUT: 'stdout';
TEMP: 'temp';
TEMPORARY: 'temporary';
TRANSACTION: 'transaction';
TRUNCATE: 'truncate';
TYPE: 'type';
UNBOUNDED: 'unbounded';
UNCOMMITTED: 'uncommitted';
UNKNOWN: 'unknown';
UNLOGGED: 'unlogged';
UPDATE: 'update';
VACUUM: 'vacuum';
VARYING: 'varying';
VIEW: 'view';
WITHOUT: 'without';
WORK: 'work';
WRITE: 'write';
YEAR: 'year';
ZONE: 'zone';

// Operators and punctuation. Longest match picks ->> over -> and !~* over !~.
TYPECAST: '::';
COLON: ':';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
EQUAL: '=';
NOT_EQUAL: '<>' | '!=';
LESS: '<';
LESS_EQUAL: '<=';
GREATER: '>';
GREATER_EQUAL: '>=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
CONCAT: '||';
AMPERSAND: '&';
VERTICAL_BAR: '|';
HASH: '#';
SHIFT_LEFT: '<<';
SHIFT_RIGHT: '>>';
TILDE: '~';
TILDE_STAR: '~*';
NOT_TILDE: '!~';
NOT_TILDE_STAR: '!~*';
ARROW: '->';
DOUBLE_ARROW: '->>';
HASH_ARROW: '#>';
HASH_DOUBLE_ARROW: '#>>';
AT_ARROW: '@>';
ARROW_AT: '<@';
QUESTION: '?';
QUESTION_BAR: '?|';
QUESTION_AMPERSAND: '?&';
DOUBLE_AMPERSAND: '&&';

// Literals.
PARAMETER: '$' DIGIT+;
INTEGER_LITERAL
    : DIGITS
    | '0x' HEX_DIGIT ('_'? HEX_DIGIT)*
    | '0o' [0-7] ('_'? [0-7])*
    | '0b' [01] ('_'? [01])*
    ;
DECIMAL_LITERAL
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
STRING: '\'' ( '\'\'' | ~'\'' )* '\'';
ESCAPE_STRING: 'E\'' ( '\\' . | '\'\'' | ~['\\] )* '\'';
UNICODE_STRING: 'U&\'' ( '\'\'' | ~'\'' )* '\'';
DOLLAR_STRING: '$' DOLLAR_TAG? '$' { consumeDollarQuotedBody(); };

// Names.
IDENTIFIER: IDENTIFIER_START IDENTIFIER_PART*;
QUOTED_IDENTIFIER: '"' ( '""' | ~'"' )+ '"';
UNICODE_QUOTED_IDENTIFIER: 'U&"' ( '""' | ~'"' )+ '"';

// Layout.
WHITESPACE: [ \t\r\n\f\u000B]+ -> skip;
LINE_COMMENT: '--' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' { consumeBlockComment(); };

// Malformed input, kept as tokens so the parser can report it where it starts. A complete literal
// always wins over these by being longer.
UNTERMINATED_STRING: '\'' ( '\'\'' | ~'\'' )*;
UNTERMINATED_ESCAPE_STRING: 'E\'' ( '\\' . | '\'\'' | ~['\\] )* '\\'?;
UNTERMINATED_UNICODE_STRING: 'U&\'' ( '\'\'' | ~'\'' )*;
UNTERMINATED_QUOTED_IDENTIFIER: 'U&'? '"' ( '""' | ~'"' )*;
ZERO_LENGTH_QUOTED_IDENTIFIER: 'U&'? '""';
UNEXPECTED_CHARACTER: .;

fragment DIGIT: [0-9];
fragment DIGITS: DIGIT ('_'? DIGIT)*;
fragment HEX_DIGIT: [0-9a-f];
fragment EXPONENT: 'e' [+-]? DIGITS;
fragment DOLLAR_TAG: IDENTIFIER_START ( [a-z0-9_] | NON_ASCII )*;
fragment IDENTIFIER_START: [a-z_] | NON_ASCII;
fragment IDENTIFIER_PART: [a-z0-9_$] | NON_ASCII;
fragment NON_ASCII: [\u0080-\u{10FFFF}];
