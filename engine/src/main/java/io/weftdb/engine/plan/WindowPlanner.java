package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.AggregateFunction;
import io.weftdb.engine.aggregate.AggregateFunctions;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.expr.TypeRules;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans window function calls of the select list and ORDER BY (after grouping, before the
 * projection): calls sharing a window become one {@link WindowNode}, and each call is rewritten to
 * a reference to the column it appends. Those columns are hidden from {@code *}.
 */
final class WindowPlanner {
    private static final String RELATION = "?window?";

    /** The windowed plan and the clauses rewritten to read it. */
    record Windowed(PlanNode plan, List<Query.SelectItem> items, List<SortItem> orderBy) {}

    private final ExpressionCompiler compiler;
    private final List<Expr.FunctionCall> calls = new ArrayList<>();
    private final List<Expr> callShapes = new ArrayList<>();

    WindowPlanner(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    static boolean isWindowCall(Expr expr) {
        return expr instanceof Expr.FunctionCall call && call.over() != null;
    }

    static boolean hasWindows(List<Query.SelectItem> items, List<SortItem> orderBy) {
        return items.stream().anyMatch(item -> ExprTrees.find(item.expression(), WindowPlanner::isWindowCall) != null)
                || orderBy.stream().anyMatch(item -> ExprTrees.find(item.expression(), WindowPlanner::isWindowCall) != null);
    }

    Windowed plan(PlanNode source, List<Query.SelectItem> items, List<SortItem> orderBy) {
        List<Query.SelectItem> rewrittenItems = new ArrayList<>();
        for (Query.SelectItem item : items) {
            String name = item.alias() != null || item.expression() instanceof Expr.Star ? item.alias()
                    : QueryPlanner.outputName(item.expression());
            rewrittenItems.add(new Query.SelectItem(ExprTrees.rewrite(item.expression(), this::reference), name));
        }
        List<SortItem> rewrittenOrder = new ArrayList<>();
        for (SortItem item : orderBy) {
            rewrittenOrder.add(new SortItem(ExprTrees.rewrite(item.expression(), this::reference), item.descending(),
                    item.nullsFirst()));
        }
        Map<Expr.WindowSpec, List<Integer>> byWindow = new LinkedHashMap<>();
        for (int k = 0; k < calls.size(); k++) {
            byWindow.computeIfAbsent(withoutPositions(calls.get(k).over()), key -> new ArrayList<>()).add(k);
        }
        PlanNode plan = source;
        for (List<Integer> group : byWindow.values()) {
            plan = windowNode(plan, group);
        }
        return new Windowed(plan, rewrittenItems, rewrittenOrder);
    }

    private Expr reference(Expr expr) {
        if (!isWindowCall(expr)) {
            return null;
        }
        Expr.FunctionCall call = (Expr.FunctionCall) expr;
        for (Expr argument : call.arguments()) {
            Expr nested = ExprTrees.find(argument, WindowPlanner::isWindowCall);
            if (nested != null) {
                throw new SqlException(ErrorCode.WINDOWING_ERROR, "window function calls cannot be nested", nested.position());
            }
        }
        Expr shape = ExprTrees.withoutPositions(call);
        int index = callShapes.indexOf(shape);
        if (index < 0) {
            calls.add(call);
            callShapes.add(shape);
            index = calls.size() - 1;
        }
        return new Expr.ColumnRef(QualifiedName.of(RELATION, "w" + index), call.position());
    }

    private static Expr.WindowSpec withoutPositions(Expr.WindowSpec spec) {
        return new Expr.WindowSpec(spec.partitionBy().stream().map(ExprTrees::withoutPositions).toList(),
                spec.orderBy().stream().map(item -> new SortItem(ExprTrees.withoutPositions(item.expression()),
                        item.descending(), item.nullsFirst())).toList(),
                spec.frame() == null ? null : new Expr.WindowFrame(spec.frame().unit(),
                        new Expr.FrameBound(spec.frame().start().kind(), ExprTrees.withoutPositions(spec.frame().start().offset())),
                        new Expr.FrameBound(spec.frame().end().kind(), ExprTrees.withoutPositions(spec.frame().end().offset()))));
    }

    private PlanNode windowNode(PlanNode input, List<Integer> group) {
        ExpressionCompiler over = compiler.withScope(input.output());
        Expr.WindowSpec spec = calls.get(group.get(0)).over();
        List<BoundExpr> partitionBy = new ArrayList<>();
        for (Expr expr : spec.partitionBy()) {
            AggregatePlanner.rejectAggregates(expr, "window definitions");
            partitionBy.add(over.compile(expr));
        }
        List<BoundExpr> orderBy = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        for (SortItem item : spec.orderBy()) {
            orderBy.add(over.compile(item.expression()));
            descending.add(item.descending());
            nullsFirst.add(item.effectiveNullsFirst());
        }
        WindowFrameBounds frame = frame(spec, orderBy, over);
        List<WindowFunction> functions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>(input.output().columns());
        for (int k : group) {
            Expr.FunctionCall call = calls.get(k);
            BoundFunction bound = bind(call, over, frame);
            functions.add(bound.function());
            columns.add(new Scope.Column(RELATION, "w" + k, bound.type(), true));
        }
        return new WindowNode(sorted(input, partitionBy, orderBy, descending, nullsFirst), input.output().columns().size(),
                partitionBy.size(), orderBy.size(), functions, new Scope(columns));
    }

    /**
     * The input rows with the partition and order key values after their own columns, sorted by them
     * (partitions in any consistent order, NULLs last); as they are when there are no keys.
     */
    private static PlanNode sorted(PlanNode input, List<BoundExpr> partitionBy, List<BoundExpr> orderBy,
                                   List<Boolean> descending, List<Boolean> nullsFirst) {
        if (partitionBy.isEmpty() && orderBy.isEmpty()) {
            return input;
        }
        List<Scope.Column> inputColumns = input.output().columns();
        List<BoundExpr> expressions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>(inputColumns);
        for (int i = 0; i < inputColumns.size(); i++) {
            int index = i;
            expressions.add(new BoundExpr((row, context) -> row[index], inputColumns.get(i).type(), false));
        }
        List<SortNode.SortKey> keys = new ArrayList<>();
        for (BoundExpr key : partitionBy) {
            keys.add(new SortNode.SortKey(expressions.size(), false, false));
            expressions.add(key);
            columns.add(new Scope.Column(RELATION, "?partition?", key.type(), true));
        }
        for (int i = 0; i < orderBy.size(); i++) {
            keys.add(new SortNode.SortKey(expressions.size(), descending.get(i), nullsFirst.get(i)));
            expressions.add(orderBy.get(i));
            columns.add(new Scope.Column(RELATION, "?order?", orderBy.get(i).type(), true));
        }
        return new SortNode(new ProjectNode(input, expressions, new Scope(columns)), keys);
    }

    private static WindowFrameBounds frame(Expr.WindowSpec spec, List<BoundExpr> orderBy, ExpressionCompiler compiler) {
        Expr.WindowFrame frame = spec.frame();
        if (frame == null) {
            return WindowFrameBounds.defaultFor(!orderBy.isEmpty());
        }
        if (frame.start().kind() == Expr.FrameBoundKind.UNBOUNDED_FOLLOWING) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "frame start cannot be UNBOUNDED FOLLOWING");
        }
        if (frame.end().kind() == Expr.FrameBoundKind.UNBOUNDED_PRECEDING) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "frame end cannot be UNBOUNDED PRECEDING");
        }
        boolean offsets = frame.start().offset() != null || frame.end().offset() != null;
        DataType orderType = null;
        boolean descending = false;
        if (frame.unit() == Expr.FrameUnit.RANGE && offsets) {
            if (orderBy.size() != 1) {
                throw new SqlException(ErrorCode.WINDOWING_ERROR,
                        "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
            }
            orderType = orderBy.get(0).type();
            if (!orderType.kind().isNumeric()) {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "RANGE with offset PRECEDING/FOLLOWING is supported for numeric ORDER BY columns only");
            }
            descending = spec.orderBy().get(0).descending();
        }
        if (frame.unit() == Expr.FrameUnit.GROUPS && orderBy.isEmpty()) {
            throw new SqlException(ErrorCode.WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause");
        }
        DataType offsetType = frame.unit() == Expr.FrameUnit.RANGE ? DataType.NUMERIC : DataType.BIGINT;
        return new WindowFrameBounds(frame.unit(), frame.start().kind(), offset(frame.start(), offsetType, compiler),
                frame.end().kind(), offset(frame.end(), offsetType, compiler), descending, orderType);
    }

    private static BoundExpr offset(Expr.FrameBound bound, DataType type, ExpressionCompiler compiler) {
        return bound.offset() == null ? null
                : ExpressionCompiler.cast(compiler.compile(bound.offset()), type, Casts.Context.IMPLICIT);
    }

    private record BoundFunction(WindowFunction function, DataType type) {}

    private static BoundFunction bind(Expr.FunctionCall call, ExpressionCompiler compiler, WindowFrameBounds frame) {
        String name = call.name().name().toLowerCase(Locale.ROOT);
        List<Expr> arguments = call.arguments();
        if (call.distinct()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "DISTINCT is not implemented for window functions",
                    call.position());
        }
        if (!call.orderBy().isEmpty()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "aggregate ORDER BY is not implemented for window functions", call.position());
        }
        switch (name) {
            case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist" -> {
                arity(call, 0, 0);
                DataType type = name.endsWith("_rank") && !name.equals("dense_rank") || name.equals("cume_dist")
                        ? DataType.DOUBLE : DataType.BIGINT;
                return new BoundFunction(new WindowFunction.Ranking(name), type);
            }
            case "ntile" -> {
                arity(call, 1, 1);
                return new BoundFunction(new WindowFunction.Ntile(integer(compiler, arguments.get(0))), DataType.INTEGER);
            }
            case "lag", "lead" -> {
                arity(call, 1, 3);
                BoundExpr value = concrete(compiler.compile(arguments.get(0)));
                BoundExpr steps = arguments.size() > 1 ? integer(compiler, arguments.get(1)) : null;
                BoundExpr fallback = null;
                DataType type = value.type();
                if (arguments.size() > 2) {
                    fallback = compiler.compile(arguments.get(2));
                    type = TypeRules.concrete(TypeRules.commonType(value.type(), fallback.type(), name, call.position()));
                    fallback = ExpressionCompiler.cast(fallback, type, Casts.Context.IMPLICIT);
                    value = ExpressionCompiler.cast(value, type, Casts.Context.IMPLICIT);
                }
                return new BoundFunction(new WindowFunction.Offset(value, steps, fallback, name.equals("lead")), type);
            }
            case "first_value", "last_value", "nth_value" -> {
                int count = name.equals("nth_value") ? 2 : 1;
                arity(call, count, count);
                BoundExpr value = concrete(compiler.compile(arguments.get(0)));
                BoundExpr nth = count == 2 ? integer(compiler, arguments.get(1)) : null;
                return new BoundFunction(new WindowFunction.FrameValue(name, value, nth, frame), value.type());
            }
            default -> {
                if (!AggregateFunctions.isAggregate(name)) {
                    throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "OVER specified, but " + name
                            + " is not a window function nor an aggregate function", call.position());
                }
                List<BoundExpr> bound = new ArrayList<>();
                List<DataType> types = new ArrayList<>();
                for (Expr argument : AggregatePlanner.aggregateArguments(call)) {
                    BoundExpr expr = compiler.compile(argument);
                    bound.add(expr);
                    types.add(expr.type());
                }
                AggregateFunction function = AggregateFunctions.resolve(name, types, call.starArgument(), call.position());
                List<BoundExpr> cast = new ArrayList<>();
                for (int i = 0; i < bound.size(); i++) {
                    cast.add(ExpressionCompiler.cast(bound.get(i), function.argumentTypes().get(i), Casts.Context.IMPLICIT));
                }
                BoundExpr filter = call.filter() == null ? null : compiler.compileCondition(call.filter(), "FILTER");
                return new BoundFunction(new WindowFunction.Aggregate(function, cast, filter, call.starArgument(), frame),
                        function.resultType());
            }
        }
    }

    private static BoundExpr integer(ExpressionCompiler compiler, Expr expr) {
        return ExpressionCompiler.cast(compiler.compile(expr), DataType.BIGINT, Casts.Context.IMPLICIT);
    }

    private static BoundExpr concrete(BoundExpr expr) {
        return expr.type().kind() == TypeKind.UNKNOWN ? ExpressionCompiler.cast(expr, DataType.TEXT, Casts.Context.IMPLICIT)
                : expr;
    }

    private static void arity(Expr.FunctionCall call, int min, int max) {
        int count = call.arguments().size();
        if (count < min || count > max || call.starArgument()) {
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + call.name().name() + " with " + count
                    + " arguments does not exist", call.position());
        }
    }
}
