package io.weftdb.ir.plan;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.stmt.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves conditions on a derived table or view into its query's WHERE clause, so they reach its
 * scans (and their indexes) instead of filtering its whole result: {@code SELECT * FROM v WHERE
 * v.id = 5} reads one row of v's table. Done only where the result cannot change:
 * <ul>
 *   <li>the query is a plain SELECT without LIMIT/OFFSET, DISTINCT, window functions or locking
 *       ({@code SELECT *} too, when the query's own column names are known and unique);</li>
 *   <li>each column the condition reads is one of the query's columns read unchanged (a column
 *       reference, possibly cast), so no computed expression is duplicated;</li>
 *   <li>a grouped query takes only conditions on its grouping columns (WHERE then drops whole
 *       groups, as HAVING would);</li>
 *   <li>the condition names no other column (an enclosing query's) and calls nothing volatile.</li>
 * </ul>
 */
public final class QueryPushdown {
    private QueryPushdown() {
    }

    /** What the engine knows about a query that the text does not tell. */
    public interface Facts {
        /** Whether the SELECT groups its rows (GROUP BY, HAVING or an aggregate in its list). */
        boolean aggregates(Query.Select select);

        /** Whether the expression holds a call that may not move: a volatile function or a window function. */
        boolean pinned(Expr expr);
    }

    /** The conditions of {@code conditions} that {@link #filtered} can take, in order. */
    public record Split(Query query, List<Expr> taken, List<Expr> left) {}

    /**
     * {@code query}, whose output columns are named {@code columns} and known to the outer query as
     * {@code relation}, with those of {@code conditions} that can move into it added to its WHERE.
     * {@code ownColumns}: the names the query itself gives its columns (before any renaming by the
     * outer query), which a {@code SELECT *} needs; null when unknown. Null when nothing can move.
     */
    public static Split filtered(Query query, String relation, List<String> columns, List<String> ownColumns,
                                 List<Expr> conditions, Facts facts) {
        if (query instanceof Query.SetOperation set) {
            return intoBothSides(set, relation, columns, conditions, facts);
        }
        if (!(query instanceof Query.Select select) || !movable(select, facts)) {
            return null;
        }
        boolean grouped = facts.aggregates(select);
        long stars = select.items().stream().filter(item -> item.expression() instanceof Expr.Star).count();
        boolean star = stars > 0;
        if (stars > 1) {
            // a.*, b.*: which relation a name comes from is the planner's to tell.
            return null;
        }
        if (star ? grouped || ownColumns == null || ownColumns.size() != columns.size() || !namedItems(select)
                : select.items().size() != columns.size()) {
            return null;
        }
        List<Expr> outputs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            outputs.add(star ? starOutput(select, ownColumns, i) : select.items().get(i).expression());
        }
        List<Expr> taken = new ArrayList<>();
        List<Expr> left = new ArrayList<>();
        List<Expr> moved = new ArrayList<>();
        for (Expr condition : conditions) {
            Expr inner = facts.pinned(condition) ? null : inner(condition, relation, columns, outputs, select, grouped);
            if (inner == null) {
                left.add(condition);
            } else {
                taken.add(condition);
                moved.add(inner);
            }
        }
        if (moved.isEmpty()) {
            return null;
        }
        Expr where = select.where();
        for (Expr condition : moved) {
            where = where == null ? condition : new Expr.Binary(BinaryOperator.AND, where, condition, condition.position());
        }
        Query.Select filtered = new Query.Select(select.with(), select.distinct(), select.distinctOn(), select.items(),
                select.from(), where, select.groupBy(), select.having(), select.orderBy(), select.limit(), select.offset(),
                select.lockMode(), select.groupingSets(), select.lockWait());
        return new Split(filtered, taken, left);
    }

    /**
     * UNION / INTERSECT / EXCEPT [ALL]: a condition on the output holds of a row whichever side it
     * comes from, so it moves into both (by column position: a side's own names may differ), when
     * both take the same conditions and the operation has no ORDER BY or LIMIT of its own.
     */
    private static Split intoBothSides(Query.SetOperation set, String relation, List<String> columns, List<Expr> conditions,
                                       Facts facts) {
        if (!set.with().isEmpty() || !set.orderBy().isEmpty() || set.limit() != null || set.offset() != null) {
            return null;
        }
        Split left = filtered(set.left(), relation, columns, null, conditions, facts);
        Split right = filtered(set.right(), relation, columns, null, conditions, facts);
        if (left == null || right == null || !left.taken().equals(right.taken())) {
            return null;
        }
        return new Split(new Query.SetOperation(set.with(), set.operator(), set.all(), left.query(), right.query(),
                set.orderBy(), set.limit(), set.offset()), left.taken(), left.left());
    }

    private static boolean movable(Query.Select select, Facts facts) {
        if (select.limit() != null || select.offset() != null || select.distinct() || !select.distinctOn().isEmpty()
                || select.lockMode() != Query.LockMode.NONE || !select.groupingSets().isEmpty() || select.from().isEmpty()) {
            return false;
        }
        for (Query.SelectItem item : select.items()) {
            if (facts.pinned(item.expression())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every item besides the stars has a name the text tells: an alias, or a column's own name. */
    private static boolean namedItems(Query.Select select) {
        for (Query.SelectItem item : select.items()) {
            if (!(item.expression() instanceof Expr.Star) && item.alias() == null
                    && !(item.expression() instanceof Expr.ColumnRef)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What output column {@code index} of a SELECT with stars reads: the item of that name, or,
     * from a star, the column of that name (null when the name is not the query's only one).
     */
    private static Expr starOutput(Query.Select select, List<String> ownColumns, int index) {
        String name = ownColumns.get(index);
        if (ownColumns.indexOf(name) != ownColumns.lastIndexOf(name)) {
            return null;
        }
        for (Query.SelectItem item : select.items()) {
            String itemName = item.alias() != null ? item.alias()
                    : item.expression() instanceof Expr.ColumnRef ref ? ref.name().name() : null;
            if (name.equals(itemName)) {
                return item.expression();
            }
        }
        for (Query.SelectItem item : select.items()) {
            if (item.expression() instanceof Expr.Star star && star.qualifier() != null) {
                // t.*: named through t, as another relation of the FROM list may have the same name.
                List<String> parts = new ArrayList<>(star.qualifier().parts());
                parts.add(name);
                return new Expr.ColumnRef(new QualifiedName(parts), 0);
            }
        }
        return new Expr.ColumnRef(QualifiedName.of(name), 0);
    }

    /** The condition over the query's own columns; null when some reference cannot be mapped. */
    private static Expr inner(Expr condition, String relation, List<String> columns, List<Expr> outputs, Query.Select select,
                              boolean grouped) {
        boolean[] failed = new boolean[1];
        Expr rewritten = ExprTrees.rewrite(condition, node -> {
            if (failed[0]) {
                return node;
            }
            if (node instanceof Expr.InSubquery || node instanceof Expr.Exists || node instanceof Expr.ScalarSubquery
                    || node instanceof Expr.Quantified quantified && quantified.query() != null) {
                failed[0] = true;
                return node;
            }
            if (!(node instanceof Expr.ColumnRef ref)) {
                return null;
            }
            int index = columnIndex(ref.name(), relation, columns);
            Expr item = index < 0 ? null : outputs.get(index);
            if (item == null || !plainColumn(item) || grouped && !groupingColumn(select, item, index)) {
                failed[0] = true;
                return node;
            }
            return item;
        });
        return failed[0] ? null : rewritten;
    }

    /** The position of the one output column {@code name} refers to; -1 when none or several. */
    private static int columnIndex(QualifiedName name, String relation, List<String> columns) {
        if (name.size() > 2 || name.size() == 2 && !name.qualifier().equals(relation)) {
            return -1;
        }
        int index = columns.indexOf(name.name());
        return index >= 0 && columns.lastIndexOf(name.name()) == index ? index : -1;
    }

    private static boolean plainColumn(Expr expr) {
        return expr instanceof Expr.ColumnRef || expr instanceof Expr.Cast cast && plainColumn(cast.operand());
    }

    /** Whether select item {@code index} ({@code item}) is a GROUP BY key: by expression, ordinal or alias. */
    private static boolean groupingColumn(Query.Select select, Expr item, int index) {
        Expr shape = ExprTrees.withoutPositions(item);
        String alias = select.items().get(index).alias();
        for (Expr key : select.groupBy()) {
            if (ExprTrees.withoutPositions(key).equals(shape)
                    || key instanceof Expr.Literal literal && literal.value() instanceof Number number
                            && number.longValue() == index + 1
                    || alias != null && key instanceof Expr.ColumnRef ref && ref.name().size() == 1
                            && ref.name().name().equals(alias)) {
                return true;
            }
        }
        return false;
    }
}
