/*
 * Tokens of the MySQL dialect: case-insensitive keywords, backtick-quoted identifiers, single- and
 * double-quoted strings with backslash escapes (sql_mode without ANSI_QUOTES or
 * NO_BACKSLASH_ESCAPES), hexadecimal literals, @@system variables, ? parameters and the three
 * comment forms (--space, #, slash-star). Only words the grammar gives a role are keywords; the
 * parser's nonReservedKeyword rule lets most of them serve as names too.
 */
lexer grammar MysqlSqlLexer;

options { caseInsensitive = true; }

ADD: 'add'; AFTER: 'after'; ALGORITHM: 'algorithm'; ALL: 'all'; ALTER: 'alter'; ANALYZE: 'analyze'; AND: 'and'; ANY: 'any'; AS: 'as'; ASC: 'asc';
AUTO_INCREMENT: 'auto_increment'; BEGIN: 'begin'; BETWEEN: 'between'; BIGINT: 'bigint'; BINARY: 'binary';
BIT: 'bit'; BLOB: 'blob'; BOOL: 'bool'; BOOLEAN: 'boolean'; BY: 'by'; CASCADE: 'cascade'; CASE: 'case';
CAST: 'cast'; CHAIN: 'chain'; CHANGE: 'change'; CHAR: 'char'; CHARACTER: 'character'; CHARSET: 'charset';
CHECK: 'check'; COLLATE: 'collate'; COLLATION: 'collation'; COLUMN: 'column'; COLUMNS: 'columns';
COMMENT: 'comment'; COMMIT: 'commit'; COMMITTED: 'committed'; CONNECTION: 'connection'; CONSISTENT: 'consistent';
CONSTRAINT: 'constraint'; CONVERT: 'convert'; CREATE: 'create'; CROSS: 'cross'; CURRENT_DATE: 'current_date';
CURRENT_TIME: 'current_time'; CURRENT_TIMESTAMP: 'current_timestamp'; DATABASE: 'database';
DATABASES: 'databases'; DATE: 'date'; DATETIME: 'datetime'; DAY: 'day'; DEC: 'dec'; DECIMAL: 'decimal';
DEFAULT: 'default'; DEFINER: 'definer'; DELETE: 'delete'; DESC: 'desc'; DESCRIBE: 'describe'; DISABLE: 'disable'; DISTINCT: 'distinct'; DIV: 'div';
DOUBLE: 'double'; DROP: 'drop'; DUPLICATE: 'duplicate'; ELSE: 'else'; ENABLE: 'enable'; END: 'end'; ENGINE: 'engine';
ENGINES: 'engines'; ENUM: 'enum'; ERRORS: 'errors'; ESCAPE: 'escape'; EXCEPT: 'except'; EXISTS: 'exists';
EXPLAIN: 'explain'; FALSE: 'false'; FIELDS: 'fields'; FIRST: 'first'; FIXED: 'fixed'; FLOAT: 'float'; FOR: 'for';
FOREIGN: 'foreign'; FROM: 'from'; FULL: 'full'; GLOBAL: 'global'; GROUP: 'group'; HAVING: 'having';
HOUR: 'hour'; IF: 'if'; IGNORE: 'ignore'; IN: 'in'; INDEX: 'index'; INDEXES: 'indexes'; INNER: 'inner';
INSERT: 'insert'; INT: 'int'; INTEGER: 'integer'; INTERSECT: 'intersect'; INTERVAL: 'interval'; INTO: 'into';
IS: 'is'; ISOLATION: 'isolation'; JOIN: 'join'; JSON: 'json'; KEY: 'key'; KEYS: 'keys'; KILL: 'kill';
LEFT: 'left'; LEVEL: 'level'; LIKE: 'like'; LIMIT: 'limit'; LOCAL: 'local'; LOCK: 'lock'; LOCKED: 'locked'; LONGBLOB: 'longblob';
LONGTEXT: 'longtext'; MEDIUMBLOB: 'mediumblob'; MEDIUMINT: 'mediumint'; MEDIUMTEXT: 'mediumtext';
MICROSECOND: 'microsecond'; MINUTE: 'minute'; MOD: 'mod'; MODE: 'mode'; MODIFY: 'modify'; MONTH: 'month';
NAMES: 'names'; NATIONAL: 'national'; NO: 'no'; NO_WRITE_TO_BINLOG: 'no_write_to_binlog'; NOT: 'not'; NOWAIT: 'nowait'; NULL: 'null'; NUMERIC: 'numeric';
OFFSET: 'offset'; ON: 'on'; ONLY: 'only'; OR: 'or'; ORDER: 'order'; OUTER: 'outer'; PRECISION: 'precision';
PRIMARY: 'primary'; PROCESSLIST: 'processlist'; QUARTER: 'quarter'; QUERY: 'query'; READ: 'read'; REAL: 'real';
REFERENCES: 'references'; REGEXP: 'regexp'; RELEASE: 'release'; RENAME: 'rename'; REPEATABLE: 'repeatable';
REPLACE: 'replace'; RESTRICT: 'restrict'; RIGHT: 'right'; RLIKE: 'rlike'; ROLLBACK: 'rollback';
SAVEPOINT: 'savepoint'; SECURITY: 'security'; SQL: 'sql'; SQL_CALC_FOUND_ROWS: 'sql_calc_found_rows'; SQL_NO_CACHE: 'sql_no_cache'; SCHEMA: 'schema'; SCHEMAS: 'schemas'; SECOND: 'second'; SELECT: 'select'; SEPARATOR: 'separator';
SERIAL: 'serial'; SERIALIZABLE: 'serializable'; SESSION: 'session'; SET: 'set'; SHARE: 'share'; SKIP_KEYWORD: 'skip'; SHOW: 'show';
SIGNED: 'signed'; SMALLINT: 'smallint'; SNAPSHOT: 'snapshot'; SOME: 'some'; START: 'start'; STATUS: 'status';
TABLE: 'table'; TABLES: 'tables'; TEMPORARY: 'temporary'; TEXT: 'text'; THEN: 'then'; TIME: 'time';
TIMESTAMP: 'timestamp'; TINYBLOB: 'tinyblob'; TINYINT: 'tinyint'; TINYTEXT: 'tinytext'; TO: 'to';
TRANSACTION: 'transaction'; TRIGGERS: 'triggers'; TRUE: 'true'; TRUNCATE: 'truncate'; UNCOMMITTED: 'uncommitted'; UNION: 'union';
UNIQUE: 'unique'; UNKNOWN: 'unknown'; UNLOCK: 'unlock'; UNSIGNED: 'unsigned'; UPDATE: 'update'; USE: 'use'; USING: 'using';
VALUE: 'value'; VALUES: 'values'; VARBINARY: 'varbinary'; VARCHAR: 'varchar'; VARCHARACTER: 'varcharacter';
VARIABLES: 'variables'; VIEW: 'view'; WARNINGS: 'warnings'; WEEK: 'week'; WHEN: 'when'; WHERE: 'where'; WITH: 'with';
WORK: 'work'; WRITE: 'write'; XOR: 'xor'; YEAR: 'year'; ZEROFILL: 'zerofill';
// LOAD DATA
// Window functions
CURRENT: 'current'; FOLLOWING: 'following'; OVER: 'over'; PARTITION: 'partition'; PRECEDING: 'preceding';
RANGE: 'range'; ROW: 'row'; UNBOUNDED: 'unbounded'; WINDOW: 'window'; RECURSIVE: 'recursive';
// SUBSTRING(s FROM n FOR m), TRIM([BOTH | LEADING | TRAILING] [r] FROM s)
BOTH: 'both'; LEADING: 'leading'; TRAILING: 'trailing';
DATA: 'data'; ENCLOSED: 'enclosed'; ESCAPED: 'escaped'; INFILE: 'infile'; LINES: 'lines'; LOAD: 'load';
OPTIONALLY: 'optionally'; ROWS: 'rows'; STARTING: 'starting'; TERMINATED: 'terminated';

NULL_SAFE_EQUAL: '<=>';
// col->'$.path' and col->>'$.path': MySQL's JSON_EXTRACT and JSON_UNQUOTE(JSON_EXTRACT()).
JSON_UNQUOTE_ARROW: '->>';
JSON_EXTRACT_ARROW: '->';
EQUAL: '=';
NOT_EQUAL: '<>' | '!=';
LESS_EQUAL: '<=';
GREATER_EQUAL: '>=';
SHIFT_LEFT: '<<';
SHIFT_RIGHT: '>>';
LESS: '<';
GREATER: '>';
ASSIGN: ':=';
LOGICAL_OR: '||';
LOGICAL_AND: '&&';
BANG: '!';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
AMPERSAND: '&';
VERTICAL_BAR: '|';
TILDE: '~';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';
QUESTION: '?';

SYSTEM_VARIABLE: '@@' ( ('global' | 'session' | 'local') '.' )? VARIABLE_NAME;
USER_VARIABLE: '@' ( VARIABLE_NAME | '`' ~'`'+ '`' | '\'' ~'\''+ '\'' );

HEX_LITERAL: '0x' HEX_DIGIT+ | 'x\'' HEX_DIGIT* '\'';
DECIMAL_LITERAL: DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;
INTEGER_LITERAL: DIGIT+;

STRING: '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'';
DOUBLE_QUOTED_STRING: '"' ( '\\' . | '""' | ~["\\] )* '"';

IDENTIFIER: IDENTIFIER_START IDENTIFIER_PART*;
BACKTICK_IDENTIFIER: '`' ( '``' | ~'`' )+ '`';

WHITESPACE: [ \t\r\n\f]+ -> skip;
LINE_COMMENT: ( '--' ( [ \t] ~[\r\n]* )? ( '\r'? '\n' | EOF ) | '#' ~[\r\n]* ) -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;

UNTERMINATED_STRING: '\'' ( '\\' . | '\'\'' | ~['\\] )* | '"' ( '\\' . | '""' | ~["\\] )*;
UNTERMINATED_IDENTIFIER: '`' ( '``' | ~'`' )*;
UNEXPECTED_CHARACTER: .;

fragment DIGIT: [0-9];
fragment HEX_DIGIT: [0-9a-f];
fragment EXPONENT: 'e' [+-]? DIGIT+;
fragment VARIABLE_NAME: [a-z_$0-9]+ ( '.' [a-z_$0-9]+ )*;
fragment IDENTIFIER_START: [a-z_$] | NON_ASCII;
fragment IDENTIFIER_PART: [a-z0-9_$] | NON_ASCII;
fragment NON_ASCII: [\u0080-\u{10FFFF}];
