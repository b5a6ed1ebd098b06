package io.weftdb.mysql.sql;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.stmt.Query;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The information_schema tables whose MySQL layout differs from the engine's (which is
 * PostgreSQL's): in the MySQL dialect their names stand for a view over the engine's table that
 * adds MySQL's columns, so {@code SELECT engine, table_type FROM information_schema.tables}
 * (mysqldump asks it for every table) answers as MySQL does.
 */
final class MysqlInformationSchema {
    private static final Map<String, String> DEFINITIONS = Map.of(
            "tables", """
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
                      CAST(NULL AS SIGNED) AS checksum, '' AS create_options, '' AS table_comment
                    FROM information_schema.tables""",
            "views", """
                    SELECT 'def' AS table_catalog, table_schema, table_name, view_definition, 'NONE' AS check_option,
                      'NO' AS is_updatable, 'weftdb@%' AS definer, 'DEFINER' AS security_type,
                      'utf8mb4' AS character_set_client, 'utf8mb4_general_ci' AS collation_connection
                    FROM information_schema.views""",
            "columns", """
                    SELECT 'def' AS table_catalog, table_schema, table_name, column_name, ordinal_position,
                      CASE WHEN column_default LIKE 'nextval(%' THEN NULL ELSE column_default END AS column_default,
                      is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision,
                      numeric_scale, datetime_precision,
                      CASE WHEN data_type LIKE 'char%' OR data_type = 'text' THEN 'utf8mb4' END AS character_set_name,
                      CASE WHEN data_type LIKE 'char%' OR data_type = 'text' THEN 'utf8mb4_general_ci' END AS collation_name,
                      CASE WHEN column_default LIKE 'nextval(%' THEN 'auto_increment' ELSE '' END AS extra,
                      COALESCE(generation_expression, '') AS generation_expression, '' AS column_comment
                    FROM information_schema.columns""",
            // The engine has no triggers: MySQL's columns, no rows.
            "triggers", """
                    SELECT 'def' AS trigger_catalog, CAST(NULL AS CHAR) AS trigger_schema, CAST(NULL AS CHAR) AS trigger_name,
                      CAST(NULL AS CHAR) AS event_manipulation, 'def' AS event_object_catalog,
                      CAST(NULL AS CHAR) AS event_object_schema, CAST(NULL AS CHAR) AS event_object_table,
                      CAST(NULL AS SIGNED) AS action_order, CAST(NULL AS CHAR) AS action_condition,
                      CAST(NULL AS CHAR) AS action_statement, 'ROW' AS action_orientation,
                      CAST(NULL AS CHAR) AS action_timing, CAST(NULL AS DATETIME) AS created,
                      CAST(NULL AS CHAR) AS sql_mode, CAST(NULL AS CHAR) AS definer,
                      'utf8mb4' AS character_set_client, 'utf8mb4_general_ci' AS collation_connection,
                      'utf8mb4_general_ci' AS database_collation
                    WHERE 1 = 0""");
    private static final Map<String, Query> VIEWS = new ConcurrentHashMap<>();

    private MysqlInformationSchema() {
    }

    /** The view {@code name} stands for, or null when it is not one of these tables. */
    static Query view(QualifiedName name) {
        if (name.parts().size() != 2 || !name.parts().getFirst().equals("information_schema")) {
            return null;
        }
        String definition = DEFINITIONS.get(name.name());
        return definition == null ? null : VIEWS.computeIfAbsent(name.name(), table -> MysqlSqlParser.definition(definition));
    }
}
