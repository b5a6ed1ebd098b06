package io.weftdb.engine.plan;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a correlated subquery whose only ties to the outer row are equalities
 * ({@code inner.x = outer.a AND ...}) into an uncorrelated query keyed by the inner sides of those
 * equalities, so it runs once per statement and each outer row looks its key up in a hash table
 * instead of running the subquery again. Anything it does not recognise (other correlations,
 * subqueries inside, LIMIT, grouping...) is left to the correlated plan.
 */
final class Decorrelator {

    /**
     * The keyed form of a subquery: {@code plan} yields the inner key values first, then the
     * subquery's own output column (for a scalar subquery); {@code outerKeys} compute the matching
     * key from the outer row; both are already cast to the types the equalities compare in.
     */
    record Keyed(PlanNode plan, List<BoundExpr> innerKeys, List<BoundExpr> outerKeys, int keyCount) {}

    private final QueryPlanner uncorrelated;

    Decorrelator(QueryPlanner uncorrelated) {
        this.uncorrelated = uncorrelated;
    }

    /** EXISTS (SELECT ... FROM ... WHERE inner = outer ...): the inner keys of the rows that exist. */
    Keyed exists(Query query, ExpressionCompiler outer) {
        return keyed(query, outer, false);
    }

    /**
     * A scalar subquery: the inner keys with the one output column, grouped by the keys when the
     * subquery aggregates ({@code SELECT count(*) ... WHERE inner = outer}).
     */
    Keyed scalar(Query query, ExpressionCompiler outer) {
        return keyed(query, outer, true);
    }

    private Keyed keyed(Query query, ExpressionCompiler outer, boolean withValue) {
        if (!(query instanceof Query.Select select) || !simple(select) || (withValue && select.items().size() != 1)) {
            return null;
        }
        boolean aggregated = withValue && AggregatePlanner.needsAggregation(select);
        try {
            Scope inner = uncorrelated.planFromClause(select.from(), List.of(), null).output();
            Scope outerRow = outer.scopesForSubquery().scope();
            List<Expr> innerSides = new ArrayList<>();
            List<Expr> outerSides = new ArrayList<>();
            List<Expr> rest = new ArrayList<>();
            for (Expr conjunct : QueryPlanner.conjuncts(select.where())) {
                Side side = side(conjunct, inner, outerRow);
                if (side == Side.INNER || side == Side.NONE) {
                    rest.add(conjunct);
                } else if (side == Side.MIXED && conjunct instanceof Expr.Binary binary
                        && binary.operator() == BinaryOperator.EQUAL) {
                    Side left = side(binary.left(), inner, outerRow);
                    Side right = side(binary.right(), inner, outerRow);
                    if (left == Side.INNER && right == Side.OUTER) {
                        innerSides.add(binary.left());
                        outerSides.add(binary.right());
                    } else if (left == Side.OUTER && right == Side.INNER) {
                        innerSides.add(binary.right());
                        outerSides.add(binary.left());
                    } else {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            if (innerSides.isEmpty()) {
                return null;
            }
            List<Query.SelectItem> items = new ArrayList<>();
            for (Expr key : innerSides) {
                items.add(new Query.SelectItem(key, null));
            }
            if (withValue) {
                items.add(select.items().get(0));
            }
            Expr where = rest.stream().reduce((a, b) -> new Expr.Binary(BinaryOperator.AND, a, b, 0)).orElse(null);
            Query.Select keyedQuery = new Query.Select(List.of(), false, List.of(), items, select.from(), where,
                    aggregated ? innerSides : List.of(), null, List.of(), null, null, Query.LockMode.NONE);
            PlanNode plan = uncorrelated.plan(keyedQuery);
            List<BoundExpr> innerKeys = new ArrayList<>();
            List<BoundExpr> outerKeys = new ArrayList<>();
            for (int i = 0; i < innerSides.size(); i++) {
                int index = i;
                DataType innerType = plan.output().columns().get(i).type();
                BoundExpr innerKey = new BoundExpr((row, context) -> row[index], innerType, false);
                BoundExpr outerKey = outer.compile(outerSides.get(i));
                DataType common = TypeRules.concrete(TypeRules.commonType(innerType, outerKey.type(), "=", 0));
                if (common.kind() == TypeKind.CHAR) {
                    return null; // blank-padded equality is not what a hash of the values compares
                }
                innerKeys.add(ExpressionCompiler.cast(innerKey, common, Casts.Context.IMPLICIT));
                outerKeys.add(ExpressionCompiler.cast(outerKey, common, Casts.Context.IMPLICIT));
            }
            return new Keyed(plan, innerKeys, outerKeys, innerSides.size());
        } catch (SqlException notThisShape) {
            // The correlated plan reports whatever is wrong with the query, or runs what this cannot.
            return null;
        }
    }

    /** A subquery plain enough to key: one FROM list and WHERE, nothing that depends on row order or count. */
    private static boolean simple(Query.Select select) {
        return select.with().isEmpty() && !select.from().isEmpty() && select.where() != null
                && select.groupBy().isEmpty() && select.groupingSets().isEmpty() && select.having() == null
                && select.distinctOn().isEmpty() && !select.distinct() && select.orderBy().isEmpty()
                && select.limit() == null && select.offset() == null && select.lockMode() == Query.LockMode.NONE
                && select.items().stream().noneMatch(item -> ExprTrees.find(item.expression(), Decorrelator::nested) != null)
                && ExprTrees.find(select.where(), Decorrelator::nested) == null;
    }

    private static boolean nested(Expr expr) {
        return expr instanceof Expr.InSubquery || expr instanceof Expr.Exists || expr instanceof Expr.ScalarSubquery
                || expr instanceof Expr.Quantified quantified && quantified.query() != null
                || WindowPlanner.isWindowCall(expr);
    }

    private enum Side { NONE, INNER, OUTER, MIXED }

    /**
     * Which row an expression reads: the subquery's own (a column its FROM has, which PostgreSQL
     * prefers), the outer query's, both, or neither. Throws (and so declines) on a name neither has.
     */
    private static Side side(Expr expr, Scope inner, Scope outerRow) {
        Side[] side = {Side.NONE};
        ExprTrees.find(expr, node -> {
            if (node instanceof Expr.ColumnRef ref) {
                Side of;
                if (inner.find(ref.name(), ref.position()) >= 0) {
                    of = Side.INNER;
                } else if (outerRow.find(ref.name(), ref.position()) >= 0) {
                    of = Side.OUTER;
                } else {
                    throw new SqlException(io.weftdb.ir.error.ErrorCode.UNDEFINED_COLUMN, "not a column of either row");
                }
                side[0] = side[0] == Side.NONE || side[0] == of ? of : Side.MIXED;
            }
            return false;
        });
        return side[0];
    }
}
