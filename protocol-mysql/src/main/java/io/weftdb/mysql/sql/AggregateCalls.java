package io.weftdb.mysql.sql;

import io.weftdb.mysql.sql.MysqlSqlGrammar.FunctionCallContext;
import io.weftdb.mysql.sql.MysqlSqlGrammar.QueryContext;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Whether a query's own expressions call an aggregate function. MySQL reads HAVING in a query
 * without GROUP BY and without aggregates as a row filter that may name select-list aliases
 * (Connector/J's getTables relies on it); with an aggregate the query is one group, as in SQL.
 */
final class AggregateCalls {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "group_concat", "bit_and",
            "bit_or", "bit_xor", "std", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance",
            "json_arrayagg", "json_objectagg");

    private AggregateCalls() {
    }

    /** True when {@code tree} calls an aggregate outside any subquery it contains. */
    static boolean appearIn(ParseTree tree) {
        if (tree instanceof QueryContext) {
            return false;
        }
        if (tree instanceof FunctionCallContext call && call.overClause() == null
                && AGGREGATES.contains(call.functionName().getText().toLowerCase(Locale.ROOT).replace("`", ""))) {
            return true;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (appearIn(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }
}
