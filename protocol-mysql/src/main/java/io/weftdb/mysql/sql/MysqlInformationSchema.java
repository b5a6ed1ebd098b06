package io.weftdb.mysql.sql;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
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
    private static final Query KEYWORDS = keywords();

    private MysqlInformationSchema() {
    }

    /** The view {@code name} stands for, or null when it is not one of these tables. */
    static Query view(QualifiedName name) {
        if (name.parts().size() != 2 || !name.parts().getFirst().equals("information_schema")) {
            return null;
        }
        if (name.name().equals("keywords")) {
            return KEYWORDS;
        }
        String definition = DEFINITIONS.get(name.name());
        return definition == null ? null : VIEWS.computeIfAbsent(name.name(), table -> MysqlSqlParser.definition(definition));
    }

    /**
     * information_schema.keywords (MySQL 8: WORD, RESERVED): the words this dialect's grammar knows,
     * reserved when its grammar does not take them as identifiers. Connector/J builds
     * getSQLKeywords from it, which Hibernate reads at start-up.
     */
    private static Query keywords() {
        MysqlSqlGrammar parser = new MysqlSqlGrammar(null);
        IntervalSet reserved = parser.getATN().nextTokens(parser.getATN().ruleToStartState[MysqlSqlGrammar.RULE_reservedKeyword]);
        Vocabulary vocabulary = MysqlSqlLexer.VOCABULARY;
        List<List<Expr>> rows = new ArrayList<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z_][a-z_0-9]*'")) {
                String word = literal.substring(1, literal.length() - 1).toUpperCase(Locale.ROOT);
                rows.add(List.of(new Expr.Literal(word, DataType.TEXT, 0),
                        new Expr.Literal(reserved.contains(type) ? 1L : 0L, DataType.INTEGER, 0)));
            }
        }
        rows.sort(Comparator.comparing(row -> (String) ((Expr.Literal) row.get(0)).value()));
        Query values = new Query.Values(rows, List.of(), null, null);
        return new Query.Select(List.of(), false, List.of(), List.of(
                new Query.SelectItem(new Expr.ColumnRef(QualifiedName.of("word"), 0), "word"),
                new Query.SelectItem(new Expr.ColumnRef(QualifiedName.of("reserved"), 0), "reserved")),
                List.of(new FromItem.DerivedTable(values, "keywords", List.of("word", "reserved"), false, 0)),
                null, List.of(), null, List.of(), null, null, null);
    }
}
