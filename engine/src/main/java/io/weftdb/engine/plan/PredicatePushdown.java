package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.function.FunctionRegistry;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.plan.ConstantFolding;
import io.weftdb.ir.plan.LogicalPlan;
import io.weftdb.ir.plan.QueryPushdown;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The rewrite rules over a query block's {@link LogicalPlan}, applied top-down in one pass:
 * <ul>
 *   <li>constant folding of every condition ({@link ConstantFolding});</li>
 *   <li>each condition goes to the lowest input that has every column it reads: onto a table's scan
 *       (where it picks the index), through inner joins, to the preserved side of an outer join, and
 *       from a LEFT JOIN's ON into its null-extended side;</li>
 *   <li>outer-join reduction: a WHERE condition that no null-extended row can satisfy
 *       ({@code b.x = 1} above {@code a LEFT JOIN b}) makes the join an inner join, as PostgreSQL
 *       does, so its inputs can be reordered and filtered;</li>
 *   <li>into derived tables and views ({@link QueryPushdown}).</li>
 * </ul>
 * Conditions with subqueries, or reading enclosing queries' columns only, stay where they were
 * written (a {@link LogicalPlan.Filter} over the block).
 */
final class PredicatePushdown {
    private final QueryPlanner planner;
    private final SourceScopes scopes;

    PredicatePushdown(QueryPlanner planner, SourceScopes scopes) {
        this.planner = planner;
        this.scopes = scopes;
    }

    /** The FROM list and WHERE conjuncts as a tree: inner joins flattened, outer ones kept whole. */
    static LogicalPlan of(List<FromItem> from, List<Expr> where) {
        List<LogicalPlan> inputs = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>(where);
        for (FromItem item : from) {
            flatten(item, inputs, conditions);
        }
        return new LogicalPlan.InnerJoin(inputs, conditions, false);
    }

    private static void flatten(FromItem item, List<LogicalPlan> inputs, List<Expr> conditions) {
        if (!(item instanceof FromItem.Join join)) {
            inputs.add(new LogicalPlan.Source(item));
            return;
        }
        List<Expr> on = new ArrayList<>();
        if (join.condition() != null) {
            AggregatePlanner.rejectAggregates(join.condition(), "JOIN conditions");
            on.addAll(QueryPlanner.conjuncts(join.condition()));
        }
        boolean inner = join.type() == FromItem.JoinType.INNER || join.type() == FromItem.JoinType.CROSS;
        if (inner && !join.natural() && join.using().isEmpty()) {
            flatten(join.left(), inputs, conditions);
            flatten(join.right(), inputs, conditions);
            conditions.addAll(on);
        } else {
            inputs.add(new LogicalPlan.OuterJoin(join, of(List.of(join.left()), List.of()),
                    of(List.of(join.right()), List.of()), on));
        }
    }

    LogicalPlan apply(LogicalPlan plan) {
        return push(plan, List.of(), Scope.EMPTY);
    }

    /** {@code plan} with {@code incoming} conditions pushed as far down as they may go. */
    private LogicalPlan push(LogicalPlan plan, List<Expr> incoming, Scope left) {
        return switch (plan) {
            case LogicalPlan.Source source -> intoSource(source.withFilters(ConstantFolding.conjuncts(incoming)));
            case LogicalPlan.Filter filter -> push(filter.input(), concat(filter.conditions(), incoming), left);
            case LogicalPlan.InnerJoin join -> innerJoin(join, incoming, left);
            case LogicalPlan.OuterJoin join -> outerJoin(join, incoming, left);
        };
    }

    private LogicalPlan innerJoin(LogicalPlan.InnerJoin join, List<Expr> incoming, Scope outerLeft) {
        List<LogicalPlan> inputs = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        flattenInner(join, inputs, conditions);
        conditions.addAll(incoming);
        conditions = ConstantFolding.conjuncts(conditions);
        List<Scope> inputScopes = new ArrayList<>();
        boolean writtenOrder = false;
        Scope left = outerLeft;
        for (LogicalPlan input : inputs) {
            boolean lateral = !inputScopes.isEmpty() && input instanceof LogicalPlan.Source source
                    && JoinPlanner.readsEarlierItems(source.item(), left);
            writtenOrder |= lateral;
            Scope scope = scopes.of(input, lateral ? left : null);
            inputScopes.add(scope);
            left = left.concat(scope);
        }
        List<List<Expr>> pushed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            pushed.add(new ArrayList<>());
        }
        List<Expr> joinConditions = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr condition : conditions) {
            BitSet owners = JoinPlanner.hasSubquery(condition) || ConstantFolding.rejectsAll(condition) ? null
                    : owners(condition, inputScopes);
            if (owners == null || owners.isEmpty()) {
                above.add(condition);
            } else if (owners.cardinality() == 1) {
                pushed.get(owners.nextSetBit(0)).add(condition);
            } else {
                joinConditions.add(condition);
            }
        }
        List<LogicalPlan> rewritten = new ArrayList<>();
        Scope before = outerLeft;
        for (int i = 0; i < inputs.size(); i++) {
            rewritten.add(push(inputs.get(i), pushed.get(i), before));
            before = before.concat(inputScopes.get(i));
        }
        LogicalPlan result = new LogicalPlan.InnerJoin(rewritten, joinConditions, writtenOrder);
        return above.isEmpty() ? result : new LogicalPlan.Filter(result, above);
    }

    /** Nested inner joins (an outer join reduced to an inner one) become one list of inputs. */
    private static void flattenInner(LogicalPlan.InnerJoin join, List<LogicalPlan> inputs, List<Expr> conditions) {
        conditions.addAll(join.conditions());
        for (LogicalPlan input : join.inputs()) {
            if (input instanceof LogicalPlan.InnerJoin nested && !nested.writtenOrder()) {
                flattenInner(nested, inputs, conditions);
            } else {
                inputs.add(input);
            }
        }
    }

    private LogicalPlan outerJoin(LogicalPlan.OuterJoin join, List<Expr> incoming, Scope outerLeft) {
        Scope leftScope = scopes.of(join.left(), null);
        LogicalPlan.Source lateralRight = join.right() instanceof LogicalPlan.InnerJoin right && right.inputs().size() == 1
                && right.conditions().isEmpty() && right.inputs().getFirst() instanceof LogicalPlan.Source source
                && JoinPlanner.readsEarlierItems(source.item(), leftScope) ? source : null;
        if (lateralRight != null) {
            // The right side runs per left row (LATERAL): left as written.
            LogicalPlan result = new LogicalPlan.OuterJoin(join.join(), push(join.left(), List.of(), Scope.EMPTY),
                    lateralRight, join.on());
            return incoming.isEmpty() ? result : new LogicalPlan.Filter(result, incoming);
        }
        Scope rightScope = scopes.of(join.right(), null);
        FromItem.JoinType type = join.join().type();
        boolean merged = join.join().natural() || !join.join().using().isEmpty();
        List<Scope> sides = List.of(leftScope, rightScope);
        if (!merged && (type == FromItem.JoinType.LEFT || type == FromItem.JoinType.RIGHT)) {
            Scope nullable = type == FromItem.JoinType.LEFT ? rightScope : leftScope;
            int nullableSide = type == FromItem.JoinType.LEFT ? 1 : 0;
            for (Expr condition : ConstantFolding.conjuncts(incoming)) {
                BitSet owners = JoinPlanner.hasSubquery(condition) ? null : owners(condition, sides);
                if (owners != null && owners.get(nullableSide) && rejectsNulls(condition, nullable)) {
                    // No null-extended row passes: the join is an inner one.
                    List<LogicalPlan> both = List.of(join.left(), join.right());
                    return push(new LogicalPlan.InnerJoin(both, join.on(), false), incoming, outerLeft);
                }
            }
        }
        List<Expr> toLeft = new ArrayList<>();
        List<Expr> toRight = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr condition : ConstantFolding.conjuncts(incoming)) {
            BitSet owners = JoinPlanner.hasSubquery(condition) ? null : owners(condition, sides);
            boolean onlyLeft = owners != null && owners.cardinality() == 1 && owners.get(0);
            boolean onlyRight = owners != null && owners.cardinality() == 1 && owners.get(1);
            if (onlyLeft && (type == FromItem.JoinType.LEFT || type == FromItem.JoinType.INNER)) {
                toLeft.add(condition);
            } else if (onlyRight && (type == FromItem.JoinType.RIGHT || type == FromItem.JoinType.INNER)) {
                toRight.add(condition);
            } else {
                above.add(condition);
            }
        }
        List<Expr> on = new ArrayList<>();
        for (Expr condition : ConstantFolding.conjuncts(join.on())) {
            BitSet owners = JoinPlanner.hasSubquery(condition) ? null : owners(condition, sides);
            boolean onlyLeft = owners != null && owners.cardinality() == 1 && owners.get(0);
            boolean onlyRight = owners != null && owners.cardinality() == 1 && owners.get(1);
            // An ON condition on the side whose rows it may null-extend filters that side's rows.
            if (onlyRight && type == FromItem.JoinType.LEFT) {
                toRight.add(condition);
            } else if (onlyLeft && type == FromItem.JoinType.RIGHT) {
                toLeft.add(condition);
            } else {
                on.add(condition);
            }
        }
        LogicalPlan result = new LogicalPlan.OuterJoin(join.join(), push(join.left(), toLeft, Scope.EMPTY),
                push(join.right(), toRight, Scope.EMPTY), on);
        return above.isEmpty() ? result : new LogicalPlan.Filter(result, above);
    }

    /** A derived table or view with conditions: those that can move into its query do. */
    private LogicalPlan intoSource(LogicalPlan.Source source) {
        if (source.filters().isEmpty()) {
            return source;
        }
        QueryPushdown.Facts facts = new QueryPushdown.Facts() {
            @Override
            public boolean aggregates(Query.Select select) {
                return AggregatePlanner.needsAggregation(select);
            }

            @Override
            public boolean pinned(Expr expr) {
                return ExprTrees.find(expr, PredicatePushdown::pinnedCall) != null;
            }
        };
        switch (source.item()) {
            case FromItem.DerivedTable derived when derived.alias() != null && !derived.lateral() -> {
                Scope scope = scopes.of(source, null);
                // Without column aliases the derived table's names are its query's own.
                QueryPushdown.Split split = QueryPushdown.filtered(derived.query(), derived.alias(), names(scope),
                        derived.columnAliases().isEmpty() ? names(scope) : null, source.filters(), facts);
                if (split != null) {
                    FromItem.DerivedTable filtered = new FromItem.DerivedTable(split.query(), derived.alias(),
                            derived.columnAliases(), false, derived.position());
                    scopes.remember(filtered, scope);
                    return new LogicalPlan.Source(filtered, split.left(), null);
                }
            }
            case FromItem.TableRef ref -> {
                ViewDef view = planner.viewOf(ref);
                if (view != null) {
                    Scope scope = scopes.of(source, null);
                    String relation = ref.alias() != null ? ref.alias() : ref.name().name();
                    Query body = source.viewBody() != null ? source.viewBody() : view.query();
                    QueryPushdown.Split split = QueryPushdown.filtered(body, relation, names(scope), ownNames(body),
                            source.filters(), facts);
                    if (split != null) {
                        return new LogicalPlan.Source(ref, split.left(), split.query());
                    }
                }
            }
            default -> { }
        }
        return source;
    }

    /** The names a view's query gives its columns, where a SELECT * needs them (planned for that only). */
    private List<String> ownNames(Query body) {
        if (!(body instanceof Query.Select select) || select.items().stream().noneMatch(i -> i.expression() instanceof Expr.Star)) {
            return null;
        }
        return names(planner.plan(body).output());
    }

    private static boolean pinnedCall(Expr node) {
        if (!(node instanceof Expr.FunctionCall call)) {
            return false;
        }
        String name = call.name().name().toLowerCase(Locale.ROOT);
        return call.over() != null || FunctionRegistry.DEFAULT.isVolatile(name) || SetReturningFunctions.exists(name);
    }

    private static List<String> names(Scope scope) {
        return scope.columns().stream().map(Scope.Column::name).toList();
    }

    /**
     * Whether a row whose {@code side} columns are all NULL cannot satisfy the condition: it reads a
     * column of that side through operators that give NULL for a NULL operand.
     */
    static boolean rejectsNulls(Expr expr, Scope side) {
        return switch (expr) {
            case Expr.ColumnRef ref -> readsSide(ref, side);
            case Expr.Binary binary when binary.operator() == BinaryOperator.AND ->
                    rejectsNulls(binary.left(), side) || rejectsNulls(binary.right(), side);
            case Expr.Binary binary when binary.operator() == BinaryOperator.OR ->
                    rejectsNulls(binary.left(), side) && rejectsNulls(binary.right(), side);
            case Expr.Binary binary -> rejectsNulls(binary.left(), side) || rejectsNulls(binary.right(), side);
            case Expr.IsPredicate is -> is.negated() && is.test() == Expr.IsTest.NULL && rejectsNulls(is.operand(), side);
            case Expr.Like like -> rejectsNulls(like.operand(), side);
            case Expr.InList in -> rejectsNulls(in.operand(), side);
            case Expr.Between between -> rejectsNulls(between.operand(), side);
            case Expr.Cast cast -> rejectsNulls(cast.operand(), side);
            case Expr.Unary unary when unary.operator() != io.weftdb.ir.expr.UnaryOperator.NOT ->
                    rejectsNulls(unary.operand(), side);
            default -> false;
        };
    }

    private static boolean readsSide(Expr.ColumnRef ref, Scope side) {
        try {
            return side.find(ref.name(), ref.position()) >= 0;
        } catch (SqlException ambiguous) {
            return false;
        }
    }

    /** Which of the inputs {@code expr}'s columns belong to; null when a name is ambiguous between them. */
    static BitSet owners(Expr expr, List<Scope> inputs) {
        List<Expr.ColumnRef> refs = new ArrayList<>();
        ExprTrees.find(expr, node -> {
            if (node instanceof Expr.ColumnRef ref) {
                refs.add(ref);
            }
            return false;
        });
        BitSet owners = new BitSet(inputs.size());
        for (Expr.ColumnRef ref : refs) {
            int found = -1;
            for (int i = 0; i < inputs.size(); i++) {
                int index;
                try {
                    index = inputs.get(i).find(ref.name(), ref.position());
                } catch (SqlException ambiguous) {
                    return null;
                }
                if (index >= 0) {
                    if (found >= 0) {
                        return null;
                    }
                    found = i;
                }
            }
            if (found >= 0) {
                owners.set(found);
            }
        }
        return owners;
    }

    private static List<Expr> concat(List<Expr> first, List<Expr> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<Expr> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
