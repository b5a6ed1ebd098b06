package io.weftdb.mysql.sql;

import java.util.Map;

/**
 * The SQL of MySQL 8's information_schema tables, written over the engine's PostgreSQL-shaped
 * information_schema and pg_catalog. Each is parsed once, in the MySQL dialect but with
 * information_schema naming the engine's own tables, by {@link MysqlInformationSchema}.
 *
 * <p>MySQL names a primary key {@code PRIMARY} wherever it appears (STATISTICS, TABLE_CONSTRAINTS,
 * KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS); Connector/J joins these tables on that name.
 */
final class MysqlCatalogViews {
    /**
     * One row per column of each visible index, with the column's position in the index, whether
     * its key sorts descending (pg_index.indoption 1 or 3) and how many columns the index has.
     * The flags are 1 or 0: this dialect reads a bare value as a condition by comparing it with 0.
     */
    /** COMMENT texts (kept by the engine, listed in pg_description) by schema, table and column (NULL: the table's own). */
    private static final String COMMENTS = """
            SELECT n.nspname AS comment_schema, cl.relname AS comment_table, a.attname AS comment_column, d.description
            FROM pg_catalog.pg_description d
            JOIN pg_catalog.pg_class cl ON cl.oid = d.objoid
            JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid AND d.objsubid > 0
            WHERE d.classoid = 1259""";

    private static final String INDEX_COLUMNS = """
            SELECT n.nspname AS table_schema, t.relname AS table_name,
              CASE WHEN x.indisprimary IS TRUE THEN 'PRIMARY' ELSE i.relname END AS index_name,
              CASE WHEN x.indisprimary IS TRUE THEN 1 ELSE 0 END AS is_primary,
              CASE WHEN x.indisunique IS TRUE THEN 1 ELSE 0 END AS is_unique, x.indnatts AS key_parts,
              array_position(x.indkey, a.attnum) AS seq_in_index, a.attname AS column_name,
              CASE WHEN a.attnotnull IS TRUE THEN 1 ELSE 0 END AS not_null,
              CASE WHEN split_part(array_to_string(x.indoption, ' '), ' ', array_position(x.indkey, a.attnum)) IN ('1', '3')
                THEN 1 ELSE 0 END AS descending,
              t.reltuples AS table_rows, s.n_distinct AS n_distinct
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
            JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND array_position(x.indkey, a.attnum) IS NOT NULL
            LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = t.relname AND s.attname = a.attname""";

    /**
     * MySQL's COLUMN_KEY: PRI for a primary key column, UNI for the column of a one-column unique
     * index, MUL for the first column of any other index; the highest applies.
     */
    private static final String COLUMN_KEYS = """
            SELECT table_schema, table_name, column_name,
              MAX(CASE WHEN is_primary THEN 3 WHEN seq_in_index = 1 AND is_unique AND key_parts = 1 THEN 2
                       WHEN seq_in_index = 1 THEN 1 ELSE 0 END) AS key_rank
            FROM (%s) index_columns GROUP BY table_schema, table_name, column_name""".formatted(INDEX_COLUMNS);

    /**
     * The engine's columns with the MySQL type each is created as over this listener (see
     * MysqlTypes.columnTypeName) and MySQL's lengths: LONGTEXT and LONGBLOB hold 4294967295, a
     * UUID is a CHAR(36).
     */
    private static final String TYPED_COLUMNS = """
            SELECT c.*,
              CASE c.udt_name WHEN 'bool' THEN 'tinyint' WHEN 'int2' THEN 'smallint' WHEN 'int4' THEN 'int'
                WHEN 'int8' THEN 'bigint' WHEN 'float4' THEN 'float' WHEN 'float8' THEN 'double' WHEN 'numeric' THEN 'decimal'
                WHEN 'varchar' THEN CASE WHEN c.character_maximum_length IS NULL THEN 'longtext' ELSE 'varchar' END
                WHEN 'bpchar' THEN 'char' WHEN 'uuid' THEN 'char' WHEN 'bytea' THEN 'longblob' WHEN 'date' THEN 'date'
                WHEN 'time' THEN 'time' WHEN 'timestamp' THEN 'datetime' WHEN 'timestamptz' THEN 'timestamp'
                WHEN 'json' THEN 'json' WHEN 'jsonb' THEN 'json' ELSE 'longtext' END AS mysql_type
            FROM information_schema.columns c""";

    private static final String COLUMNS = """
            SELECT 'def' AS table_catalog, c.table_schema, c.table_name, c.column_name, c.ordinal_position,
              CASE WHEN c.column_default LIKE 'nextval(%%' OR c.column_default LIKE 'NULL::%%' THEN NULL
                   WHEN c.column_default LIKE '''%%''::%%'
                     THEN REPLACE(SUBSTRING(c.column_default, 2, LOCATE('''::', c.column_default) - 2), '''''', '''')
                   ELSE c.column_default END AS column_default,
              c.is_nullable, c.mysql_type AS data_type,
              CASE WHEN c.mysql_type IN ('longtext', 'longblob') THEN 4294967295 WHEN c.udt_name = 'uuid' THEN 36
                   WHEN c.udt_name = 'bpchar' THEN COALESCE(c.character_maximum_length, 1)
                   ELSE c.character_maximum_length END AS character_maximum_length,
              CASE WHEN c.mysql_type IN ('longtext', 'longblob') THEN 4294967295 WHEN c.udt_name = 'uuid' THEN 144
                   WHEN c.udt_name = 'bpchar' THEN 4 * COALESCE(c.character_maximum_length, 1)
                   WHEN c.mysql_type IN ('varchar', 'char') THEN c.character_octet_length END AS character_octet_length,
              CASE c.mysql_type WHEN 'tinyint' THEN 3 WHEN 'smallint' THEN 5 WHEN 'int' THEN 10 WHEN 'bigint' THEN 19
                   WHEN 'float' THEN 12 WHEN 'double' THEN 22 WHEN 'decimal' THEN COALESCE(c.numeric_precision, 65) END
                AS numeric_precision,
              CASE WHEN c.mysql_type IN ('tinyint', 'smallint', 'int', 'bigint') THEN 0
                   WHEN c.mysql_type = 'decimal' THEN COALESCE(c.numeric_scale, 30) END AS numeric_scale,
              CASE WHEN c.mysql_type IN ('time', 'datetime', 'timestamp') THEN 6 END AS datetime_precision,
              CASE WHEN c.mysql_type IN ('varchar', 'char', 'longtext') THEN 'utf8mb4' END AS character_set_name,
              CASE WHEN c.mysql_type IN ('varchar', 'char', 'longtext') THEN 'utf8mb4_general_ci' END AS collation_name,
              CASE c.mysql_type WHEN 'tinyint' THEN 'tinyint(1)'
                   WHEN 'decimal' THEN CONCAT('decimal(', COALESCE(c.numeric_precision, 65), ',', COALESCE(c.numeric_scale, 30), ')')
                   WHEN 'varchar' THEN CONCAT('varchar(', c.character_maximum_length, ')')
                   WHEN 'char' THEN CONCAT('char(', CASE WHEN c.udt_name = 'uuid' THEN 36 ELSE COALESCE(c.character_maximum_length, 1) END, ')')
                   WHEN 'time' THEN 'time(6)' WHEN 'datetime' THEN 'datetime(6)' WHEN 'timestamp' THEN 'timestamp(6)'
                   ELSE c.mysql_type END AS column_type,
              CASE k.key_rank WHEN 3 THEN 'PRI' WHEN 2 THEN 'UNI' WHEN 1 THEN 'MUL' ELSE '' END AS column_key,
              CASE WHEN c.column_default LIKE 'nextval(%%' THEN 'auto_increment' ELSE '' END AS extra,
              'select,insert,update,references' AS `privileges`, COALESCE(cm.description, '') AS column_comment,
              COALESCE(c.generation_expression, '') AS generation_expression, CAST(NULL AS UNSIGNED) AS srs_id
            FROM (%s) c
            LEFT JOIN (%s) k ON k.table_schema = c.table_schema AND k.table_name = c.table_name
              AND k.column_name = c.column_name
            LEFT JOIN (%s) cm ON cm.comment_schema = c.table_schema AND cm.comment_table = c.table_name
              AND cm.comment_column = c.column_name""".formatted(TYPED_COLUMNS, COLUMN_KEYS, COMMENTS);

    private static final String STATISTICS = """
            SELECT 'def' AS table_catalog, table_schema, table_name, CASE WHEN is_unique THEN 0 ELSE 1 END AS non_unique,
              table_schema AS index_schema, index_name, seq_in_index, column_name,
              CASE WHEN descending THEN 'D' ELSE 'A' END AS `collation`,
              CAST(CASE WHEN is_unique AND seq_in_index = key_parts THEN table_rows
                        WHEN n_distinct IS NULL THEN NULL
                        WHEN n_distinct < 0 THEN ROUND(-n_distinct * table_rows)
                        ELSE LEAST(n_distinct, table_rows) END AS SIGNED) AS cardinality,
              CAST(NULL AS SIGNED) AS sub_part, CAST(NULL AS CHAR) AS packed, CASE WHEN not_null THEN '' ELSE 'YES' END AS nullable,
              'BTREE' AS index_type, '' AS `comment`, '' AS index_comment, 'YES' AS is_visible, CAST(NULL AS CHAR) AS expression
            FROM (%s) index_columns""".formatted(INDEX_COLUMNS);

    /** The engine lists NOT NULL columns as CHECK constraints named {@code <oid>_<oid>_<attnum>_not_null}; MySQL does not. */
    private static final String TABLE_CONSTRAINTS = """
            SELECT 'def' AS constraint_catalog, constraint_schema,
              CASE WHEN constraint_type = 'PRIMARY KEY' THEN 'PRIMARY' ELSE constraint_name END AS constraint_name,
              table_schema, table_name, constraint_type, 'YES' AS enforced
            FROM information_schema.table_constraints
            WHERE NOT (constraint_type = 'CHECK' AND constraint_name REGEXP '^[0-9]+_[0-9]+_[0-9]+_not_null$')""";

    /** A foreign key's columns name the referenced key's column at the same position. */
    private static final String KEY_COLUMN_USAGE = """
            SELECT 'def' AS constraint_catalog, k.constraint_schema,
              CASE WHEN tc.constraint_type = 'PRIMARY KEY' THEN 'PRIMARY' ELSE k.constraint_name END AS constraint_name,
              'def' AS table_catalog, k.table_schema, k.table_name, k.column_name, k.ordinal_position,
              k.position_in_unique_constraint, u.table_schema AS referenced_table_schema,
              u.table_name AS referenced_table_name, u.column_name AS referenced_column_name
            FROM information_schema.key_column_usage k
            JOIN information_schema.table_constraints tc ON tc.constraint_schema = k.constraint_schema
              AND tc.constraint_name = k.constraint_name AND tc.table_name = k.table_name
            LEFT JOIN information_schema.referential_constraints r ON tc.constraint_type = 'FOREIGN KEY'
              AND r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
            LEFT JOIN information_schema.key_column_usage u ON u.constraint_schema = r.unique_constraint_schema
              AND u.constraint_name = r.unique_constraint_name AND u.ordinal_position = k.position_in_unique_constraint""";

    private static final String REFERENTIAL_CONSTRAINTS = """
            SELECT 'def' AS constraint_catalog, r.constraint_schema, r.constraint_name, 'def' AS unique_constraint_catalog,
              r.unique_constraint_schema,
              CASE WHEN u.constraint_type = 'PRIMARY KEY' THEN 'PRIMARY' ELSE r.unique_constraint_name END AS unique_constraint_name,
              r.match_option, r.update_rule, r.delete_rule, f.table_name, u.table_name AS referenced_table_name
            FROM information_schema.referential_constraints r
            JOIN information_schema.table_constraints f ON f.constraint_schema = r.constraint_schema
              AND f.constraint_name = r.constraint_name AND f.constraint_type = 'FOREIGN KEY'
            LEFT JOIN information_schema.table_constraints u ON u.constraint_schema = r.unique_constraint_schema
              AND u.constraint_name = r.unique_constraint_name AND u.constraint_type IN ('PRIMARY KEY', 'UNIQUE')""";

    private static final String SCHEMATA = """
            SELECT 'def' AS catalog_name, schema_name, 'utf8mb4' AS default_character_set_name,
              'utf8mb4_general_ci' AS default_collation_name, CAST(NULL AS CHAR) AS sql_path, 'NO' AS default_encryption
            FROM information_schema.schemata""";

    private static final String TABLES = """
            SELECT 'def' AS table_catalog, table_schema, table_name, table_type,
              CASE WHEN table_type = 'BASE TABLE' THEN 'InnoDB' END AS engine,
              CASE WHEN table_type = 'BASE TABLE' THEN 10 END AS version,
              CASE WHEN table_type = 'BASE TABLE' THEN 'Dynamic' END AS row_format,
              CAST(NULL AS SIGNED) AS table_rows, CAST(NULL AS SIGNED) AS avg_row_length,
              CAST(NULL AS SIGNED) AS data_length, CAST(NULL AS SIGNED) AS max_data_length,
              CAST(NULL AS SIGNED) AS index_length, CAST(NULL AS SIGNED) AS data_free,
              CAST(NULL AS SIGNED) AS auto_increment, CAST(NULL AS DATETIME) AS create_time,
              CAST(NULL AS DATETIME) AS update_time, CAST(NULL AS DATETIME) AS check_time,
              CASE WHEN table_type = 'BASE TABLE' THEN 'utf8mb4_general_ci' END AS table_collation,
              CAST(NULL AS SIGNED) AS checksum, '' AS create_options, COALESCE(tc.description, '') AS table_comment
            FROM information_schema.tables
            LEFT JOIN (%s) tc ON tc.comment_schema = table_schema AND tc.comment_table = table_name
              AND tc.comment_column IS NULL""".formatted(COMMENTS);

    private static final String VIEWS = """
            SELECT 'def' AS table_catalog, table_schema, table_name, view_definition, 'NONE' AS check_option,
              'NO' AS is_updatable, 'weftdb@%' AS definer, 'DEFINER' AS security_type,
              'utf8mb4' AS character_set_client, 'utf8mb4_general_ci' AS collation_connection
            FROM information_schema.views""";

    /** The engine has no triggers: MySQL's columns, no rows. */
    private static final String TRIGGERS = """
            SELECT 'def' AS trigger_catalog, CAST(NULL AS CHAR) AS trigger_schema, CAST(NULL AS CHAR) AS trigger_name,
              CAST(NULL AS CHAR) AS event_manipulation, 'def' AS event_object_catalog,
              CAST(NULL AS CHAR) AS event_object_schema, CAST(NULL AS CHAR) AS event_object_table,
              CAST(NULL AS SIGNED) AS action_order, CAST(NULL AS CHAR) AS action_condition,
              CAST(NULL AS CHAR) AS action_statement, 'ROW' AS action_orientation,
              CAST(NULL AS CHAR) AS action_timing, CAST(NULL AS DATETIME) AS created,
              CAST(NULL AS CHAR) AS sql_mode, CAST(NULL AS CHAR) AS definer,
              'utf8mb4' AS character_set_client, 'utf8mb4_general_ci' AS collation_connection,
              'utf8mb4_general_ci' AS database_collation
            WHERE 1 = 0""";

    /** Functions are built in, not catalog objects: no stored routines, so MySQL's columns and no rows. */
    private static final String ROUTINES = """
            SELECT CAST(NULL AS CHAR) AS specific_name, 'def' AS routine_catalog, CAST(NULL AS CHAR) AS routine_schema,
              CAST(NULL AS CHAR) AS routine_name, CAST(NULL AS CHAR) AS routine_type, CAST(NULL AS CHAR) AS data_type,
              CAST(NULL AS SIGNED) AS character_maximum_length, CAST(NULL AS SIGNED) AS character_octet_length,
              CAST(NULL AS SIGNED) AS numeric_precision, CAST(NULL AS SIGNED) AS numeric_scale,
              CAST(NULL AS SIGNED) AS datetime_precision, CAST(NULL AS CHAR) AS character_set_name,
              CAST(NULL AS CHAR) AS collation_name, CAST(NULL AS CHAR) AS dtd_identifier, 'SQL' AS routine_body,
              CAST(NULL AS CHAR) AS routine_definition, CAST(NULL AS CHAR) AS external_name, 'SQL' AS external_language,
              'SQL' AS parameter_style, 'NO' AS is_deterministic, CAST(NULL AS CHAR) AS sql_data_access,
              CAST(NULL AS CHAR) AS sql_path, 'DEFINER' AS security_type, CAST(NULL AS DATETIME) AS created,
              CAST(NULL AS DATETIME) AS last_altered, CAST(NULL AS CHAR) AS sql_mode, '' AS routine_comment,
              CAST(NULL AS CHAR) AS definer, 'utf8mb4' AS character_set_client,
              'utf8mb4_general_ci' AS collation_connection, 'utf8mb4_general_ci' AS database_collation
            WHERE 1 = 0""";

    private static final String PARAMETERS = """
            SELECT 'def' AS specific_catalog, CAST(NULL AS CHAR) AS specific_schema, CAST(NULL AS CHAR) AS specific_name,
              CAST(NULL AS SIGNED) AS ordinal_position, CAST(NULL AS CHAR) AS parameter_mode,
              CAST(NULL AS CHAR) AS parameter_name, CAST(NULL AS CHAR) AS data_type,
              CAST(NULL AS SIGNED) AS character_maximum_length, CAST(NULL AS SIGNED) AS character_octet_length,
              CAST(NULL AS SIGNED) AS numeric_precision, CAST(NULL AS SIGNED) AS numeric_scale,
              CAST(NULL AS SIGNED) AS datetime_precision, CAST(NULL AS CHAR) AS character_set_name,
              CAST(NULL AS CHAR) AS collation_name, CAST(NULL AS CHAR) AS dtd_identifier, CAST(NULL AS CHAR) AS routine_type
            WHERE 1 = 0""";

    /**
     * Every session holds every privilege, like a MySQL account granted them globally: such grants
     * are not table or column grants, so these tables have MySQL's columns and no rows.
     */
    private static final String TABLE_PRIVILEGES = """
            SELECT CAST(NULL AS CHAR) AS grantee, 'def' AS table_catalog, CAST(NULL AS CHAR) AS table_schema,
              CAST(NULL AS CHAR) AS table_name, CAST(NULL AS CHAR) AS privilege_type, CAST(NULL AS CHAR) AS is_grantable
            WHERE 1 = 0""";

    private static final String COLUMN_PRIVILEGES = """
            SELECT CAST(NULL AS CHAR) AS grantee, 'def' AS table_catalog, CAST(NULL AS CHAR) AS table_schema,
              CAST(NULL AS CHAR) AS table_name, CAST(NULL AS CHAR) AS column_name, CAST(NULL AS CHAR) AS privilege_type,
              CAST(NULL AS CHAR) AS is_grantable
            WHERE 1 = 0""";

    /** Table name to definition. */
    static final Map<String, String> DEFINITIONS = Map.ofEntries(Map.entry("tables", TABLES), Map.entry("views", VIEWS),
            Map.entry("columns", COLUMNS), Map.entry("triggers", TRIGGERS), Map.entry("schemata", SCHEMATA),
            Map.entry("statistics", STATISTICS), Map.entry("table_constraints", TABLE_CONSTRAINTS),
            Map.entry("key_column_usage", KEY_COLUMN_USAGE), Map.entry("referential_constraints", REFERENTIAL_CONSTRAINTS),
            Map.entry("routines", ROUTINES), Map.entry("parameters", PARAMETERS),
            Map.entry("table_privileges", TABLE_PRIVILEGES), Map.entry("column_privileges", COLUMN_PRIVILEGES));

    private MysqlCatalogViews() {
    }
}
