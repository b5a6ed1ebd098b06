package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.FromItem.JoinType;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An equi-join: reads the right input into a hash table on its join keys, then streams the left
 * input, looking each row's keys up. A right input bigger than work_mem makes it a grace hash join
 * over partitions on disk. A NULL key matches nothing, as {@code =} never holds for it.
 * {@code residual} is the rest of the join condition, tested on each key match. LEFT and FULL keep
 * unmatched left rows; RIGHT and FULL emit the right rows no left row matched at the end.
 *
 * @param leftKeys evaluated on left rows; {@code rightKeys} on right rows; both already cast to
 *        the type each pair compares in
 */
public record HashJoinNode(PlanNode left, PlanNode right, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys,
                           BoundExpr residual, JoinType type, Scope output) implements PlanNode {

    public HashJoinNode {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
    }

    /** A right row in the hash table, with whether some left row matched it (for RIGHT/FULL). */
    private static final class Entry {
        final Object[] row;
        boolean matched;

        Entry(Object[] row) {
            this.row = row;
        }
    }

    /** How many partition pairs a hash join whose build side outgrows work_mem is split into. */
    private static final int SPILL_PARTITIONS = 16;
    /** Heap a hash table entry takes besides its row: map node, list and entry objects. */
    private static final long ENTRY_OVERHEAD_BYTES = 96;

    /** The build side read into memory, or as far as work_mem allowed ({@code complete} false). */
    private record Build(Map<RowKey, List<Entry>> table, List<Entry> unmatchable, List<Object[]> rows, boolean complete) {}

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource rightRows = right.run(environment);
        Build build;
        try {
            build = build(rightRows, environment, environment.workMemoryBytes());
        } catch (RuntimeException e) {
            rightRows.close();
            throw e;
        }
        if (build.complete()) {
            rightRows.close();
            return probe(build, left.run(environment), environment);
        }
        return partitioned(build.rows(), rightRows, environment);
    }

    /** Reads the build side into a hash table until it ends or outgrows {@code budget}. */
    private Build build(RowSource rows, ExecutionEnvironment environment, long budget) {
        EvaluationContext context = environment.context();
        boolean keepRight = type == JoinType.RIGHT || type == JoinType.FULL;
        Map<RowKey, List<Entry>> table = new HashMap<>();
        List<Entry> unmatchable = new ArrayList<>();
        List<Object[]> read = new ArrayList<>();
        long held = 0;
        while (rows.next()) {
            environment.checkCancelled();
            Object[] row = rows.row().clone();
            read.add(row);
            Object[] key = keys(rightKeys, row, context);
            if (key == null) {
                if (keepRight) {
                    unmatchable.add(new Entry(row));
                }
            } else {
                table.computeIfAbsent(new RowKey(key), k -> new ArrayList<>(1)).add(new Entry(row));
            }
            held += ENTRY_OVERHEAD_BYTES + RowSizes.estimate(row);
            if (held > budget) {
                return new Build(table, unmatchable, read, false);
            }
        }
        return new Build(table, unmatchable, read, true);
    }

    /**
     * A grace hash join: both sides are written to {@link #SPILL_PARTITIONS} files by a hash of their
     * join key (rows with a NULL key, which match nothing, to the first), then each pair of files is
     * joined in memory; unmatched rows are kept per the join type within each pair.
     */
    private RowSource partitioned(List<Object[]> alreadyRead, RowSource rightRows, ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        List<DataType> rightTypes = right.output().columns().stream().map(Scope.Column::type).toList();
        List<DataType> leftTypes = left.output().columns().stream().map(Scope.Column::type).toList();
        SpillFile[] rightParts = new SpillFile[SPILL_PARTITIONS];
        SpillFile[] leftParts = new SpillFile[SPILL_PARTITIONS];
        try (rightRows) {
            for (Object[] row : alreadyRead) {
                partition(rightParts, rightTypes, keys(rightKeys, row, context)).write(row);
            }
            alreadyRead.clear();
            while (rightRows.next()) {
                environment.checkCancelled();
                Object[] row = rightRows.row();
                partition(rightParts, rightTypes, keys(rightKeys, row, context)).write(row);
            }
            try (RowSource leftRows = left.run(environment)) {
                while (leftRows.next()) {
                    environment.checkCancelled();
                    Object[] row = leftRows.row();
                    partition(leftParts, leftTypes, keys(leftKeys, row, context)).write(row);
                }
            }
        } catch (RuntimeException e) {
            SpillFile.closeAll(rightParts);
            SpillFile.closeAll(leftParts);
            throw e;
        }
        return new RowSource() {
            private int next;
            private RowSource current;

            @Override
            public boolean next() {
                while (true) {
                    if (current != null && current.next()) {
                        return true;
                    }
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (next >= SPILL_PARTITIONS) {
                        return false;
                    }
                    int partition = next++;
                    SpillFile rightPart = rightParts[partition];
                    SpillFile leftPart = leftParts[partition];
                    rightParts[partition] = null;
                    leftParts[partition] = null;
                    if (rightPart == null && leftPart == null) {
                        continue;
                    }
                    RowSource rights = rightPart == null ? new ListRowSource(List.of()) : rightPart.read();
                    Build build;
                    try (rights) {
                        build = build(rights, environment, Long.MAX_VALUE);
                    } finally {
                        if (rightPart != null) {
                            rightPart.close();
                        }
                    }
                    RowSource lefts = leftPart == null ? new ListRowSource(List.of()) : leftPart.read();
                    current = probe(build, lefts, environment);
                    if (leftPart != null) {
                        RowSource probing = current;
                        current = new RowSource() {
                            @Override
                            public boolean next() {
                                return probing.next();
                            }

                            @Override
                            public Object[] row() {
                                return probing.row();
                            }

                            @Override
                            public void close() {
                                probing.close();
                                leftPart.close();
                            }
                        };
                    }
                }
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
                SpillFile.closeAll(rightParts);
                SpillFile.closeAll(leftParts);
            }
        };
    }

    private static SpillFile partition(SpillFile[] parts, List<DataType> types, Object[] key) {
        int partition = key == null ? 0 : new RowKey(key).partition(SPILL_PARTITIONS);
        if (parts[partition] == null) {
            parts[partition] = new SpillFile(types);
        }
        return parts[partition];
    }

    /** Streams {@code leftRows} against a complete build side, as the join type wants. */
    private RowSource probe(Build build, RowSource leftRows, ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        boolean keepRight = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean keepLeft = type == JoinType.LEFT || type == JoinType.FULL;
        Map<RowKey, List<Entry>> table = build.table();
        List<Entry> unmatchable = build.unmatchable();
        JoinRows joinRows = new JoinRows(left.output().columns().size(), right.output().columns().size());
        return new RowSource() {
            private Object[] leftRow;
            private List<Entry> candidates = List.of();
            private int index;
            private boolean matched;
            private Iterator<Entry> rightLeftovers;
            private Object[] row;

            @Override
            public boolean next() {
                if (rightLeftovers != null) {
                    return nextUnmatchedRight();
                }
                while (true) {
                    while (index < candidates.size()) {
                        Entry entry = candidates.get(index++);
                        Object[] combined = joinRows.combine(leftRow, entry.row);
                        if (residual == null || Boolean.TRUE.equals(residual.evaluate(combined, context))) {
                            matched = true;
                            entry.matched = true;
                            row = combined;
                            return true;
                        }
                    }
                    if (leftRow != null && keepLeft && !matched) {
                        row = joinRows.combine(leftRow, null);
                        leftRow = null;
                        return true;
                    }
                    if (!leftRows.next()) {
                        leftRow = null;
                        if (!keepRight) {
                            return false;
                        }
                        List<Entry> leftovers = new ArrayList<>(unmatchable);
                        table.values().forEach(leftovers::addAll);
                        rightLeftovers = leftovers.iterator();
                        return nextUnmatchedRight();
                    }
                    leftRow = leftRows.row();
                    Object[] key = keys(leftKeys, leftRow, context);
                    List<Entry> found = key == null ? null : table.get(new RowKey(key));
                    candidates = found == null ? List.of() : found;
                    index = 0;
                    matched = false;
                }
            }

            private boolean nextUnmatchedRight() {
                while (rightLeftovers.hasNext()) {
                    Entry entry = rightLeftovers.next();
                    if (!entry.matched) {
                        row = joinRows.combine(null, entry.row);
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                leftRows.close();
            }
        };
    }

    /** The key values of {@code row}, or null when one is NULL (it can match nothing). */
    private static Object[] keys(List<BoundExpr> expressions, Object[] row, EvaluationContext context) {
        Object[] key = new Object[expressions.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = expressions.get(i).evaluate(row, context);
            if (key[i] == null) {
                return null;
            }
        }
        return key;
    }

    @Override
    public String describe() {
        return switch (type) {
            case LEFT -> "Hash Left Join";
            case RIGHT -> "Hash Right Join";
            case FULL -> "Hash Full Join";
            default -> "Hash Join";
        } + " (" + leftKeys.size() + (leftKeys.size() == 1 ? " key)" : " keys)");
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
