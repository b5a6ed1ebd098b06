package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.OuterScopes;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.stats.TableStatistics;
import io.weftdb.engine.system.SystemTable;
import io.weftdb.engine.system.SystemTableScanNode;
import io.weftdb.engine.system.SystemTables;
import io.weftdb.engine.table.TableScope;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a query into a physical plan: FROM items into scans (choosing an index from WHERE) and
 * joins, then filter, grouping and aggregation, projection, DISTINCT, ORDER BY and LIMIT/OFFSET, in SQL's logical order.
 */
public final class QueryPlanner {
    private final NameContext names;
    private final ParameterTypes parameters;
    private final OuterScopes outer;
    private final CommonTableExpressions ctes;
    private final RowEstimates estimates;
    /** The subqueries planned for this statement, at every level, for EXPLAIN. */
    private final SubPlans subPlans;
    private final SubqueryPlanner subqueries;
    /**
     * Whether output columns of unknown type (a bare NULL or string literal) stay unknown: true for
     * the branches of a set operation, whose column types are resolved across both sides, as in
     * PostgreSQL (SELECT NULL UNION SELECT 1 is integer). Everywhere else they become text.
     */
    private final boolean keepsUnknownOutput;
    /** The columns the SELECT being planned reads, so its table scans decode no others. */
    private final ColumnsRead columnsRead;

    public QueryPlanner(NameContext names, ParameterTypes parameters) {
        this(names, parameters, new TableStatistics());
    }

    /** A planner that estimates row counts from {@code statistics} (ANALYZE's table row counts). */
    public QueryPlanner(NameContext names, ParameterTypes parameters, TableStatistics statistics) {
        this(names, parameters, null, CommonTableExpressions.NONE, new RowEstimates(statistics), new SubPlans());
    }

    private QueryPlanner(NameContext names, ParameterTypes parameters, OuterScopes outer, CommonTableExpressions ctes,
                         RowEstimates estimates, SubPlans subPlans) {
        this(names, parameters, outer, ctes, estimates, subPlans, false);
    }

    private QueryPlanner(NameContext names, ParameterTypes parameters, OuterScopes outer, CommonTableExpressions ctes,
                         RowEstimates estimates, SubPlans subPlans, boolean keepsUnknownOutput) {
        this(names, parameters, outer, ctes, estimates, subPlans, keepsUnknownOutput, ColumnsRead.ALL);
    }

    private QueryPlanner(NameContext names, ParameterTypes parameters, OuterScopes outer, CommonTableExpressions ctes,
                         RowEstimates estimates, SubPlans subPlans, boolean keepsUnknownOutput, ColumnsRead columnsRead) {
        this.columnsRead = columnsRead;
        this.subPlans = subPlans;
        this.names = names;
        this.parameters = parameters;
        this.outer = outer;
        this.ctes = ctes;
        this.estimates = estimates;
        this.keepsUnknownOutput = keepsUnknownOutput;
        this.subqueries = new SubqueryPlanner(this);
    }

    /** This planner with unknown-typed output columns kept or resolved to text (see {@link #keepsUnknownOutput}). */
    private QueryPlanner keepingUnknownOutput(boolean keep) {
        return keep == keepsUnknownOutput ? this : new QueryPlanner(names, parameters, outer, ctes, estimates, subPlans, keep);
    }

    /** This planner for the FROM list of a SELECT that reads only {@code read}. */
    private QueryPlanner reading(ColumnsRead read) {
        return new QueryPlanner(names, parameters, outer, ctes, estimates, subPlans, keepsUnknownOutput, read);
    }

    /** Which columns of {@code table}, scanned as {@code alias}, the query reads (null: all). */
    boolean[] columnsRead(TableDef table, String alias) {
        return columnsRead.columnsOf(table, alias);
    }

    /** The statement's subquery plans, as EXPLAIN lists them. */
    public SubPlans subPlans() {
        return subPlans;
    }

    /** How many rows the planner expects {@code node} to produce. */
    RowEstimates estimates() {
        return estimates;
    }

    /** Estimates conditions over this planner's relations from column statistics. */
    Selectivity selectivity() {
        return new Selectivity(estimates.statistics(), compiler(Scope.EMPTY));
    }

    public long estimatedRows(PlanNode node) {
        return estimates.rows(node);
    }

    /**
     * A LATERAL item (or a function in FROM reading earlier items): planned like a subquery whose
     * enclosing row is the row of the items to its left, {@code left}.
     */
    PlanNode planLateral(FromItem item, Scope left) {
        return nested(new OuterScopes(left, outer)).planFromItem(item, List.of());
    }

    /** A compiler for expressions that read the row of {@code outerRow} as an enclosing row (lookup keys). */
    ExpressionCompiler compilerCorrelatedTo(Scope outerRow) {
        return nested(new OuterScopes(outerRow, outer)).compiler(Scope.EMPTY);
    }

    /** A planner for a subquery whose expressions may reference the enclosing queries' {@code scopes}. */
    QueryPlanner nested(OuterScopes scopes) {
        return new QueryPlanner(names, parameters, scopes, ctes, estimates, subPlans);
    }

    /** This planner without enclosing scopes: for the uncorrelated form of a subquery. */
    QueryPlanner withoutOuter() {
        return new QueryPlanner(names, parameters, null, ctes, estimates, subPlans);
    }

    private QueryPlanner withCtes(CommonTableExpressions visible) {
        return new QueryPlanner(names, parameters, outer, visible, estimates, subPlans);
    }

    public NameContext names() {
        return names;
    }

    public ParameterTypes parameters() {
        return parameters;
    }

    public PlanNode plan(Query query) {
        return switch (query) {
            case Query.Select select when !select.with().isEmpty() -> withCtes(define(select.with())).planSelect(select);
            case Query.Select select -> planSelect(select);
            case Query.Values values -> planValues(values);
            case Query.SetOperation operation when !operation.with().isEmpty() ->
                    withCtes(define(operation.with())).planSetOperation(operation);
            case Query.SetOperation operation -> planSetOperation(operation);
        };
    }

    /** Adds a WITH list's queries to the visible CTEs, each seeing the ones before it (and itself, when recursive). */
    private CommonTableExpressions define(List<Query.With> withList) {
        CommonTableExpressions visible = ctes;
        for (Query.With with : withList) {
            for (Query.With earlier : withList) {
                if (earlier == with) {
                    break;
                }
                if (earlier.name().equals(with.name())) {
                    throw new SqlException(ErrorCode.DUPLICATE_ALIAS, "WITH query name \"" + with.name()
                            + "\" specified more than once");
                }
            }
            CommonTableExpressions.Definition definition = with.recursive() && RecursiveCtePlanner.isRecursive(with)
                    ? new CommonTableExpressions.Planned(new RecursiveCtePlanner(withCtes(visible)).plan(with))
                    : new CommonTableExpressions.Inline(with, visible);
            visible = visible.with(with.name(), definition);
        }
        return visible;
    }

    /** A planner with the given CTEs visible, for {@link RecursiveCtePlanner}. */
    QueryPlanner withVisible(CommonTableExpressions visible) {
        return withCtes(visible);
    }

    CommonTableExpressions ctes() {
        return ctes;
    }

    /**
     * UNION/INTERSECT/EXCEPT: both inputs planned, each column converted to the type both sides'
     * columns resolve to (as PostgreSQL resolves UNION types), named after the left input's columns.
     */
    private PlanNode planSetOperation(Query.SetOperation operation) {
        PlanNode left = keepingUnknownOutput(true).plan(operation.left());
        PlanNode right = keepingUnknownOutput(true).plan(operation.right());
        List<Scope.Column> leftColumns = left.output().columns();
        List<Scope.Column> rightColumns = right.output().columns();
        String name = operation.operator().name();
        if (leftColumns.size() != rightColumns.size()) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "each " + name + " query must have the same number of columns");
        }
        List<DataType> types = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < leftColumns.size(); i++) {
            DataType type = TypeRules.concrete(TypeRules.commonType(leftColumns.get(i).type(), rightColumns.get(i).type(),
                    name, 0));
            types.add(type);
            columns.add(new Scope.Column(null, leftColumns.get(i).name(), type));
        }
        Scope output = new Scope(columns);
        PlanNode plan = new SetOperationNode(operation.operator(), operation.all(), convert(left, types),
                convert(right, types), output);
        if (operation.orderBy().isEmpty() && operation.limit() == null && operation.offset() == null) {
            return plan;
        }
        List<Query.SelectItem> all = List.of(new Query.SelectItem(new Expr.Star(null, 0), null));
        return planOutput(plan, all, false, operation.orderBy(), operation.limit(), operation.offset());
    }

    /** {@code plan} with each column cast to {@code types}; the plan itself when nothing changes. */
    static PlanNode convert(PlanNode plan, List<DataType> types) {
        List<Scope.Column> columns = plan.output().columns();
        boolean same = true;
        for (int i = 0; i < columns.size(); i++) {
            same &= columns.get(i).type().equals(types.get(i));
        }
        if (same) {
            return plan;
        }
        List<BoundExpr> casts = new ArrayList<>();
        List<Scope.Column> converted = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            BoundExpr column = new BoundExpr((row, context) -> row[index], columns.get(i).type(), false);
            casts.add(ExpressionCompiler.cast(column, types.get(i), Casts.Context.IMPLICIT));
            converted.add(new Scope.Column(columns.get(i).relation(), columns.get(i).name(), types.get(i)));
        }
        return new ProjectNode(plan, casts, new Scope(converted));
    }

    /** A compiler for expressions over {@code scope} at this query level; they may hold subqueries. */
    public ExpressionCompiler compiler(Scope scope) {
        return new ExpressionCompiler(scope, parameters, outer, subqueries);
    }

    private PlanNode planSelect(Query.Select select) {
        AggregatePlanner.rejectAggregates(select.where(), "WHERE");
        List<Expr> conjuncts = select.where() == null ? List.of() : conjuncts(select.where());
        if (select.lockMode() != Query.LockMode.NONE) {
            checkLockable(select);
        }
        PlanNode source = reading(ColumnsRead.of(select)).planFrom(select.from(), conjuncts, select.lockMode(),
                select.lockWait());
        if (AggregatePlanner.needsAggregation(select)) {
            AggregatePlanner.Grouped grouped = new AggregatePlanner(this, source, compiler(source.output())).plan(select);
            return planWindowsAndOutput(grouped.plan(), grouped.items(), select.distinct(), grouped.distinctOn(),
                    grouped.orderBy(), select, grouped.namesForSubqueries());
        }
        return planWindowsAndOutput(source, select.items(), select.distinct(), select.distinctOn(), select.orderBy(), select,
                source.output());
    }

    /** Window functions, when the select list or ORDER BY calls any, then the output clauses. */
    private PlanNode planWindowsAndOutput(PlanNode source, List<Query.SelectItem> items, boolean distinct,
                                          List<Expr> distinctOn, List<SortItem> orderBy, Query.Select select,
                                          Scope namesForSubqueries) {
        for (Expr expr : distinctOn) {
            Expr window = ExprTrees.find(expr, WindowPlanner::isWindowCall);
            if (window != null) {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "window functions in DISTINCT ON are not supported",
                        window.position());
            }
        }
        if (!WindowPlanner.hasWindows(items, orderBy)) {
            return planOutput(source, items, distinct, distinctOn, orderBy, select.limit(), select.offset(),
                    namesForSubqueries);
        }
        ExpressionCompiler compiler = compiler(source.output()).withScopeForSubqueries(namesForSubqueries);
        WindowPlanner.Windowed windowed = new WindowPlanner(compiler).plan(source, items, orderBy);
        List<Scope.Column> names = new ArrayList<>(namesForSubqueries.columns());
        List<Scope.Column> all = windowed.plan().output().columns();
        names.addAll(all.subList(names.size(), all.size()));
        return planOutput(windowed.plan(), windowed.items(), distinct, distinctOn, windowed.orderBy(), select.limit(),
                select.offset(), new Scope(names));
    }

    PlanNode planOutput(PlanNode source, List<Query.SelectItem> items, boolean distinct, List<SortItem> orderBy,
                        Expr limit, Expr offset) {
        return planOutput(source, items, distinct, List.of(), orderBy, limit, offset, source.output());
    }

    /**
     * Projection, DISTINCT or DISTINCT ON, ORDER BY (by output column, ordinal or input expression),
     * LIMIT/OFFSET. Subqueries in the select list and ORDER BY see the input row as {@code namesForSubqueries}.
     */
    PlanNode planOutput(PlanNode source, List<Query.SelectItem> items, boolean distinct, List<Expr> distinctOn,
                        List<SortItem> orderBy, Expr limit, Expr offset, Scope namesForSubqueries) {
        if (items.stream().anyMatch(item -> ExprTrees.find(item.expression(), QueryPlanner::isSetReturningCall) != null)) {
            List<Query.SelectItem> rewritten = new ArrayList<>();
            source = projectSet(source, items, namesForSubqueries, rewritten);
            items = rewritten;
            List<Scope.Column> names = new ArrayList<>(namesForSubqueries.columns());
            List<Scope.Column> all = source.output().columns();
            names.addAll(all.subList(names.size(), all.size()));
            namesForSubqueries = new Scope(names);
        }
        Scope input = source.output();
        ExpressionCompiler compiler = compiler(input).withScopeForSubqueries(namesForSubqueries);
        List<BoundExpr> expressions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>();
        // Each visible column's expression (its shape, positions left out), for ORDER BY to find it.
        List<Expr> shapes = new ArrayList<>();
        for (Query.SelectItem item : items) {
            if (item.expression() instanceof Expr.Star star) {
                expandStar(star, input, expressions, columns);
                while (shapes.size() < columns.size()) {
                    shapes.add(null);
                }
                continue;
            }
            shapes.add(ExprTrees.withoutPositions(item.expression()));
            BoundExpr bound = compiler.compile(item.expression());
            DataType type = bound.type().kind() == TypeKind.UNKNOWN && !keepsUnknownOutput ? DataType.TEXT : bound.type();
            if (type != bound.type()) {
                bound = ExpressionCompiler.cast(bound, type, Casts.Context.IMPLICIT);
            }
            expressions.add(bound);
            columns.add(new Scope.Column(null, item.alias() != null ? item.alias() : outputName(item.expression()), type,
                    false, type == bound.type() ? origin(item.expression(), input) : null));
        }
        int visible = expressions.size();
        // Input expressions ORDER BY and DISTINCT ON add as hidden columns, by shape, so each is computed once.
        java.util.Map<Expr, Integer> hidden = new java.util.HashMap<>();
        List<SortNode.SortKey> keys = new ArrayList<>();
        for (SortItem sortItem : orderBy) {
            int position = sortPosition(sortItem.expression(), columns, visible);
            if (position < 0) {
                // ORDER BY x where the list has x AS y: sort by that column (PostgreSQL matches by expression too).
                position = shapes.indexOf(ExprTrees.withoutPositions(sortItem.expression()));
            }
            if (position < 0) {
                if (distinct) {
                    throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE,
                            "for SELECT DISTINCT, ORDER BY expressions must appear in select list", sortItem.expression().position());
                }
                Expr shape = ExprTrees.withoutPositions(sortItem.expression());
                Integer known = hidden.get(shape);
                if (known == null) {
                    BoundExpr bound = compiler.compile(sortItem.expression());
                    expressions.add(bound);
                    columns.add(new Scope.Column(null, "?sort?", bound.type()));
                    known = expressions.size() - 1;
                    hidden.put(shape, known);
                }
                position = known;
            }
            keys.add(new SortNode.SortKey(position, sortItem.descending(), sortItem.effectiveNullsFirst()));
        }
        List<Integer> onPositions = distinctOnPositions(distinctOn, compiler, expressions, columns, shapes, visible, keys, hidden);
        // FOR UPDATE/SHARE over one table: the row's key and version ride along (hidden) to be locked after the sort.
        MarkRowsNode marked = source instanceof MarkRowsNode mark ? mark : null;
        int keyPosition = -1;
        if (marked != null) {
            int width = input.columns().size();
            keyPosition = expressions.size();
            for (int i = width - 2; i < width; i++) {
                int index = i;
                expressions.add(new BoundExpr((row, context) -> row[index], input.columns().get(i).type(), false));
                columns.add(input.columns().get(i));
            }
        }
        PlanNode plan = new ProjectNode(source, expressions, new Scope(columns));
        if (distinct) {
            plan = new DistinctNode(plan);
        }
        BoundExpr limitValue = limitBound(limit);
        BoundExpr offsetValue = limitBound(offset);
        if (!keys.isEmpty()) {
            // Keeping only the first n rows would be wrong when locking may skip some of them.
            boolean topN = limitValue != null && onPositions.isEmpty() && marked == null;
            plan = new SortNode(plan, keys, topN ? rowsWanted(limitValue, offsetValue) : null);
        }
        if (!onPositions.isEmpty()) {
            plan = new DistinctOnNode(plan, onPositions);
        }
        if (marked != null) {
            plan = new LockMarkedRowsNode(plan, keyPosition, keyPosition + 1, marked, List.copyOf(expressions));
            estimates.noteRows(plan, estimates.estimate(marked));
        }
        if (limit != null || offset != null) {
            plan = new LimitNode(plan, limitValue, offsetValue);
        }
        if (expressions.size() > visible) {
            List<BoundExpr> trimmed = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                int index = i;
                trimmed.add(new BoundExpr((row, context) -> row[index], columns.get(i).type(), false));
            }
            plan = new ProjectNode(plan, trimmed, new Scope(columns.subList(0, visible)));
        }
        return plan;
    }

    /**
     * The output positions of the DISTINCT ON expressions (added as hidden columns when they are no
     * output column). The leading ORDER BY items must be among them (42P10, as in PostgreSQL); the
     * sort keys are extended by the rest, so that rows sharing DISTINCT ON values end up adjacent.
     */
    private static List<Integer> distinctOnPositions(List<Expr> distinctOn, ExpressionCompiler compiler,
                                                     List<BoundExpr> expressions, List<Scope.Column> columns, List<Expr> shapes,
                                                     int visible, List<SortNode.SortKey> keys, java.util.Map<Expr, Integer> hidden) {
        List<Integer> positions = new ArrayList<>();
        for (Expr expr : distinctOn) {
            int position = sortPosition(expr, columns, visible);
            if (position < 0) {
                // Matched by expression as ORDER BY is, so DISTINCT ON (x) and ORDER BY x name one column.
                position = shapes.indexOf(ExprTrees.withoutPositions(expr));
            }
            if (position < 0) {
                Expr shape = ExprTrees.withoutPositions(expr);
                Integer known = hidden.get(shape);
                if (known == null) {
                    BoundExpr bound = compiler.compile(expr);
                    expressions.add(bound);
                    columns.add(new Scope.Column(null, "?distinct?", bound.type()));
                    known = expressions.size() - 1;
                    hidden.put(shape, known);
                }
                position = known;
            }
            positions.add(position);
        }
        for (int i = 0; i < Math.min(positions.size(), keys.size()); i++) {
            if (!positions.contains(keys.get(i).position())) {
                throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", distinctOn.get(0).position());
            }
        }
        for (int position : positions) {
            if (keys.stream().noneMatch(key -> key.position() == position)) {
                keys.add(new SortNode.SortKey(position, false, false));
            }
        }
        return positions;
    }

    private static final String SET_RETURNING_RELATION = "?srf?";

    static boolean isSetReturningCall(Expr expr) {
        return expr instanceof Expr.FunctionCall call && call.over() == null && call.filter() == null
                && (call.name().size() == 1 || "pg_catalog".equals(call.name().qualifier())
                        || "information_schema".equals(call.name().qualifier()))
                && SetReturningFunctions.exists(call.name().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Set-returning functions in the select list: a {@link ProjectSetNode} appends their values to
     * each input row (repeating it), and the items read those columns instead of calling them.
     */
    private PlanNode projectSet(PlanNode source, List<Query.SelectItem> items, Scope namesForSubqueries,
                                List<Query.SelectItem> rewritten) {
        ExpressionCompiler compiler = compiler(source.output()).withScopeForSubqueries(namesForSubqueries);
        List<SetReturningFunctions.Bound> functions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>(source.output().columns());
        for (Query.SelectItem item : items) {
            String name = item.alias() != null || item.expression() instanceof Expr.Star ? item.alias()
                    : outputName(item.expression());
            Expr expr = ExprTrees.rewrite(item.expression(), node -> {
                if (!isSetReturningCall(node)) {
                    return null;
                }
                Expr.FunctionCall call = (Expr.FunctionCall) node;
                for (Expr argument : call.arguments()) {
                    if (ExprTrees.find(argument, QueryPlanner::isSetReturningCall) != null) {
                        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "set-returning functions inside the arguments of another are not supported", call.position());
                    }
                }
                List<BoundExpr> arguments = new ArrayList<>();
                for (Expr argument : call.arguments()) {
                    arguments.add(compiler.compile(argument));
                }
                SetReturningFunctions.Bound bound = SetReturningFunctions.bind(call.name().name(), arguments, call.position())
                        .asOneColumn();
                String column = "s" + functions.size();
                functions.add(bound);
                columns.add(new Scope.Column(SET_RETURNING_RELATION, column, bound.columnTypes().get(0), true));
                return new Expr.ColumnRef(io.weftdb.ir.QualifiedName.of(SET_RETURNING_RELATION, column), call.position());
            });
            rewritten.add(new Query.SelectItem(expr, name));
        }
        return new ProjectSetNode(source, functions, new Scope(columns));
    }

    /** LIMIT + OFFSET: how many sorted rows a top-N sort must keep; null (keep all) when LIMIT is NULL. */
    private static BoundExpr rowsWanted(BoundExpr limit, BoundExpr offset) {
        return new BoundExpr((row, context) -> {
            Object count = limit.evaluate(row, context);
            if (count == null) {
                return null;
            }
            Object skip = offset == null ? null : offset.evaluate(row, context);
            long skipped = skip == null ? 0 : Math.max(0, ((Number) skip).longValue());
            long wanted = Math.max(0, ((Number) count).longValue());
            return wanted > Long.MAX_VALUE - skipped ? null : wanted + skipped;
        }, DataType.BIGINT, limit.constant() && (offset == null || offset.constant()));
    }

    private BoundExpr limitBound(Expr expr) {
        if (expr == null) {
            return null;
        }
        if (expr instanceof Expr.Parameter parameter) {
            parameters.infer(parameter.index(), DataType.BIGINT);
        }
        BoundExpr bound = compiler(Scope.EMPTY).compile(expr);
        return ExpressionCompiler.cast(bound, DataType.BIGINT, Casts.Context.IMPLICIT);
    }

    /** ORDER BY n (ordinal) or ORDER BY output-name resolve to an output column; -1 means an input expression. */
    private static int sortPosition(Expr expr, List<Scope.Column> columns, int visible) {
        if (expr instanceof Expr.Literal literal && literal.value() instanceof Long ordinal) {
            if (ordinal < 1 || ordinal > visible) {
                throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position " + ordinal
                        + " is not in select list", expr.position());
            }
            return (int) (ordinal - 1);
        }
        if (expr instanceof Expr.ColumnRef ref && ref.name().size() == 1) {
            int found = -1;
            for (int i = 0; i < visible; i++) {
                if (columns.get(i).name().equals(ref.name().name())) {
                    if (found >= 0) {
                        throw new SqlException(ErrorCode.AMBIGUOUS_COLUMN, "ORDER BY \"" + ref.name().name()
                                + "\" is ambiguous", expr.position());
                    }
                    found = i;
                }
            }
            return found;
        }
        return -1;
    }

    /** Where a select item's value comes from: a plain column reference keeps its column's origin. */
    private static io.weftdb.engine.expr.ColumnOrigin origin(Expr expression, Scope input) {
        if (!(expression instanceof Expr.ColumnRef reference)) {
            return null;
        }
        int index = input.find(reference.name(), reference.position());
        return index < 0 ? null : input.columns().get(index).origin();
    }

    private static void expandStar(Expr.Star star, Scope input, List<BoundExpr> expressions, List<Scope.Column> columns) {
        String qualifier = star.qualifier() == null ? null : star.qualifier().name();
        boolean any = false;
        for (int i = 0; i < input.columns().size(); i++) {
            Scope.Column column = input.columns().get(i);
            if (!column.inStar(qualifier)) {
                continue;
            }
            int index = i;
            expressions.add(new BoundExpr((row, context) -> row[index], column.type(), false));
            columns.add(column.renamed(null, column.name()));
            any = true;
        }
        if (qualifier != null && !any) {
            throw new SqlException(ErrorCode.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + qualifier + "\"",
                    star.position());
        }
        if (qualifier == null && input.columns().isEmpty()) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "SELECT * with no tables specified is not valid", star.position());
        }
    }

    /** The column name PostgreSQL gives an unaliased select-list expression. */
    public static String outputName(Expr expr) {
        return switch (expr) {
            case Expr.ColumnRef ref -> ref.name().name();
            case Expr.FunctionCall call -> call.name().name();
            case Expr.Cast cast -> {
                String inner = cast.operand() instanceof Expr.Literal ? "?column?" : outputName(cast.operand());
                yield inner.equals("?column?") ? castName(cast.type()) : inner;
            }
            case Expr.Case caseExpr -> "case";
            case Expr.SpecialValue special -> special.kind().name().toLowerCase(Locale.ROOT);
            case Expr.Exists exists -> "exists";
            case Expr.FieldSelection field -> field.field();
            case Expr.RowConstructor row -> "row";
            default -> "?column?";
        };
    }

    private static String castName(DataType type) {
        return switch (type.kind()) {
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case BOOLEAN -> "bool";
            case VARCHAR -> "varchar";
            case CHAR -> "bpchar";
            case TIMESTAMPTZ -> "timestamptz";
            case TIME -> "time";
            default -> type.kind().name().toLowerCase(Locale.ROOT);
        };
    }

    public static List<Expr> conjuncts(Expr condition) {
        List<Expr> result = new ArrayList<>();
        if (condition instanceof Expr.Binary binary && binary.operator() == BinaryOperator.AND) {
            result.addAll(conjuncts(binary.left()));
            result.addAll(conjuncts(binary.right()));
        } else {
            result.add(condition);
        }
        return result;
    }

    /**
     * A FROM list with WHERE conjuncts, columns keeping their relation names (UPDATE ... FROM,
     * DELETE ... USING). With {@code correlatedTo}, the conjuncts may read that scope's row as
     * the outer row of a subquery.
     */
    public PlanNode planFromClause(List<FromItem> from, List<Expr> conjuncts, Scope correlatedTo) {
        QueryPlanner planner = correlatedTo == null ? this : nested(new OuterScopes(correlatedTo, outer));
        return planner.planFrom(from, conjuncts);
    }

    private PlanNode planFrom(List<FromItem> from, List<Expr> conjuncts) {
        return planFrom(from, conjuncts, Query.LockMode.NONE, Query.LockWait.WAIT);
    }

    /**
     * FOR UPDATE/SHARE locks rows of tables, so it cannot apply where result rows do not stand for
     * table rows: PostgreSQL's 0A000 cases.
     */
    private static void checkLockable(Query.Select select) {
        String clause = select.lockMode().name().replace('_', ' ');
        String refusal = null;
        if (select.distinct() || !select.distinctOn().isEmpty()) {
            refusal = "DISTINCT clause";
        } else if (!select.groupBy().isEmpty() || !select.groupingSets().isEmpty()) {
            refusal = "GROUP BY clause";
        } else if (select.having() != null) {
            refusal = "HAVING clause";
        } else if (select.items().stream().anyMatch(item -> AggregatePlanner.containsAggregate(item.expression()))) {
            refusal = "aggregate functions";
        } else if (select.items().stream().anyMatch(item -> ExprTrees.find(item.expression(),
                WindowPlanner::isWindowCall) != null)) {
            refusal = "window functions";
        }
        if (refusal != null) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, clause + " is not allowed with " + refusal);
        }
    }

    private PlanNode planFrom(List<FromItem> from, List<Expr> conjuncts, Query.LockMode locking,
                              Query.LockWait lockWait) {
        if (from.isEmpty()) {
            PlanNode plan = ValuesNode.singleEmptyRow();
            for (Expr conjunct : conjuncts) {
                plan = new FilterNode(plan, compiler(plan.output()).compileCondition(conjunct, "WHERE"), "(WHERE clause)");
            }
            return plan;
        }
        return new JoinPlanner(this, locking, lockWait).plan(from, conjuncts);
    }

    static Scope join(Scope left, Scope right) {
        for (Scope.Column column : right.columns()) {
            if (column.relation() != null && left.columns().stream().anyMatch(c -> column.relation().equals(c.relation()))) {
                throw new SqlException(ErrorCode.DUPLICATE_ALIAS, "table name \"" + column.relation()
                        + "\" specified more than once");
            }
        }
        return left.concat(right);
    }

    PlanNode planFromItem(FromItem item, List<Expr> conjuncts) {
        return switch (item) {
            case FromItem.TableRef ref -> planTable(ref, conjuncts);
            case FromItem.DerivedTable derived -> {
                yield realias(keepingUnknownOutput(false).plan(derived.query()), derived.alias(), derived.columnAliases(),
                        derived.position());
            }
            case FromItem.Join join -> planJoin(join);
            case FromItem.FunctionTable function -> planFunctionTable(function);
        };
    }

    /**
     * A function in FROM: a set-returning one (generate_series, unnest, json expanders) gives its
     * rows; any other function gives one row holding its value, as in PostgreSQL. A one-column
     * result is named after the alias, else the function.
     */
    private PlanNode planFunctionTable(FromItem.FunctionTable table) {
        Expr.FunctionCall call = table.call();
        if (call.over() != null || call.distinct() || call.filter() != null || !call.orderBy().isEmpty()
                || call.starArgument()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "this form of function call is not supported in FROM",
                    table.position());
        }
        String name = call.name().name();
        String relation = table.alias() != null ? table.alias() : name;
        ExpressionCompiler compiler = compiler(Scope.EMPTY);
        SetReturningFunctions.Bound bound;
        if (SetReturningFunctions.exists(name.toLowerCase(Locale.ROOT))) {
            List<BoundExpr> arguments = new ArrayList<>();
            for (Expr argument : call.arguments()) {
                arguments.add(compiler.compile(argument));
            }
            bound = SetReturningFunctions.bind(name, arguments, call.position());
        } else {
            BoundExpr value = compiler.compile(call);
            DataType type = value.type().kind() == TypeKind.UNKNOWN ? DataType.TEXT : value.type();
            BoundExpr result = ExpressionCompiler.cast(value, type, Casts.Context.IMPLICIT);
            bound = new SetReturningFunctions.Bound(List.of(), List.of(name), List.of(type),
                    (values, context) -> java.util.List.<Object[]>of(new Object[] {result.evaluate(null, context)}).iterator());
        }
        List<String> names = new ArrayList<>(bound.columnNames());
        if (names.size() == 1 && table.alias() != null && table.columnAliases().isEmpty()) {
            names.set(0, table.alias());
        }
        if (table.columnAliases().size() > names.size()) {
            throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + relation + "\" has " + names.size()
                    + " columns available but " + table.columnAliases().size() + " columns specified", table.position());
        }
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String columnName = i < table.columnAliases().size() ? table.columnAliases().get(i) : names.get(i);
            columns.add(new Scope.Column(relation, columnName, bound.columnTypes().get(i)));
        }
        return new FunctionScanNode(name, bound.arguments(), bound.rows(), new Scope(columns));
    }

    private PlanNode planJoin(FromItem.Join join) {
        return new JoinPlanner(this).plan(List.of(join), List.of());
    }

    /**
     * A FROM item of a rewritten block with the conditions pushed onto it (its access path is
     * chosen from them); a view whose query took some of them is planned from that query.
     */
    PlanNode planSource(io.weftdb.ir.plan.LogicalPlan.Source source) {
        if (source.viewBody() != null && source.item() instanceof FromItem.TableRef ref && viewOf(ref) instanceof ViewDef view) {
            PlanNode plan = keepingUnknownOutput(false).plan(source.viewBody());
            List<String> columns = ref.columnAliases().isEmpty() ? view.columnNames() : ref.columnAliases();
            return realias(plan, ref.alias() != null ? ref.alias() : ref.name().name(), columns, ref.position(), view);
        }
        return planFromItem(source.item(), source.filters());
    }

    /** The view {@code ref} names (not shadowed by a CTE or a system table), or null. */
    ViewDef viewOf(FromItem.TableRef ref) {
        if (ref.name().size() == 1 && ctes.find(ref.name().name()) != null
                || SystemTables.resolve(names, ref.name(), ref.position()) != null) {
            return null;
        }
        return names.relation(ref.name(), ref.position()) instanceof ViewDef view ? view : null;
    }

    private PlanNode planTable(FromItem.TableRef ref, List<Expr> conjuncts) {
        String alias = ref.alias() != null ? ref.alias() : ref.name().name();
        CommonTableExpressions.Definition cte = ref.name().size() == 1 ? ctes.find(ref.name().name()) : null;
        if (cte != null) {
            return planCteReference(cte, alias, ref);
        }
        SystemTable system = SystemTables.resolve(names, ref.name(), ref.position());
        if (system != null) {
            return SystemTableScanNode.of(system, alias, ref.columnAliases(), ref.position());
        }
        CatalogObject relation = names.relation(ref.name(), ref.position());
        return switch (relation) {
            case TableDef table -> {
                Scope scope = TableScope.of(table, alias);
                List<Expr> keyConjuncts = ref.columnAliases().isEmpty() ? conjuncts
                        : withColumnNames(conjuncts, alias, ref.columnAliases(), table);
                KeyRange range = AccessPathSelector.choose(table, scope, keyConjuncts, compiler(scope));
                PlanNode scan = new TableScanNode(table, alias, range, scope, columnsRead(table, alias));
                yield ref.columnAliases().isEmpty() ? scan : realias(scan, alias, ref.columnAliases(), ref.position());
            }
            case ViewDef view -> {
                PlanNode plan = keepingUnknownOutput(false).plan(view.query());
                List<String> columns = ref.columnAliases().isEmpty() ? view.columnNames() : ref.columnAliases();
                yield realias(plan, alias, columns, ref.position(), view);
            }
            default -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "reading \"" + ref.name()
                    + "\" as a table is not supported", ref.position());
        };
    }

    /**
     * The conjuncts with the table's column aliases ({@code FROM t AS r(p, q)}) turned back into its
     * column names, so the access path is chosen over the table's own columns.
     */
    private static List<Expr> withColumnNames(List<Expr> conjuncts, String alias, List<String> aliases, TableDef table) {
        List<Expr> renamed = new ArrayList<>(conjuncts.size());
        for (Expr conjunct : conjuncts) {
            renamed.add(ExprTrees.rewrite(conjunct, node -> {
                if (node instanceof Expr.ColumnRef ref && (ref.name().size() == 1 || alias.equals(ref.name().qualifier()))) {
                    int index = aliases.indexOf(ref.name().name());
                    if (index >= 0) {
                        List<String> parts = new ArrayList<>(ref.name().parts());
                        parts.set(parts.size() - 1, table.columns().get(index).name());
                        return new Expr.ColumnRef(new io.weftdb.ir.QualifiedName(parts), ref.position());
                    }
                }
                return null;
            }));
        }
        return renamed;
    }

    private PlanNode planCteReference(CommonTableExpressions.Definition cte, String alias, FromItem.TableRef ref) {
        return switch (cte) {
            case CommonTableExpressions.Inline inline -> {
                PlanNode plan = withCtes(inline.visible()).plan(inline.with().query());
                PlanNode named = realias(plan, inline.with().name(), inline.with().columnNames(), ref.position());
                yield realias(named, alias, ref.columnAliases(), ref.position());
            }
            case CommonTableExpressions.Planned planned -> realias(planned.plan(), alias, ref.columnAliases(), ref.position());
            case CommonTableExpressions.Working working -> realias(working.node(), alias, ref.columnAliases(), ref.position());
        };
    }

    /** Gives a subplan's columns a relation alias and optionally new names. */
    static PlanNode realias(PlanNode plan, String alias, List<String> columnAliases, int position) {
        return realias(plan, alias, columnAliases, position, null);
    }

    /**
     * {@link #realias}; for a {@code view}'s plan the columns come from the view itself, as
     * PostgreSQL's RowDescription names them (the view's oid and attnum), not from its tables.
     */
    private static PlanNode realias(PlanNode plan, String alias, List<String> columnAliases, int position, ViewDef view) {
        List<Scope.Column> columns = plan.output().columns();
        if (columnAliases.size() > columns.size()) {
            throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + alias + "\" has " + columns.size()
                    + " columns available but " + columnAliases.size() + " columns specified", position);
        }
        List<Scope.Column> renamed = new ArrayList<>();
        List<BoundExpr> passThrough = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = i < columnAliases.size() ? columnAliases.get(i) : columns.get(i).name();
            Scope.Column column = columns.get(i);
            renamed.add(view == null ? column.renamed(alias, name) : new Scope.Column(alias, name, column.type(), false,
                    new io.weftdb.engine.expr.ColumnOrigin(view.id(), view.name(), i + 1,
                            i < view.columnNames().size() ? view.columnNames().get(i) : name, false, false, false)));
            int index = i;
            passThrough.add(new BoundExpr((row, context) -> row[index], column.type(), false));
        }
        return new ProjectNode(plan, passThrough, new Scope(renamed));
    }

    private PlanNode planValues(Query.Values values) {
        List<List<BoundExpr>> rows = new ArrayList<>();
        ExpressionCompiler compiler = compiler(Scope.EMPTY);
        int width = values.rows().get(0).size();
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            types.add(DataType.UNKNOWN);
        }
        for (List<Expr> row : values.rows()) {
            if (row.size() != width) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length",
                        row.isEmpty() ? 0 : row.get(0).position());
            }
            List<BoundExpr> bound = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                BoundExpr expr = compiler.compile(row.get(i));
                types.set(i, TypeRules.commonType(types.get(i), expr.type(), "VALUES", row.get(i).position()));
                bound.add(expr);
            }
            rows.add(bound);
        }
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            DataType type = types.get(i).kind() == TypeKind.UNKNOWN && !keepsUnknownOutput ? DataType.TEXT : types.get(i);
            types.set(i, type);
            columns.add(new Scope.Column(null, "column" + (i + 1), type));
        }
        List<List<BoundExpr>> typed = new ArrayList<>();
        for (List<BoundExpr> row : rows) {
            List<BoundExpr> converted = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                converted.add(ExpressionCompiler.cast(row.get(i), types.get(i), Casts.Context.IMPLICIT));
            }
            typed.add(converted);
        }
        PlanNode plan = new ValuesNode(typed, new Scope(columns));
        if (values.orderBy().isEmpty() && values.limit() == null && values.offset() == null) {
            return plan;
        }
        List<Query.SelectItem> all = List.of(new Query.SelectItem(new Expr.Star(null, 0), null));
        return planOutput(plan, all, false, values.orderBy(), values.limit(), values.offset());
    }
}
