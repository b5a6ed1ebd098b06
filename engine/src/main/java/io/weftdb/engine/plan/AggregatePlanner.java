package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.AggregateFunction;
import io.weftdb.engine.aggregate.AggregateFunctions;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans GROUP BY, HAVING and aggregates. The aggregation's output row is the group keys followed by
 * the aggregate results; the select list, HAVING and ORDER BY are then rewritten to read that row:
 * a subexpression equal to a GROUP BY expression becomes a reference to its key column, an
 * aggregate call a reference to its result column. Any input column still referenced after that is
 * neither grouped nor aggregated (42803).
 */
final class AggregatePlanner {
    /** Names of the aggregation's output columns; the leading '?' keeps them apart from user names. */
    private static final String KEY_PREFIX = "?group?";
    private static final String AGGREGATE_PREFIX = "?aggregate?";
    private static final String GROUPING_PREFIX = "?grouping?";

    /** The aggregation (and HAVING filter) and the clauses rewritten to read its output. */
    record Grouped(PlanNode plan, List<Query.SelectItem> items, List<Expr> distinctOn, List<SortItem> orderBy,
                   Scope namesForSubqueries) {}

    private final PlanNode source;
    private final ExpressionCompiler compiler;
    private final List<Expr> keyShapes = new ArrayList<>();
    private final List<Integer> keyColumns = new ArrayList<>();
    private final List<BoundExpr> keys = new ArrayList<>();
    private final List<Expr> aggregateShapes = new ArrayList<>();
    private final List<BoundAggregate> aggregates = new ArrayList<>();
    /** ROLLUP/CUBE/GROUPING SETS: each set as indices into the keys; empty for a plain GROUP BY. */
    private final List<int[]> groupingSets = new ArrayList<>();
    /** Each GROUPING(...) call as the indices of the keys it names. */
    private final List<int[]> groupingCalls = new ArrayList<>();
    private final List<Expr> groupingCallShapes = new ArrayList<>();

    private final QueryPlanner planner;

    AggregatePlanner(QueryPlanner planner, PlanNode source, ExpressionCompiler compiler) {
        this.planner = planner;
        this.source = source;
        this.compiler = compiler;
    }

    static boolean isAggregateCall(Expr expr) {
        return expr instanceof Expr.FunctionCall call && call.over() == null && call.name().size() == 1
                && AggregateFunctions.isAggregate(call.name().name());
    }

    /**
     * Whether the source delivers each group's rows together: a table read in the order of an index
     * whose leading columns are the group keys, apart from leading columns the scan fixes to one
     * value ({@code WHERE a = 1 GROUP BY b} over an index on (a, b)). The aggregation then streams.
     */
    private boolean inputGrouped() {
        if (keys.isEmpty() || !groupingSets.isEmpty()) {
            return false;
        }
        PlanNode node = source;
        while (node instanceof FilterNode filter) {
            node = filter.input();
        }
        if (!(node instanceof TableScanNode scan)) {
            return false;
        }
        java.util.Set<Integer> remaining = new java.util.HashSet<>();
        for (int sourceColumn : keyColumns) {
            io.weftdb.engine.expr.ColumnOrigin origin = sourceColumn < 0 ? null
                    : source.output().columns().get(sourceColumn).origin();
            if (origin == null || origin.tableId() != scan.table().id()) {
                return false;
            }
            remaining.add(origin.columnId());
        }
        List<Integer> indexColumns = scan.range().index().columnIds();
        int fixed = scan.range().equalities().size();
        for (int i = 0; i < indexColumns.size() && !remaining.isEmpty(); i++) {
            if (!remaining.remove(indexColumns.get(i)) && i >= fixed) {
                return false;
            }
        }
        return remaining.isEmpty();
    }

    /**
     * Estimates the groups of a plain GROUP BY whose keys are columns with statistics: the product
     * of their distinct counts, at most the input's rows (grouping sets keep the default guess).
     */
    private void noteGroups(PlanNode plan) {
        if (keys.isEmpty() || !groupingSets.isEmpty()) {
            return;
        }
        RowEstimates estimates = planner.estimates();
        double input = estimates.estimate(source);
        Selectivity selectivity = planner.selectivity();
        double groups = 1;
        for (int sourceColumn : keyColumns) {
            Scope.Column column = sourceColumn < 0 ? null : source.output().columns().get(sourceColumn);
            double distinct = column == null ? -1 : selectivity.distinct(column, input);
            if (distinct < 0) {
                return;
            }
            groups *= distinct;
        }
        estimates.noteRows(plan, Math.min(input, groups));
    }

    static boolean containsAggregate(Expr expr) {
        return ExprTrees.find(expr, AggregatePlanner::isAggregateCall) != null;
    }

    /** Raises 42803 when {@code expr} holds an aggregate, as PostgreSQL does for WHERE, GROUP BY, ON... */
    static void rejectAggregates(Expr expr, String clause) {
        Expr found = ExprTrees.find(expr, AggregatePlanner::isAggregateCall);
        if (found != null) {
            throw new SqlException(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in " + clause,
                    found.position());
        }
    }

    static boolean needsAggregation(Query.Select select) {
        return !select.groupBy().isEmpty() || !select.groupingSets().isEmpty() || select.having() != null
                || select.items().stream().anyMatch(item -> containsAggregate(item.expression()))
                || select.orderBy().stream().anyMatch(item -> containsAggregate(item.expression()));
    }

    Grouped plan(Query.Select select) {
        List<Query.SelectItem> items = expandStars(select.items());
        for (Expr groupBy : select.groupBy()) {
            addKey(resolveGroupBy(groupBy, items, source.output()));
        }
        for (List<Expr> set : select.groupingSets()) {
            int[] keyIndices = new int[set.size()];
            for (int i = 0; i < keyIndices.length; i++) {
                keyIndices[i] = keyShapes.indexOf(ExprTrees.withoutPositions(resolveGroupBy(set.get(i), items, source.output())));
            }
            groupingSets.add(keyIndices);
        }
        List<Query.SelectItem> rewrittenItems = new ArrayList<>();
        for (Query.SelectItem item : items) {
            String name = item.alias() != null ? item.alias() : QueryPlanner.outputName(item.expression());
            rewrittenItems.add(new Query.SelectItem(toOutput(item.expression()), name));
        }
        Expr having = select.having() == null ? null : toOutput(select.having());
        List<SortItem> orderBy = new ArrayList<>();
        for (SortItem item : select.orderBy()) {
            Expr expr = item.expression();
            orderBy.add(byOutputColumn(expr, rewrittenItems) ? item
                    : new SortItem(toOutput(expr), item.descending(), item.nullsFirst()));
        }
        List<Expr> distinctOn = new ArrayList<>();
        for (Expr expr : select.distinctOn()) {
            distinctOn.add(byOutputColumn(expr, rewrittenItems) ? expr : toOutput(expr));
        }
        List<Scope.Column> columns = new ArrayList<>();
        // Subqueries are not rewritten: their references to grouped columns find the key columns by
        // the names of the columns they group.
        List<Scope.Column> namesForSubqueries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(new Scope.Column(null, KEY_PREFIX + i, keys.get(i).type()));
            int sourceColumn = keyColumns.get(i);
            namesForSubqueries.add(sourceColumn < 0 ? columns.get(i) : source.output().columns().get(sourceColumn));
        }
        for (int i = 0; i < aggregates.size(); i++) {
            columns.add(new Scope.Column(null, AGGREGATE_PREFIX + i, aggregates.get(i).function().resultType()));
            namesForSubqueries.add(columns.get(columns.size() - 1));
        }
        for (int i = 0; i < groupingCalls.size(); i++) {
            columns.add(new Scope.Column(null, GROUPING_PREFIX + i, DataType.INTEGER));
            namesForSubqueries.add(columns.get(columns.size() - 1));
        }
        PlanNode plan = new AggregateNode(source, keys, aggregates, groupingSets, groupingCalls, new Scope(columns),
                inputGrouped());
        noteGroups(plan);
        Scope subqueryScope = new Scope(namesForSubqueries);
        if (having != null) {
            plan = new FilterNode(plan, compiler.withScope(plan.output()).withScopeForSubqueries(subqueryScope)
                    .compileCondition(having, "HAVING"), "(HAVING clause)");
        }
        return new Grouped(plan, rewrittenItems, distinctOn, orderBy, subqueryScope);
    }

    /** An ordinal or a select-list alias: ORDER BY and DISTINCT ON name an output column so, not an input expression. */
    private static boolean byOutputColumn(Expr expr, List<Query.SelectItem> items) {
        return expr instanceof Expr.Literal literal && literal.value() instanceof Long
                || expr instanceof Expr.ColumnRef ref && ref.name().size() == 1
                && items.stream().anyMatch(output -> output.alias().equals(ref.name().name()));
    }

    /** {@code *} in a grouped query stands for each input column, each of which must then be grouped. */
    private List<Query.SelectItem> expandStars(List<Query.SelectItem> items) {
        List<Query.SelectItem> expanded = new ArrayList<>();
        for (Query.SelectItem item : items) {
            if (!(item.expression() instanceof Expr.Star star)) {
                expanded.add(item);
                continue;
            }
            String qualifier = star.qualifier() == null ? null : star.qualifier().name();
            for (Scope.Column column : source.output().columns()) {
                if (column.inStar(qualifier)) {
                    QualifiedName name = column.relation() == null ? QualifiedName.of(column.name())
                            : QualifiedName.of(column.relation(), column.name());
                    expanded.add(new Query.SelectItem(new Expr.ColumnRef(name, star.position()), column.name()));
                }
            }
        }
        return expanded;
    }

    /**
     * GROUP BY n names the n-th select item; a bare name that is no input column may name a select
     * item's alias (input columns win, as in PostgreSQL).
     */
    private static Expr resolveGroupBy(Expr groupBy, List<Query.SelectItem> items, Scope input) {
        if (groupBy instanceof Expr.Literal literal && literal.value() instanceof Long ordinal) {
            if (ordinal < 1 || ordinal > items.size()) {
                throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "GROUP BY position " + ordinal
                        + " is not in select list", groupBy.position());
            }
            return items.get((int) (ordinal - 1)).expression();
        }
        if (groupBy instanceof Expr.ColumnRef ref && ref.name().size() == 1
                && input.columns().stream().noneMatch(column -> column.name().equals(ref.name().name()))) {
            for (Query.SelectItem item : items) {
                if (ref.name().name().equals(item.alias())) {
                    return item.expression();
                }
            }
        }
        return groupBy;
    }

    private void addKey(Expr expr) {
        rejectAggregates(expr, "GROUP BY");
        if (keyShapes.contains(ExprTrees.withoutPositions(expr))) {
            return; // ROLLUP (a, b), (a) names a once
        }
        BoundExpr bound = compiler.compile(expr);
        if (bound.type().kind() == TypeKind.UNKNOWN) {
            bound = ExpressionCompiler.cast(bound, DataType.TEXT, Casts.Context.IMPLICIT);
        }
        keys.add(bound);
        keyShapes.add(ExprTrees.withoutPositions(expr));
        keyColumns.add(expr instanceof Expr.ColumnRef ref ? source.output().resolve(ref.name(), ref.position()) : -1);
    }

    /** Rewrites {@code expr} to read the aggregation's output, registering the aggregates it calls. */
    private Expr toOutput(Expr expr) {
        Expr rewritten = ExprTrees.rewrite(expr, this::outputReference);
        Expr ungrouped = ExprTrees.find(rewritten, node -> node instanceof Expr.ColumnRef ref && !isOutputColumn(ref));
        if (ungrouped instanceof Expr.ColumnRef ref) {
            int index = source.output().resolve(ref.name(), ref.position());
            Scope.Column column = source.output().columns().get(index);
            String name = column.relation() == null ? column.name() : column.relation() + "." + column.name();
            throw new SqlException(ErrorCode.GROUPING_ERROR, "column \"" + name
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function", ref.position());
        }
        return rewritten;
    }

    private static boolean isOutputColumn(Expr.ColumnRef ref) {
        return ref.name().size() == 1 && (ref.name().name().startsWith(KEY_PREFIX)
                || ref.name().name().startsWith(AGGREGATE_PREFIX) || ref.name().name().startsWith(GROUPING_PREFIX));
    }

    static boolean isGroupingCall(Expr expr) {
        return expr instanceof Expr.FunctionCall call && call.over() == null && call.name().size() == 1
                && call.name().name().equalsIgnoreCase("grouping");
    }

    /** GROUPING(a, b): a bit per argument, set when that key is not in the row's grouping set. */
    private Expr groupingReference(Expr.FunctionCall call) {
        Expr shape = ExprTrees.withoutPositions(call);
        int index = groupingCallShapes.indexOf(shape);
        if (index < 0) {
            if (call.arguments().isEmpty() || call.arguments().size() > 31) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "GROUPING must have between 1 and 31 arguments",
                        call.position());
            }
            int[] keyIndices = new int[call.arguments().size()];
            for (int i = 0; i < keyIndices.length; i++) {
                Expr argument = call.arguments().get(i);
                keyIndices[i] = keyShapes.indexOf(ExprTrees.withoutPositions(argument));
                if (keyIndices[i] < 0 && argument instanceof Expr.ColumnRef ref) {
                    int column = source.output().resolve(ref.name(), ref.position());
                    keyIndices[i] = keyColumns.indexOf(column);
                }
                if (keyIndices[i] < 0) {
                    throw new SqlException(ErrorCode.GROUPING_ERROR,
                            "arguments to GROUPING must be grouping expressions of the associated query level",
                            argument.position());
                }
            }
            groupingCalls.add(keyIndices);
            groupingCallShapes.add(shape);
            index = groupingCalls.size() - 1;
        }
        return new Expr.ColumnRef(QualifiedName.of(GROUPING_PREFIX + index), call.position());
    }

    /** The output column {@code expr} is, or null when its parts must be looked at instead. */
    private Expr outputReference(Expr expr) {
        if (isGroupingCall(expr)) {
            return groupingReference((Expr.FunctionCall) expr);
        }
        Expr shape = ExprTrees.withoutPositions(expr);
        int column = expr instanceof Expr.ColumnRef ref ? source.output().resolve(ref.name(), ref.position()) : -1;
        for (int i = 0; i < keyShapes.size(); i++) {
            if (keyShapes.get(i).equals(shape) || column >= 0 && keyColumns.get(i) == column) {
                return new Expr.ColumnRef(QualifiedName.of(KEY_PREFIX + i), expr.position());
            }
        }
        if (!isAggregateCall(expr)) {
            return null;
        }
        int index = aggregateShapes.indexOf(shape);
        if (index < 0) {
            aggregates.add(bindAggregate((Expr.FunctionCall) expr));
            aggregateShapes.add(shape);
            index = aggregates.size() - 1;
        }
        return new Expr.ColumnRef(QualifiedName.of(AGGREGATE_PREFIX + index), expr.position());
    }

    private BoundAggregate bindAggregate(Expr.FunctionCall call) {
        for (Expr argument : call.arguments()) {
            rejectNested(argument);
        }
        rejectNested(call.filter());
        List<BoundExpr> arguments = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (Expr argument : aggregateArguments(call)) {
            BoundExpr bound = compiler.compile(argument);
            arguments.add(bound);
            types.add(bound.type());
        }
        AggregateFunction function = AggregateFunctions.resolve(call.name().name(), types, call.starArgument(), call.position());
        List<BoundExpr> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            cast.add(ExpressionCompiler.cast(arguments.get(i), function.argumentTypes().get(i), Casts.Context.IMPLICIT));
        }
        BoundExpr filter = call.filter() == null ? null : compiler.compileCondition(call.filter(), "FILTER");
        List<BoundExpr> orderBy = new ArrayList<>();
        List<SortNode.SortKey> orderKeys = new ArrayList<>();
        for (SortItem item : call.orderBy()) {
            rejectNested(item.expression());
            if (call.distinct() && call.arguments().stream().map(ExprTrees::withoutPositions)
                    .noneMatch(ExprTrees.withoutPositions(item.expression())::equals)) {
                throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list",
                        item.expression().position());
            }
            orderKeys.add(new SortNode.SortKey(orderBy.size(), item.descending(), item.effectiveNullsFirst()));
            orderBy.add(compiler.compile(item.expression()));
        }
        return new BoundAggregate(function, cast, filter, call.distinct(), orderBy, orderKeys);
    }

    /**
     * The arguments an aggregate call's function receives: as written, except that the json
     * aggregates receive each value as json text (to_json/to_jsonb) and each key as text.
     */
    static List<Expr> aggregateArguments(Expr.FunctionCall call) {
        String name = call.name().name().toLowerCase(java.util.Locale.ROOT);
        List<Expr> arguments = call.arguments();
        return switch (name) {
            case "json_agg", "jsonb_agg" -> arguments.size() != 1 ? arguments
                    : List.of(Expr.FunctionCall.of(name.equals("json_agg") ? "to_json" : "to_jsonb", arguments, call.position()));
            case "json_object_agg", "jsonb_object_agg" -> arguments.size() != 2 ? arguments : List.of(
                    new Expr.Cast(arguments.get(0), DataType.TEXT, call.position()),
                    Expr.FunctionCall.of(name.startsWith("jsonb") ? "to_jsonb" : "to_json", List.of(arguments.get(1)),
                            call.position()));
            default -> arguments;
        };
    }

    private static void rejectNested(Expr expr) {
        Expr nested = ExprTrees.find(expr, AggregatePlanner::isAggregateCall);
        if (nested != null) {
            throw new SqlException(ErrorCode.GROUPING_ERROR, "aggregate function calls cannot be nested", nested.position());
        }
    }
}
