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
 * PostgreSQL's): in the MySQL dialect their names stand for a view ({@link MysqlCatalogViews}) over
 * the engine's tables with MySQL's columns, so {@code SELECT engine, table_type FROM
 * information_schema.tables} (mysqldump asks it for every table) and Connector/J's
 * DatabaseMetaData answer as MySQL does.
 */
final class MysqlInformationSchema {
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
        String definition = MysqlCatalogViews.DEFINITIONS.get(name.name());
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
