package io.weftdb.engine.dml;

import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.KeyedRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.AccessPathSelector;
import io.weftdb.engine.plan.KeyRange;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.engine.plan.TableScanNode;
import io.weftdb.engine.table.DefaultValues;
import io.weftdb.engine.table.TableScope;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.engine.table.TargetColumns;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE. Rows are read through the statement's snapshot (so a statement never
 * sees its own changes: no Halloween problem), each target row is locked, and under READ COMMITTED
 * a row changed by a concurrent commit is re-checked against WHERE on its latest version, as
 * PostgreSQL does.
 */
public final class DmlExecutor {
    private final ExecutionEnvironment environment;
    private final QueryPlanner planner;

    public DmlExecutor(ExecutionEnvironment environment, QueryPlanner planner) {
        this.environment = environment;
        this.planner = planner;
    }

    public DmlOutcome execute(DataChange statement) {
        return switch (statement) {
            case DataChange.Insert insert -> insert(insert);
            case DataChange.Update update -> update(update);
            case DataChange.Delete delete -> delete(delete);
        };
    }

    /**
     * Compiles a statement without running it: infers its parameter types into the planner's
     * {@link io.weftdb.engine.expr.ParameterTypes} and returns its RETURNING columns (empty without).
     */
    public static List<ResultColumn> describe(DataChange statement, QueryPlanner planner) {
        QualifiedName name = switch (statement) {
            case DataChange.Insert insert -> insert.table();
            case DataChange.Update update -> update.table();
            case DataChange.Delete delete -> delete.table();
        };
        if (!(planner.names().relation(name, 0) instanceof TableDef table)) {
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "cannot change relation \"" + name.name() + "\"");
        }
        String alias = switch (statement) {
            case DataChange.Insert insert -> insert.alias();
            case DataChange.Update update -> update.alias();
            case DataChange.Delete delete -> delete.alias();
        };
        alias = alias != null ? alias : table.name();
        Scope scope = TableScope.of(table, alias);
        ExpressionCompiler compiler = planner.compiler(scope);
        List<Query.SelectItem> returning = switch (statement) {
            case DataChange.Insert insert -> {
                int[] targets = TargetColumns.positions(table, insert.columns());
                if (insert.source() instanceof Query.Values values) {
                    for (List<Expr> row : values.rows()) {
                        for (int i = 0; i < row.size() && i < targets.length; i++) {
                            if (!(row.get(i) instanceof Expr.DefaultValue)) {
                                ColumnDef column = table.columns().get(targets[i]);
                                compiler.withScope(Scope.EMPTY).compileAssigned(row.get(i), column.type(), column.name());
                            }
                        }
                    }
                } else if (insert.source() != null) {
                    planner.plan(insert.source());
                }
                yield insert.returning();
            }
            case DataChange.Update update -> {
                ExpressionCompiler joined = update.from().isEmpty() ? compiler
                        : planner.compiler(scope.concat(planner.planFromClause(update.from(), List.of(), null).output()));
                for (DataChange.Assignment assignment : update.assignments()) {
                    int position = table.columnIndex(assignment.column());
                    if (position >= 0 && !(assignment.value() instanceof Expr.DefaultValue)) {
                        ColumnDef column = table.columns().get(position);
                        joined.compileAssigned(assignment.value(), column.type(), column.name());
                    }
                }
                if (update.where() != null) {
                    joined.compileCondition(update.where(), "WHERE");
                }
                yield update.returning();
            }
            case DataChange.Delete delete -> {
                ExpressionCompiler joined = delete.using().isEmpty() ? compiler
                        : planner.compiler(scope.concat(planner.planFromClause(delete.using(), List.of(), null).output()));
                if (delete.where() != null) {
                    joined.compileCondition(delete.where(), "WHERE");
                }
                yield delete.returning();
            }
        };
        Returning compiled = Returning.of(returning, table, alias, compiler);
        return compiled == null ? List.of() : compiled.columns();
    }

    private TableDef targetTable(QualifiedName name) {
        CatalogObject relation = planner.names().relation(name, 0);
        if (!(relation instanceof TableDef table)) {
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "cannot change relation \"" + name.name() + "\"", 0,
                    "Only tables can be changed; views are read-only here.", null, null);
        }
        environment.lock(LockKey.table(table.id()), LockManager.Mode.SHARED);
        return environment.catalog().table(table.id());
    }

    private DmlOutcome insert(DataChange.Insert insert) {
        requireNoWith(insert.with());
        TableDef table = targetTable(insert.table());
        String alias = insert.alias() != null ? insert.alias() : table.name();
        int[] targets = TargetColumns.positions(table, insert.columns());
        ExpressionCompiler compiler = planner.compiler(Scope.EMPTY);
        List<BoundExpr> defaults = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            defaults.add(DefaultValues.compile(column));
        }
        Returning returning = Returning.of(insert.returning(), table, alias, compiler);
        TableWriter writer = new TableWriter(environment, table);
        OnConflict onConflict = insert.onConflict() == null ? null : OnConflict.of(insert.onConflict(), table, alias, planner);
        long count = 0;
        List<Object[]> returned = new ArrayList<>();
        RowProducer producer = rowProducer(insert.source(), table, targets, defaults, compiler);
        try (producer) {
            Object[] row;
            while ((row = producer.next()) != null) {
                environment.checkCancelled();
                Object[] written = row;
                if (onConflict == null) {
                    writer.insert(row);
                } else {
                    written = onConflict.insert(row, writer, environment);
                    if (written == null) {
                        continue;
                    }
                }
                count++;
                if (returning != null) {
                    returned.add(returning.project(written, environment));
                }
            }
        }
        return new DmlOutcome("INSERT 0 " + count, count, returning == null ? List.of() : returning.columns(), returned,
                onConflict == null ? 0 : onConflict.updated());
    }

    /** Produces complete table rows for INSERT from VALUES (with DEFAULT), a query, or DEFAULT VALUES. */
    private interface RowProducer extends AutoCloseable {
        Object[] next();

        @Override
        void close();
    }

    private RowProducer rowProducer(Query source, TableDef table, int[] targets, List<BoundExpr> defaults,
                                    ExpressionCompiler compiler) {
        List<ColumnDef> columns = table.columns();
        if (source == null) {
            return singleRow(() -> completeRow(new Object[0], new int[0], defaults, table));
        }
        if (source instanceof Query.Values values && values.orderBy().isEmpty() && values.limit() == null
                && values.offset() == null) {
            List<List<BoundExpr>> rows = new ArrayList<>();
            for (List<Expr> row : values.rows()) {
                if (row.size() > targets.length) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns",
                            row.get(targets.length).position());
                }
                if (row.size() < targets.length) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions");
                }
                List<BoundExpr> bound = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    ColumnDef column = columns.get(targets[i]);
                    Expr value = row.get(i);
                    if (value instanceof Expr.DefaultValue) {
                        bound.add(defaults.get(targets[i]));
                    } else {
                        rejectGeneratedAlways(column);
                        bound.add(compiler.compileAssigned(value, column.type(), column.name()));
                    }
                }
                rows.add(bound);
            }
            return new RowProducer() {
                private int index;

                @Override
                public Object[] next() {
                    if (index >= rows.size()) {
                        return null;
                    }
                    List<BoundExpr> row = rows.get(index++);
                    Object[] values = new Object[row.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.get(i).evaluate(null, environment.context());
                    }
                    return completeRow(values, targets, defaults, table);
                }

                @Override
                public void close() {
                }
            };
        }
        PlanNode plan = planner.plan(source);
        List<Scope.Column> produced = plan.output().columns();
        if (produced.size() > targets.length) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (produced.size() < targets.length) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
        List<BoundExpr> conversions = new ArrayList<>();
        for (int i = 0; i < produced.size(); i++) {
            ColumnDef column = columns.get(targets[i]);
            rejectGeneratedAlways(column);
            int index = i;
            BoundExpr input = new BoundExpr((row, context) -> row[index], produced.get(i).type(), false);
            conversions.add(compiler.coerceForAssignment(input, column.type(), column.name(), 0));
        }
        RowSource rows = plan.open(environment);
        return new RowProducer() {
            @Override
            public Object[] next() {
                if (!rows.next()) {
                    return null;
                }
                Object[] in = rows.row();
                Object[] values = new Object[conversions.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = conversions.get(i).evaluate(in, environment.context());
                }
                return completeRow(values, targets, defaults, table);
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    private static RowProducer singleRow(java.util.function.Supplier<Object[]> row) {
        return new RowProducer() {
            private boolean done;

            @Override
            public Object[] next() {
                if (done) {
                    return null;
                }
                done = true;
                return row.get();
            }

            @Override
            public void close() {
            }
        };
    }

    private static void rejectGeneratedAlways(ColumnDef column) {
        if (column.identity() == ColumnDefinition.Identity.ALWAYS) {
            throw new SqlException(ErrorCode.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \""
                    + column.name() + "\"", 0, "Column \"" + column.name() + "\" is an identity column defined as GENERATED ALWAYS.",
                    "Use OVERRIDING SYSTEM VALUE to override.", null);
        }
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] both = new Object[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Places the given values at their target positions and fills the other columns with their defaults. */
    private Object[] completeRow(Object[] values, int[] targets, List<BoundExpr> defaults, TableDef table) {
        Object[] row = new Object[table.columns().size()];
        boolean[] given = new boolean[row.length];
        for (int i = 0; i < targets.length && i < values.length; i++) {
            row[targets[i]] = values[i];
            given[targets[i]] = true;
        }
        for (int i = 0; i < row.length; i++) {
            if (!given[i]) {
                row[i] = defaults.get(i).evaluate(null, environment.context());
            }
        }
        return row;
    }

    private DmlOutcome update(DataChange.Update update) {
        requireNoWith(update.with());
        TableDef table = targetTable(update.table());
        String alias = update.alias() != null ? update.alias() : table.name();
        Scope scope = TableScope.of(table, alias);
        RowMatcher matcher = matcher(scope, update.from(), update.where());
        Scope joinedScope = update.from().isEmpty() ? scope
                : scope.concat(planner.planFromClause(update.from(), List.of(), null).output());
        ExpressionCompiler compiler = planner.compiler(joinedScope);
        int[] positions = new int[update.assignments().size()];
        List<BoundExpr> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            DataChange.Assignment assignment = update.assignments().get(i);
            if (!seen.add(assignment.column())) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \"" + assignment.column() + "\"");
            }
            positions[i] = table.columnIndex(assignment.column());
            if (positions[i] < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + assignment.column() + "\" of relation \""
                        + table.name() + "\" does not exist", assignment.value().position());
            }
            ColumnDef column = table.columns().get(positions[i]);
            if (assignment.value() instanceof Expr.DefaultValue) {
                values.add(DefaultValues.compile(column));
            } else {
                if (column.identity() == ColumnDefinition.Identity.ALWAYS) {
                    throw new SqlException(ErrorCode.GENERATED_ALWAYS, "column \"" + column.name()
                            + "\" can only be updated to DEFAULT", 0, "Column \"" + column.name()
                            + "\" is an identity column defined as GENERATED ALWAYS.", null, null);
                }
                values.add(compiler.compileAssigned(assignment.value(), column.type(), column.name()));
            }
        }
        Returning returning = Returning.of(update.returning(), table, alias, planner.compiler(scope));
        TableWriter writer = new TableWriter(environment, table);
        OnUpdateColumns onUpdate = OnUpdateColumns.of(table, positions);
        List<Object[]> returned = new ArrayList<>();
        long count = forEachTargetRow(table, alias, scope, update.where(), !update.from().isEmpty(), matcher, writer,
                RowLimit.of(update.orderBy(), update.limit(), planner.compiler(scope), environment), (key, row, joined) -> {
            Object[] both = joined.length == 0 ? row : concat(row, joined);
            Object[] updated = row.clone();
            for (int i = 0; i < positions.length; i++) {
                updated[positions[i]] = values.get(i).evaluate(both, environment.context());
            }
            onUpdate.apply(row, updated, environment.context());
            writer.update(key, row, updated);
            if (returning != null) {
                returned.add(returning.project(updated, environment));
            }
        });
        return new DmlOutcome("UPDATE " + count, count, returning == null ? List.of() : returning.columns(), returned);
    }

    private DmlOutcome delete(DataChange.Delete delete) {
        requireNoWith(delete.with());
        TableDef table = targetTable(delete.table());
        String alias = delete.alias() != null ? delete.alias() : table.name();
        Scope scope = TableScope.of(table, alias);
        RowMatcher matcher = matcher(scope, delete.using(), delete.where());
        Returning returning = Returning.of(delete.returning(), table, alias, planner.compiler(scope));
        TableWriter writer = new TableWriter(environment, table);
        List<Object[]> returned = new ArrayList<>();
        long count = forEachTargetRow(table, alias, scope, delete.where(), !delete.using().isEmpty(), matcher, writer,
                RowLimit.of(delete.orderBy(), delete.limit(), planner.compiler(scope), environment), (key, row, joined) -> {
            writer.delete(key, row);
            if (returning != null) {
                returned.add(returning.project(row, environment));
            }
        });
        return new DmlOutcome("DELETE " + count, count, returning == null ? List.of() : returning.columns(), returned);
    }

    private interface RowAction {
        void apply(byte[] key, Object[] row, Object[] joined);
    }

    /** Whether a target row qualifies: the row it joins (empty without FROM/USING), or null when it does not. */
    private interface RowMatcher {
        Object[] match(Object[] row);
    }

    private static final Object[] NO_JOIN = new Object[0];

    /**
     * The target rows of UPDATE/DELETE: without FROM/USING, those WHERE accepts; with it, those for
     * which the FROM/USING items hold a row satisfying WHERE, found by running their plan with the
     * target row as the outer row (the first such row is the one joined, as in PostgreSQL, which
     * leaves the choice unspecified when several match).
     */
    private RowMatcher matcher(Scope scope, List<FromItem> from, Expr where) {
        if (from.isEmpty()) {
            BoundExpr condition = where == null ? null : planner.compiler(scope).compileCondition(where, "WHERE");
            return row -> condition == null || Boolean.TRUE.equals(condition.evaluate(row, environment.context()))
                    ? NO_JOIN : null;
        }
        PlanNode joined = joinedItems(scope, from, where);
        return row -> {
            try (RowSource rows = joined.run(environment.withOuterRow(row))) {
                return rows.next() ? rows.row().clone() : null;
            }
        };
    }

    /** The FROM/USING items filtered by WHERE, planned as a subquery correlated to the target row. */
    private PlanNode joinedItems(Scope scope, List<FromItem> from, Expr where) {
        PlanNode items = planner.planFromClause(from, List.of(), null);
        for (Scope.Column column : items.output().columns()) {
            if (column.relation() != null && scope.columns().stream().anyMatch(c -> column.relation().equals(c.relation()))) {
                throw new SqlException(ErrorCode.DUPLICATE_ALIAS, "table name \"" + column.relation()
                        + "\" specified more than once");
            }
        }
        if (where != null) {
            ExprTrees.find(where, node -> {
                if (node instanceof Expr.ColumnRef ref && ref.name().qualifier() == null
                        && scope.find(ref.name(), ref.position()) >= 0 && items.output().find(ref.name(), ref.position()) >= 0) {
                    throw new SqlException(ErrorCode.AMBIGUOUS_COLUMN, "column reference \"" + ref.name().name()
                            + "\" is ambiguous", ref.position());
                }
                return false;
            });
        }
        return planner.planFromClause(from, where == null ? List.of() : QueryPlanner.conjuncts(where), scope);
    }

    /**
     * Finds the target rows (through the best index when there is no FROM/USING), locks each, and
     * hands the version to change to {@code action}; returns how many rows it acted on.
     */
    private long forEachTargetRow(TableDef table, String alias, Scope scope, Expr where, boolean joins, RowMatcher matcher,
                                  TableWriter writer, RowLimit limit, RowAction action) {
        ExpressionCompiler compiler = planner.compiler(scope);
        KeyRange range = where == null || joins ? KeyRange.full(table.primaryIndex())
                : AccessPathSelector.choose(table, scope, QueryPlanner.conjuncts(where), compiler);
        long count = 0;
        try (KeyedRowSource rows = new TableScanNode(table, alias, range, scope).open(environment)) {
            if (limit.ordered()) {
                // ORDER BY ... LIMIT: the matching rows in that order, then acted on until enough were.
                List<Candidate> candidates = new ArrayList<>();
                while (rows.next()) {
                    Object[] joined = matcher.match(rows.row());
                    if (joined != null) {
                        Object[] row = rows.row().clone();
                        candidates.add(new Candidate(rows.key().clone(), rows.storedValue(), row, joined, limit.sortValues(row, environment.context())));
                    }
                }
                candidates.sort((a, b) -> limit.order().compare(a.sortValues(), b.sortValues()));
                for (Candidate candidate : candidates) {
                    if (count >= limit.rows()) {
                        break;
                    }
                    count += act(candidate.key(), candidate.seenValue(), candidate.row(), candidate.joined(), matcher, writer,
                            action);
                }
                return count;
            }
            while (count < limit.rows() && rows.next()) {
                Object[] joined = matcher.match(rows.row());
                if (joined != null) {
                    count += act(rows.key().clone(), rows.storedValue(), rows.row(), joined, matcher, writer, action);
                }
            }
        }
        return count;
    }

    /** A target row read in the snapshot, kept to be acted on in ORDER BY order. */
    private record Candidate(byte[] key, byte[] seenValue, Object[] row, Object[] joined, Object[] sortValues) {}

    /**
     * Locks a matching row and acts on the version to change; a row changed meanwhile is matched
     * again. Returns 1 when it was acted on, 0 when it was gone or no longer matched.
     */
    private long act(byte[] key, byte[] seenValue, Object[] row, Object[] joined, RowMatcher matcher, TableWriter writer,
                     RowAction action) {
        byte[] current = writer.lockRowForWrite(key, seenValue);
        if (current == null) {
            return 0;
        }
        if (!Arrays.equals(current, seenValue)) {
            row = writer.codec().decodeRow(current);
            joined = matcher.match(row);
            if (joined == null) {
                return 0;
            }
        }
        action.apply(key, row, joined);
        return 1;
    }

    private static void requireNoWith(List<Query.With> with) {
        if (!with.isEmpty()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "WITH in data-changing statements is not supported yet");
        }
    }

    /** A compiled RETURNING list. */
    private record Returning(List<BoundExpr> expressions, List<ResultColumn> columns) {
        static Returning of(List<Query.SelectItem> items, TableDef table, String alias, ExpressionCompiler compiler) {
            if (items.isEmpty()) {
                return null;
            }
            ExpressionCompiler tableCompiler = compiler.withScope(TableScope.of(table, alias));
            List<BoundExpr> expressions = new ArrayList<>();
            List<ResultColumn> columns = new ArrayList<>();
            for (Query.SelectItem item : items) {
                if (item.expression() instanceof Expr.Star) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        int index = i;
                        ColumnDef column = table.columns().get(i);
                        expressions.add(new BoundExpr((row, context) -> row[index], column.type(), false));
                        columns.add(new ResultColumn(column.name(), column.type()));
                    }
                    continue;
                }
                BoundExpr bound = tableCompiler.compile(item.expression());
                DataType type = bound.type().kind() == TypeKind.UNKNOWN ? DataType.TEXT : bound.type();
                expressions.add(ExpressionCompiler.cast(bound, type, Casts.Context.IMPLICIT));
                columns.add(new ResultColumn(item.alias() != null ? item.alias()
                        : QueryPlanner.outputName(item.expression()), type));
            }
            return new Returning(expressions, columns);
        }

        Object[] project(Object[] row, ExecutionEnvironment environment) {
            Object[] out = new Object[expressions.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = expressions.get(i).evaluate(row, environment.context());
            }
            return out;
        }
    }
}
