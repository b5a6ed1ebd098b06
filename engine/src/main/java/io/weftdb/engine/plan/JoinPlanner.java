package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.plan.ConstantFolding;
import io.weftdb.ir.plan.LogicalPlan;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Plans a FROM list with its WHERE clause. Inner joins are flattened into one list of relations
 * and their ON conditions join the WHERE conjuncts. Each conjunct goes where it first can run: one
 * that reads a single relation filters that relation (and may pick its index), one that reads
 * several becomes a join condition as soon as they are all joined. Relations are joined greedily,
 * starting from one with a filter on a constant and always preferring a relation an equality
 * connects to those already joined: equalities become hash-join keys, so a chain of N tables costs
 * N hash joins, not a nested loop of N levels. Conjuncts holding subqueries, or reading only outer
 * queries, filter the joined result. The output keeps the FROM clause's column order.
 */
final class JoinPlanner {
    private final QueryPlanner planner;
    /** SELECT ... FOR UPDATE/SHARE: the tables of the FROM list lock the rows they produce. */
    private final Query.LockMode locking;
    private final Query.LockWait lockWait;

    JoinPlanner(QueryPlanner planner) {
        this(planner, Query.LockMode.NONE, Query.LockWait.WAIT);
    }

    JoinPlanner(QueryPlanner planner, Query.LockMode locking, Query.LockWait lockWait) {
        this.planner = planner;
        this.locking = locking;
        this.lockWait = lockWait;
    }

    /** An input of an inner join (a FROM item with the conditions pushed onto it, or an outer join) and its columns. */
    private record Unit(LogicalPlan input, Scope scope) {
        /** The conditions that read only this input, when it is a FROM item. */
        List<Expr> filters() {
            return input instanceof LogicalPlan.Source source ? source.filters() : List.of();
        }
    }

    /** A conjunct reading several relations, and which ones. */
    private record JoinConjunct(Expr expr, BitSet units) {}

    /**
     * A FROM list with WHERE conjuncts: built into a {@link LogicalPlan}, rewritten by
     * {@link PredicatePushdown}, then planned.
     */
    PlanNode plan(List<FromItem> from, List<Expr> whereConjuncts) {
        SourceScopes scopes = new SourceScopes(planner);
        LogicalPlan logical = new PredicatePushdown(planner, scopes).apply(PredicatePushdown.of(from, whereConjuncts));
        return physical(logical, scopes, true);
    }

    /** The columns an outer join gives (USING columns merged): planned on its own, as the FROM item would be. */
    Scope scopeOf(LogicalPlan.OuterJoin join) {
        SourceScopes scopes = new SourceScopes(planner);
        return physical(new PredicatePushdown(planner, scopes).apply(join), scopes, false).output();
    }

    /** The physical plan of a rewritten block; {@code whole}: nothing filters after it (FOR UPDATE marks rows then). */
    private PlanNode physical(LogicalPlan plan, SourceScopes scopes, boolean whole) {
        return switch (plan) {
            case LogicalPlan.Source source -> unitPlan(new Unit(source, scopes.of(source, null)), whole);
            case LogicalPlan.Filter filter -> filter(physical(filter.input(), scopes, false), filter.conditions(), "WHERE");
            case LogicalPlan.InnerJoin join -> innerJoin(join, scopes, whole);
            case LogicalPlan.OuterJoin join -> planExplicit(join, scopes);
        };
    }

    private PlanNode innerJoin(LogicalPlan.InnerJoin join, SourceScopes scopes, boolean whole) {
        List<Unit> units = new ArrayList<>();
        List<PlanNode> planned = new ArrayList<>();
        BitSet lateral = new BitSet();
        Scope left = Scope.EMPTY;
        for (LogicalPlan input : join.inputs()) {
            PlanNode plan = null;
            Scope scope;
            if (input instanceof LogicalPlan.Source source) {
                boolean readsLeft = !units.isEmpty() && readsEarlierItems(source.item(), left);
                if (readsLeft) {
                    lateral.set(units.size());
                }
                scope = scopes.of(source, readsLeft ? left : null);
            } else {
                plan = physical(input, scopes, false);
                scope = plan.output();
            }
            units.add(new Unit(input, scope));
            planned.add(plan);
            left = left.concat(scope);
        }
        List<JoinConjunct> joinConjuncts = new ArrayList<>();
        List<Expr> lastFilters = new ArrayList<>();
        List<Scope> unitScopes = units.stream().map(Unit::scope).toList();
        for (Expr conjunct : join.conditions()) {
            BitSet owners = hasSubquery(conjunct) ? null : PredicatePushdown.owners(conjunct, unitScopes);
            if (owners == null || owners.cardinality() < 2) {
                lastFilters.add(conjunct);
            } else {
                joinConjuncts.add(new JoinConjunct(conjunct, owners));
            }
        }
        if (!lateral.isEmpty()) {
            return filter(joinInOrder(units, planned, lateral, joinConjuncts), lastFilters, "WHERE");
        }
        List<PlanNode> plans = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            plans.add(planned.get(i) != null ? planned.get(i)
                    : unitPlan(units.get(i), whole && units.size() == 1 && lastFilters.isEmpty()));
        }
        PlanNode joined = plans.size() == 1 ? plans.getFirst() : joinAll(units, plans, joinConjuncts);
        return filter(joined, lastFilters, "WHERE");
    }

    /**
     * Whether {@code item} reads the items to its left: a LATERAL derived table, or a function in
     * FROM whose arguments name one of their columns (functions are implicitly LATERAL in PostgreSQL).
     */
    static boolean readsEarlierItems(FromItem item, Scope left) {
        return switch (item) {
            case FromItem.DerivedTable derived -> derived.lateral();
            case FromItem.FunctionTable function -> function.lateral() || function.call().arguments().stream()
                    .anyMatch(argument -> ExprTrees.find(argument, node -> node instanceof Expr.ColumnRef ref
                            && left.find(ref.name(), ref.position()) >= 0) != null);
            default -> false;
        };
    }

    /**
     * With LATERAL items the FROM list joins in its written order: each lateral item runs for every
     * row of the items before it; the others join as usual (hash joins on equalities).
     */
    private PlanNode joinInOrder(List<Unit> units, List<PlanNode> planned, BitSet lateral, List<JoinConjunct> joinConjuncts) {
        PlanNode plan = null;
        BitSet joined = new BitSet();
        List<JoinConjunct> pending = new ArrayList<>(joinConjuncts);
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            BitSet after = (BitSet) joined.clone();
            after.set(i);
            List<Expr> applicable = new ArrayList<>();
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                JoinConjunct conjunct = iterator.next();
                BitSet outside = (BitSet) conjunct.units().clone();
                outside.andNot(after);
                if (outside.isEmpty()) {
                    applicable.add(conjunct.expr());
                    iterator.remove();
                }
            }
            if (lateral.get(i)) {
                LogicalPlan.Source source = (LogicalPlan.Source) unit.input();
                PlanNode right = filter(planner.planLateral(source.item(), plan.output()), unit.filters(), "WHERE");
                Scope scope = QueryPlanner.join(plan.output(), right.output());
                plan = new LateralJoinNode(plan, right, applicable.isEmpty() ? null : compileAll(scope, applicable),
                        FromItem.JoinType.INNER, scope);
            } else {
                PlanNode right = planned.get(i) != null ? planned.get(i) : unitPlan(unit, false);
                if (plan == null) {
                    plan = filter(right, applicable, "WHERE");
                } else {
                    Joined step = join(plan, right, joined, i, units, applicable);
                    // Written order matters here (later lateral items read columns by position): undo a swap.
                    plan = step.rightFirst() ? swapBack(step.plan(), right.output().columns().size(), plan.output()
                            .concat(right.output())) : step.plan();
                }
            }
            joined.set(i);
        }
        return plan;
    }

    /**
     * A FROM item with the conditions that read only it: filtered, or for a table under FOR
     * UPDATE/SHARE, locking the rows that pass them. With {@code alone} (the only relation, nothing
     * filtering after it) the rows are only marked, and locked after ORDER BY
     * ({@link LockMarkedRowsNode}); otherwise they are locked as the scan finds them.
     */
    private PlanNode unitPlan(Unit unit, boolean alone) {
        LogicalPlan.Source source = (LogicalPlan.Source) unit.input();
        PlanNode plan = planner.planSource(source);
        if (locking == Query.LockMode.NONE || !(plan instanceof TableScanNode scan)) {
            return filter(plan, unit.filters(), "WHERE");
        }
        // Every column decoded: a changed row is compared with what the snapshot held.
        TableScanNode full = new TableScanNode(scan.table(), scan.alias(), scan.range(), scan.output());
        List<Expr> filters = unit.filters();
        LockManager.Mode mode = locking == Query.LockMode.FOR_UPDATE || locking == Query.LockMode.FOR_NO_KEY_UPDATE
                ? LockManager.Mode.EXCLUSIVE : LockManager.Mode.SHARED;
        BoundExpr condition = filters.isEmpty() ? null : compileAll(full.output(), filters);
        PlanNode lock = alone ? new MarkRowsNode(full, condition, "(WHERE clause)", mode, lockWait)
                : new LockRowsNode(full, condition, "(WHERE clause)", mode, lockWait);
        planner.estimates().noteRows(lock, planner.estimates().filtered(full)
                * planner.selectivity().of(filters, full.output()));
        return lock;
    }

    private PlanNode joinAll(List<Unit> units, List<PlanNode> plans, List<JoinConjunct> joinConjuncts) {
        int count = units.size();
        BitSet joined = new BitSet(count);
        List<Integer> order = new ArrayList<>();
        int first = startingUnit(plans);
        PlanNode plan = plans.get(first);
        joined.set(first);
        order.add(first);
        List<JoinConjunct> pending = new ArrayList<>(joinConjuncts);
        while (order.size() < count) {
            int next = nextUnit(plan, plans, joined, pending, count);
            BitSet after = (BitSet) joined.clone();
            after.set(next);
            List<Expr> applicable = new ArrayList<>();
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                JoinConjunct conjunct = iterator.next();
                BitSet outside = (BitSet) conjunct.units().clone();
                outside.andNot(after);
                if (outside.isEmpty()) {
                    applicable.add(conjunct.expr());
                    iterator.remove();
                }
            }
            Joined step = join(plan, plans.get(next), joined, next, units, applicable);
            plan = step.plan();
            joined.set(next);
            if (step.rightFirst()) {
                order.add(0, next);
            } else {
                order.add(next);
            }
        }
        return inFromOrder(plan, order, plans);
    }

    /**
     * Where a join chain starts: the relation expected to give the fewest rows after its filters (a
     * key lookup gives one), the first in FROM order among equals. Each join then builds its hash
     * table on whichever side is expected to be smaller.
     */
    private int startingUnit(List<PlanNode> plans) {
        int best = 0;
        for (int i = 1; i < plans.size(); i++) {
            if (planner.estimates().estimate(plans.get(i)) < planner.estimates().estimate(plans.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The relation to join next: of those a pending conjunct connects to the joined ones, the one
     * whose join is expected to give the fewest rows (the first in FROM order among equals); else
     * the first unjoined (a cross join).
     */
    private int nextUnit(PlanNode plan, List<PlanNode> plans, BitSet joined, List<JoinConjunct> pending, int count) {
        int best = -1;
        double bestRows = Double.MAX_VALUE;
        for (int candidate = joined.nextClearBit(0); candidate < count; candidate = joined.nextClearBit(candidate + 1)) {
            BitSet after = (BitSet) joined.clone();
            after.set(candidate);
            List<Expr> connecting = new ArrayList<>();
            for (JoinConjunct conjunct : pending) {
                BitSet units = conjunct.units();
                BitSet outside = (BitSet) units.clone();
                outside.andNot(after);
                if (units.get(candidate) && units.intersects(joined) && outside.isEmpty()) {
                    connecting.add(conjunct.expr());
                }
            }
            if (connecting.isEmpty()) {
                continue;
            }
            double rows = joinedRows(plan, plans.get(candidate), connecting);
            if (rows < bestRows) {
                best = candidate;
                bestRows = rows;
            }
        }
        return best >= 0 ? best : joined.nextClearBit(0);
    }

    /** A join of the relations so far with one more; {@code rightFirst} when the new one's columns come first. */
    private record Joined(PlanNode plan, boolean rightFirst) {}

    /** Joins {@code right} (relation {@code rightUnit}) to {@code left} (the relations in {@code leftUnits}). */
    private Joined join(PlanNode left, PlanNode right, BitSet leftUnits, int rightUnit, List<Unit> units,
                        List<Expr> conditions) {
        Scope scope = QueryPlanner.join(left.output(), right.output());
        List<BoundExpr> leftKeys = new ArrayList<>();
        List<BoundExpr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr condition : conditions) {
            if (!addKeys(condition, left, right, leftUnits, rightUnit, units.stream().map(Unit::scope).toList(), leftKeys,
                    rightKeys)) {
                residual.add(condition);
            }
        }
        if (leftKeys.isEmpty()) {
            BoundExpr rest = residual.isEmpty() ? null : compileAll(scope, residual);
            return new Joined(new NestedLoopJoinNode(left, right, rest, FromItem.JoinType.INNER, scope), false);
        }
        double rows = joinedRows(left, right, conditions);
        PlanNode lookup = indexLookupJoin(left, right, units.get(rightUnit), conditions, scope);
        if (lookup != null) {
            planner.estimates().noteRows(lookup, rows);
            return new Joined(lookup, false);
        }
        PlanNode merge = mergeJoin(left, right, conditions, scope);
        if (merge != null) {
            planner.estimates().noteRows(merge, rows);
            return new Joined(merge, false);
        }
        PlanNode join;
        boolean rightFirst = buildOnLeft(left, right);
        if (rightFirst) {
            // The hash table is built on the smaller side; its columns then come first.
            Scope swapped = right.output().concat(left.output());
            BoundExpr rest = residual.isEmpty() ? null : compileAll(swapped, residual);
            join = new HashJoinNode(right, left, rightKeys, leftKeys, rest, FromItem.JoinType.INNER, swapped);
        } else {
            BoundExpr rest = residual.isEmpty() ? null : compileAll(scope, residual);
            join = new HashJoinNode(left, right, leftKeys, rightKeys, rest, FromItem.JoinType.INNER, scope);
        }
        planner.estimates().noteRows(join, rows);
        return new Joined(join, rightFirst);
    }

    /**
     * The rows a join of {@code left} and {@code right} under {@code conditions} is expected to
     * produce: |L|·|R| divided, for each equality between a column of each side, by the larger of the
     * two columns' distinct counts (PostgreSQL's eqjoinsel without common values; a column without
     * statistics counts PostgreSQL's default 200, both clamped to their side's rows); other
     * conditions keep a third each. With equalities but none on a known column, the larger input's
     * row count (a key join of one side into the other).
     */
    private double joinedRows(PlanNode left, PlanNode right, List<Expr> conditions) {
        RowEstimates estimates = planner.estimates();
        double leftRows = estimates.estimate(left);
        double rightRows = estimates.estimate(right);
        Selectivity selectivity = planner.selectivity();
        double fraction = 1;
        boolean equalities = false;
        boolean known = false;
        for (Expr condition : conditions) {
            if (!(condition instanceof Expr.Binary binary) || binary.operator() != BinaryOperator.EQUAL) {
                fraction *= Selectivity.DEFAULT;
                continue;
            }
            equalities = true;
            double leftDistinct = selectivity.distinct(binary.left(), left.output(), leftRows);
            double rightDistinct = selectivity.distinct(binary.right(), right.output(), rightRows);
            if (leftDistinct < 0 && rightDistinct < 0) {
                leftDistinct = selectivity.distinct(binary.right(), left.output(), leftRows);
                rightDistinct = selectivity.distinct(binary.left(), right.output(), rightRows);
            }
            if (leftDistinct > 0 || rightDistinct > 0) {
                known = true;
                fraction /= Math.max(orDefault(leftDistinct, leftRows), orDefault(rightDistinct, rightRows));
            }
        }
        if (equalities && !known) {
            return Math.max(leftRows, rightRows) * fraction;
        }
        return leftRows * rightRows * fraction;
    }

    /** PostgreSQL's distinct count for a column it knows nothing about (DEFAULT_NUM_DISTINCT), at most the rows. */
    private static double orDefault(double distinct, double rows) {
        return distinct > 0 ? distinct : Math.max(1, Math.min(200, rows));
    }

    /** Below this many rows on either side a hash join is as cheap and a merge join is not tried. */
    private static final int MERGE_MINIMUM_ROWS = 1000;

    /**
     * A merge join, when both sides are tables read in the order of an index (ascending) whose
     * leading columns are the join's equality columns, in the same order on both sides, of types
     * whose SQL order is their key order, and both sides are big enough for avoiding a hash table
     * to matter; null otherwise. Other conditions become the residual.
     */
    private PlanNode mergeJoin(PlanNode left, PlanNode right, List<Expr> conditions, Scope scope) {
        TableScanNode leftScan = orderedScan(left);
        TableScanNode rightScan = orderedScan(right);
        if (leftScan == null || rightScan == null || planner.estimates().estimate(left) < MERGE_MINIMUM_ROWS
                || planner.estimates().estimate(right) < MERGE_MINIMUM_ROWS) {
            return null;
        }
        int[] leftOrder = leftScan.table().keyPositions(leftScan.range().index());
        int[] rightOrder = rightScan.table().keyPositions(rightScan.range().index());
        int[] leftKeys = new int[conditions.size()];
        int[] rightKeys = new int[conditions.size()];
        int keys = 0;
        List<Expr> residual = new ArrayList<>();
        for (Expr condition : conditions) {
            int[] pair = columnPair(condition, left.output(), right.output());
            if (pair == null) {
                residual.add(condition);
            } else {
                leftKeys[keys] = pair[0];
                rightKeys[keys] = pair[1];
                keys++;
            }
        }
        if (keys == 0 || keys > leftOrder.length || keys > rightOrder.length) {
            return null;
        }
        // The equalities must be the indexes' leading columns, pairwise in index order.
        int[] orderedLeft = new int[keys];
        int[] orderedRight = new int[keys];
        for (int i = 0; i < keys; i++) {
            int found = -1;
            for (int k = 0; k < keys; k++) {
                if (leftKeys[k] == leftOrder[i]) {
                    found = k;
                }
            }
            if (found < 0 || rightKeys[found] != rightOrder[i] || leftScan.range().index().descending().get(i)
                    || rightScan.range().index().descending().get(i)
                    || !mergeable(left.output().columns().get(leftKeys[found]).type().kind(),
                            right.output().columns().get(rightKeys[found]).type().kind())) {
                return null;
            }
            orderedLeft[i] = leftKeys[found];
            orderedRight[i] = rightKeys[found];
        }
        return new MergeJoinNode(left, right, orderedLeft, orderedRight,
                residual.isEmpty() ? null : compileAll(scope, residual), scope);
    }

    /** A table scan (possibly filtered) whose rows come in its index's order; null for anything else. */
    private static TableScanNode orderedScan(PlanNode plan) {
        PlanNode node = plan instanceof FilterNode filter ? filter.input() : plan;
        return node instanceof TableScanNode scan && !scan.table().hiddenRowId() ? scan : null;
    }

    /** {@code a = b} with a column of each side: their positions [left, right]; null otherwise. */
    private static int[] columnPair(Expr condition, Scope left, Scope right) {
        if (!(condition instanceof Expr.Binary binary) || binary.operator() != BinaryOperator.EQUAL
                || !(binary.left() instanceof Expr.ColumnRef a) || !(binary.right() instanceof Expr.ColumnRef b)) {
            return null;
        }
        try {
            int leftA = left.find(a.name(), a.position());
            int rightB = right.find(b.name(), b.position());
            if (leftA >= 0 && rightB >= 0 && left.find(b.name(), b.position()) < 0 && right.find(a.name(), a.position()) < 0) {
                return new int[] {leftA, rightB};
            }
            int leftB = left.find(b.name(), b.position());
            int rightA = right.find(a.name(), a.position());
            if (leftB >= 0 && rightA >= 0 && left.find(a.name(), a.position()) < 0 && right.find(b.name(), b.position()) < 0) {
                return new int[] {leftB, rightA};
            }
        } catch (SqlException ambiguous) {
            return null;
        }
        return null;
    }

    /** Key kinds compared as their stored keys order them, and comparable with each other. */
    private static boolean mergeable(TypeKind left, TypeKind right) {
        boolean sameFamily = left == right || (left.isInteger() && right.isInteger())
                || ((left == TypeKind.TEXT || left == TypeKind.VARCHAR) && (right == TypeKind.TEXT || right == TypeKind.VARCHAR));
        return sameFamily && switch (left) {
            case BOOLEAN, SMALLINT, INTEGER, BIGINT, TEXT, VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /** Rows of [right (rightWidth columns), left] as [left, right], named by {@code scope}. */
    private static PlanNode swapBack(PlanNode plan, int rightWidth, Scope scope) {
        int total = scope.columns().size();
        int leftWidth = total - rightWidth;
        List<BoundExpr> columns = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int index = i < leftWidth ? rightWidth + i : i - leftWidth;
            columns.add(new BoundExpr((row, context) -> row[index], scope.columns().get(i).type(), false));
        }
        return new ProjectNode(plan, columns, scope);
    }

    /**
     * An index nested-loop join, when few rows are joined so far and the new relation is a table
     * with an index whose leading columns the join's equalities fix: each row looks its matches up
     * in the index (a point or prefix scan) instead of a hash table being built from a full scan.
     * Null when that does not apply.
     */
    private PlanNode indexLookupJoin(PlanNode left, PlanNode right, Unit unit, List<Expr> conditions, Scope scope) {
        PlanNode leaf = right instanceof FilterNode filter ? filter.input() : right;
        if (!(leaf instanceof TableScanNode scan) || !scan.range().isFull()
                || planner.estimatedRows(left) * LOOKUP_ADVANTAGE > planner.estimatedRows(right)) {
            return null;
        }
        TableDef table = scan.table();
        Scope tableScope = scan.output();
        java.util.Map<Integer, Expr> fixed = new java.util.HashMap<>();
        for (Expr condition : conditions) {
            if (condition instanceof Expr.Binary binary && binary.operator() == BinaryOperator.EQUAL) {
                addFixedColumn(binary.left(), binary.right(), tableScope, left.output(), fixed);
                addFixedColumn(binary.right(), binary.left(), tableScope, left.output(), fixed);
            }
        }
        ExpressionCompiler outerRow = planner.compilerCorrelatedTo(left.output());
        KeyRange best = null;
        for (IndexDef index : table.indexes()) {
            List<BoundExpr> values = new ArrayList<>();
            for (int position : table.keyPositions(index)) {
                Expr value = fixed.get(position);
                BoundExpr key = value == null ? null
                        : AccessPathSelector.keyValue(outerRow.compile(value), table.columns().get(position).type());
                if (key == null) {
                    break;
                }
                values.add(key);
            }
            if (!values.isEmpty() && (best == null || values.size() > best.equalities().size())) {
                best = new KeyRange(index, values, null, false, null, false);
            }
        }
        if (best == null) {
            return null;
        }
        PlanNode lookups = filter(new TableScanNode(table, scan.alias(), best, tableScope,
                planner.columnsRead(table, scan.alias())), unit.filters(), "WHERE");
        return new LateralJoinNode(left, lookups, compileAll(scope, conditions), FromItem.JoinType.INNER, scope);
    }

    /** How many times fewer rows the joined side must be expected to have for index lookups to pay. */
    private static final int LOOKUP_ADVANTAGE = 10;

    /** Records {@code column = value} when column is the table's and value reads only the rows joined so far. */
    private static void addFixedColumn(Expr column, Expr value, Scope tableScope, Scope joined,
                                       java.util.Map<Integer, Expr> fixed) {
        if (!(column instanceof Expr.ColumnRef ref)) {
            return;
        }
        try {
            int position = tableScope.find(ref.name(), ref.position());
            if (position < 0 || joined.find(ref.name(), ref.position()) >= 0 || hasSubquery(value)) {
                return;
            }
            boolean[] readsJoined = {false};
            boolean[] readsTable = {false};
            ExprTrees.find(value, node -> {
                if (node instanceof Expr.ColumnRef other) {
                    readsJoined[0] |= joined.find(other.name(), other.position()) >= 0;
                    readsTable[0] |= tableScope.find(other.name(), other.position()) >= 0;
                }
                return false;
            });
            if (readsJoined[0] && !readsTable[0]) {
                fixed.putIfAbsent(position, value);
            }
        } catch (SqlException ambiguous) {
            // an ambiguous name is reported when the join condition is compiled
        }
    }

    /** Whether the rows joined so far are expected to be fewer than the new relation's. */
    private boolean buildOnLeft(PlanNode left, PlanNode right) {
        return planner.estimatedRows(right) > planner.estimatedRows(left);
    }

    /** Adds {@code condition} as a pair of hash keys when it is {@code leftSide = rightSide}; false when not. */
    private boolean addKeys(Expr condition, PlanNode left, PlanNode right, BitSet leftUnits, int rightUnit,
                            List<Scope> units, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys) {
        if (!(condition instanceof Expr.Binary binary) || binary.operator() != BinaryOperator.EQUAL) {
            return false;
        }
        BitSet a = PredicatePushdown.owners(binary.left(), units);
        BitSet b = PredicatePushdown.owners(binary.right(), units);
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Expr leftSide;
        Expr rightSide;
        if (isOnly(b, rightUnit) && contains(leftUnits, a)) {
            leftSide = binary.left();
            rightSide = binary.right();
        } else if (isOnly(a, rightUnit) && contains(leftUnits, b)) {
            leftSide = binary.right();
            rightSide = binary.left();
        } else {
            return false;
        }
        return addKeyPair(planner.compiler(left.output()).compile(leftSide),
                planner.compiler(right.output()).compile(rightSide), leftKeys, rightKeys, condition.position());
    }

    /**
     * Adds two expressions as hash keys compared in their common type; false when they have none
     * (the condition then fails to compile as a residual, with PostgreSQL's error) or compare as
     * blank-padded character, whose equality a hash of the values would not respect.
     */
    static boolean addKeyPair(BoundExpr leftKey, BoundExpr rightKey, List<BoundExpr> leftKeys,
                              List<BoundExpr> rightKeys, int position) {
        DataType common;
        try {
            common = TypeRules.concrete(TypeRules.commonType(leftKey.type(), rightKey.type(), "=", position));
        } catch (SqlException e) {
            return false;
        }
        if (common.kind() == TypeKind.CHAR) {
            return false;
        }
        leftKeys.add(ExpressionCompiler.cast(leftKey, common, Casts.Context.IMPLICIT));
        rightKeys.add(ExpressionCompiler.cast(rightKey, common, Casts.Context.IMPLICIT));
        return true;
    }

    private static boolean isOnly(BitSet set, int unit) {
        return set.cardinality() == 1 && set.get(unit);
    }

    private static boolean contains(BitSet outer, BitSet inner) {
        BitSet rest = (BitSet) inner.clone();
        rest.andNot(outer);
        return rest.isEmpty();
    }

    /** The joined rows with their columns put back in FROM order, as {@code SELECT *} lists them. */
    private static PlanNode inFromOrder(PlanNode plan, List<Integer> order, List<PlanNode> plans) {
        boolean ordered = true;
        for (int i = 0; i < order.size(); i++) {
            ordered &= order.get(i) == i;
        }
        if (ordered) {
            return plan;
        }
        int[] offsets = new int[plans.size()];
        int offset = 0;
        for (int unit : order) {
            offsets[unit] = offset;
            offset += plans.get(unit).output().columns().size();
        }
        List<BoundExpr> columns = new ArrayList<>();
        List<Scope.Column> scope = new ArrayList<>();
        for (int unit = 0; unit < plans.size(); unit++) {
            List<Scope.Column> unitColumns = plans.get(unit).output().columns();
            for (int i = 0; i < unitColumns.size(); i++) {
                int index = offsets[unit] + i;
                columns.add(new BoundExpr((row, context) -> row[index], unitColumns.get(i).type(), false));
                scope.add(unitColumns.get(i));
            }
        }
        return new ProjectNode(plan, columns, new Scope(scope));
    }

    private PlanNode filter(PlanNode plan, List<Expr> conditions, String clause) {
        if (conditions.isEmpty()) {
            return plan;
        }
        if (conditions.stream().anyMatch(ConstantFolding::rejectsAll)) {
            // WHERE false (or 1 = 0, as tools send to learn the columns): no row to read at all.
            PlanNode none = new ValuesNode(List.of(), plan.output());
            planner.estimates().noteRows(none, 0);
            return none;
        }
        FilterNode filter = new FilterNode(plan, compileAll(plan.output(), conditions), "(" + clause + " clause)",
                plan instanceof TableScanNode ? columnsRead(plan.output(), conditions) : null);
        planner.estimates().noteFilter(filter, planner.selectivity().of(conditions, plan.output()));
        return filter;
    }

    /**
     * The columns of {@code scope} the conditions read, or null when that cannot be told from their
     * text: a subquery (which may read any column of the row) or a name the scope does not resolve
     * (an outer query's column).
     */
    private static boolean[] columnsRead(Scope scope, List<Expr> conditions) {
        boolean[] read = new boolean[scope.columns().size()];
        for (Expr condition : conditions) {
            if (ExprTrees.find(condition, ColumnsRead::hidesColumns) != null) {
                return null;
            }
            List<Expr.ColumnRef> references = new ArrayList<>();
            ExprTrees.find(condition, node -> {
                if (node instanceof Expr.ColumnRef reference) {
                    references.add(reference);
                }
                return false;
            });
            for (Expr.ColumnRef reference : references) {
                int index = scope.find(reference.name(), reference.position());
                if (index < 0) {
                    return null;
                }
                read[index] = true;
            }
        }
        return read;
    }

    private BoundExpr compileAll(Scope scope, List<Expr> conditions) {
        ExpressionCompiler compiler = planner.compiler(scope);
        List<Evaluator> evaluators = new ArrayList<>();
        for (Expr condition : conditions) {
            evaluators.add(compiler.compileCondition(condition, "WHERE").evaluator());
        }
        if (evaluators.size() == 1) {
            return new BoundExpr(evaluators.get(0), DataType.BOOLEAN, false);
        }
        return new BoundExpr((row, context) -> {
            boolean sawNull = false;
            for (Evaluator evaluator : evaluators) {
                Object value = evaluator.evaluate(row, context);
                if (value == null) {
                    sawNull = true;
                } else if (!(Boolean) value) {
                    return false;
                }
            }
            return sawNull ? null : true;
        }, DataType.BOOLEAN, false);
    }

    /**
     * An outer, NATURAL or USING join. Equalities between the two sides in ON, and the USING
     * columns, become hash keys; the rest of ON is tested on each key match. USING columns come out
     * merged, first, as in PostgreSQL: the left value (the right one for RIGHT JOIN, the non-null
     * one for FULL JOIN); each side's own copy stays reachable through its table name.
     */
    private PlanNode planExplicit(LogicalPlan.OuterJoin outer, SourceScopes scopes) {
        FromItem.Join join = outer.join();
        PlanNode left = physical(outer.left(), scopes, false);
        if (outer.right() instanceof LogicalPlan.Source lateral && readsEarlierItems(lateral.item(), left.output())) {
            return planLateralJoin(join, left, outer.on());
        }
        PlanNode right = physical(outer.right(), scopes, false);
        Scope scope = QueryPlanner.join(left.output(), right.output());
        List<String> using = join.natural() ? commonColumns(left.output(), right.output()) : join.using();
        List<BoundExpr> leftKeys = new ArrayList<>();
        List<BoundExpr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        int[] leftUsing = new int[using.size()];
        int[] rightUsing = new int[using.size()];
        for (int k = 0; k < using.size(); k++) {
            leftUsing[k] = usingColumn(left.output(), using.get(k), "left");
            rightUsing[k] = usingColumn(right.output(), using.get(k), "right");
            int l = leftUsing[k];
            int r = rightUsing[k];
            BoundExpr leftKey = new BoundExpr((row, context) -> row[l], left.output().columns().get(l).type(), false);
            BoundExpr rightKey = new BoundExpr((row, context) -> row[r], right.output().columns().get(r).type(), false);
            Expr equality = new Expr.Binary(BinaryOperator.EQUAL, qualified(left.output(), l), qualified(right.output(), r), 0);
            conditions.add(equality);
            if (!addKeyPair(leftKey, rightKey, leftKeys, rightKeys, 0)) {
                // No hashable common type: compare the two columns in the join condition instead.
                residual.add(equality);
            }
        }
        List<Scope> sides = List.of(left.output(), right.output());
        BitSet leftSide = new BitSet();
        leftSide.set(0);
        for (Expr conjunct : outer.on()) {
            conditions.add(conjunct);
            if (hasSubquery(conjunct) || !addKeys(conjunct, left, right, leftSide, 1, sides, leftKeys, rightKeys)) {
                residual.add(conjunct);
            }
        }
        BoundExpr rest = residual.isEmpty() ? null : compileAll(scope, residual);
        FromItem.JoinType type = join.type() == FromItem.JoinType.CROSS ? FromItem.JoinType.INNER : join.type();
        PlanNode plan = leftKeys.isEmpty() ? new NestedLoopJoinNode(left, right, rest, type, scope)
                : new HashJoinNode(left, right, leftKeys, rightKeys, rest, type, scope);
        if (!leftKeys.isEmpty()) {
            double inner = joinedRows(left, right, conditions);
            double leftRows = planner.estimates().estimate(left);
            double rightRows = planner.estimates().estimate(right);
            // Outer joins keep every row of their preserved sides at least once.
            planner.estimates().noteRows(plan, switch (type) {
                case LEFT -> Math.max(inner, leftRows);
                case RIGHT -> Math.max(inner, rightRows);
                case FULL -> Math.max(inner, leftRows + rightRows);
                default -> inner;
            });
        }
        return using.isEmpty() ? plan : mergeUsingColumns(plan, using, leftUsing, rightUsing, left.output().columns().size(),
                type);
    }

    /** {@code a [LEFT] JOIN LATERAL (...) ON ...}: only INNER and LEFT can see the left row, as in PostgreSQL. */
    private PlanNode planLateralJoin(FromItem.Join join, PlanNode left, List<Expr> on) {
        if (join.type() == FromItem.JoinType.RIGHT || join.type() == FromItem.JoinType.FULL) {
            throw new SqlException(io.weftdb.ir.error.ErrorCode.INVALID_COLUMN_REFERENCE,
                    "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
        }
        if (join.natural() || !join.using().isEmpty()) {
            throw new SqlException(io.weftdb.ir.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                    "NATURAL and USING joins with a LATERAL item are not supported");
        }
        PlanNode right = planner.planLateral(join.right(), left.output());
        Scope scope = QueryPlanner.join(left.output(), right.output());
        BoundExpr condition = on.isEmpty() ? null : compileAll(scope, on);
        FromItem.JoinType type = join.type() == FromItem.JoinType.LEFT ? FromItem.JoinType.LEFT : FromItem.JoinType.INNER;
        return new LateralJoinNode(left, right, condition, type, scope);
    }

    /** The names both sides have, in the left side's order: what NATURAL joins on. */
    private static List<String> commonColumns(Scope left, Scope right) {
        List<String> names = new ArrayList<>();
        for (Scope.Column column : left.columns()) {
            if (!column.qualifiedOnly() && !names.contains(column.name())
                    && right.columns().stream().anyMatch(other -> !other.qualifiedOnly() && other.name().equals(column.name()))) {
                names.add(column.name());
            }
        }
        return names;
    }

    private static int usingColumn(Scope side, String name, String which) {
        int found = -1;
        for (int i = 0; i < side.columns().size(); i++) {
            Scope.Column column = side.columns().get(i);
            if (!column.qualifiedOnly() && column.name().equals(name)) {
                if (found >= 0) {
                    throw new SqlException(io.weftdb.ir.error.ErrorCode.AMBIGUOUS_COLUMN, "common column name \"" + name
                            + "\" appears more than once in " + which + " table");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new SqlException(io.weftdb.ir.error.ErrorCode.UNDEFINED_COLUMN, "column \"" + name
                    + "\" specified in USING clause does not exist in " + which + " table");
        }
        return found;
    }

    private static Expr qualified(Scope scope, int index) {
        Scope.Column column = scope.columns().get(index);
        io.weftdb.ir.QualifiedName name = column.relation() == null ? io.weftdb.ir.QualifiedName.of(column.name())
                : io.weftdb.ir.QualifiedName.of(column.relation(), column.name());
        return new Expr.ColumnRef(name, 0);
    }

    private static PlanNode mergeUsingColumns(PlanNode plan, List<String> using, int[] leftUsing, int[] rightUsing,
                                              int leftWidth, FromItem.JoinType type) {
        List<Scope.Column> joined = plan.output().columns();
        List<BoundExpr> expressions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>();
        for (int k = 0; k < using.size(); k++) {
            Scope.Column leftColumn = joined.get(leftUsing[k]);
            Scope.Column rightColumn = joined.get(leftWidth + rightUsing[k]);
            DataType type0 = TypeRules.concrete(TypeRules.commonType(leftColumn.type(), rightColumn.type(), "USING", 0));
            int l = leftUsing[k];
            int r = leftWidth + rightUsing[k];
            Evaluator leftValue = ExpressionCompiler.cast(new BoundExpr((row, c) -> row[l], leftColumn.type(), false),
                    type0, Casts.Context.IMPLICIT).evaluator();
            Evaluator rightValue = ExpressionCompiler.cast(new BoundExpr((row, c) -> row[r], rightColumn.type(), false),
                    type0, Casts.Context.IMPLICIT).evaluator();
            Evaluator merged = switch (type) {
                case RIGHT -> rightValue;
                case FULL -> (row, context) -> {
                    Object value = leftValue.evaluate(row, context);
                    return value != null ? value : rightValue.evaluate(row, context);
                };
                default -> leftValue;
            };
            expressions.add(new BoundExpr(merged, type0, false));
            columns.add(new Scope.Column(null, using.get(k), type0));
        }
        for (int i = 0; i < joined.size(); i++) {
            int index = i;
            Scope.Column column = joined.get(i);
            boolean usingColumn = false;
            for (int k = 0; k < using.size(); k++) {
                usingColumn |= i == leftUsing[k] || i == leftWidth + rightUsing[k];
            }
            expressions.add(new BoundExpr((row, context) -> row[index], column.type(), false));
            columns.add(usingColumn ? new Scope.Column(column.relation(), column.name(), column.type(), true) : column);
        }
        return new ProjectNode(plan, expressions, new Scope(columns));
    }

    static boolean hasSubquery(Expr expr) {
        return ExprTrees.find(expr, node -> node instanceof Expr.InSubquery || node instanceof Expr.Exists
                || node instanceof Expr.ScalarSubquery
                || node instanceof Expr.Quantified quantified && quantified.query() != null) != null;
    }
}
