package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNION, INTERSECT and EXCEPT, with or without ALL, over inputs already converted to the same
 * column types. UNION ALL streams both inputs; UNION streams too, dropping rows seen before; the
 * others read the right input into a multiset of rows first, then stream the left against it.
 * Rows compare as DISTINCT does: NULLs equal each other. Past work_mem, UNION and DISTINCT set rows
 * aside in spill files and INTERSECT/EXCEPT partition both inputs to disk.
 */
public record SetOperationNode(Query.SetOperator operator, boolean all, PlanNode left, PlanNode right, Scope output)
        implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        return switch (operator) {
            case UNION -> union(environment);
            case INTERSECT, EXCEPT -> againstRight(environment);
        };
    }

    private List<DataType> types() {
        return output.columns().stream().map(Scope.Column::type).toList();
    }

    private RowSource union(ExecutionEnvironment environment) {
        DistinctRows distinct = all ? null : new DistinctRows(types(), environment);
        return new RowSource() {
            private RowSource current = left.run(environment);
            /** 0: reading the left input, 1: the right, 2: the rows set aside by the deduplication. */
            private int stage;

            @Override
            public boolean next() {
                while (true) {
                    if (current.next()) {
                        if (distinct == null || stage == 2 || distinct.offer(current.row().clone())) {
                            return true;
                        }
                        continue;
                    }
                    if (stage == 2 || (stage == 1 && distinct == null)) {
                        return false;
                    }
                    current.close();
                    current = stage == 0 ? right.run(environment) : distinct.rest();
                    stage++;
                }
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                current.close();
                if (distinct != null) {
                    distinct.close();
                }
            }
        };
    }

    /**
     * INTERSECT [ALL] and EXCEPT [ALL]: a left row with m copies on the left and n on the right
     * comes out min(m, n) times (INTERSECT ALL), max(m - n, 0) times (EXCEPT ALL), or once when the
     * set operation's condition holds (without ALL). The right input's rows are counted in memory;
     * past work_mem both inputs are partitioned to spill files by a hash of the row, and each pair
     * of partitions is matched on its own.
     */
    private RowSource againstRight(ExecutionEnvironment environment) {
        Map<RowKey, int[]> rightCounts = new HashMap<>();
        SpillFile[] rightPartitions = null;
        long budget = environment.workMemoryBytes();
        long held = 0;
        List<DataType> countedTypes = new ArrayList<>(types());
        countedTypes.add(DataType.BIGINT);
        try (RowSource rows = right.run(environment)) {
            while (rows.next()) {
                environment.checkCancelled();
                Object[] row = rows.row().clone();
                if (rightPartitions != null) {
                    writeCounted(rightPartitions, new RowKey(row), row, 1, countedTypes);
                    continue;
                }
                int[] count = rightCounts.get(new RowKey(row));
                if (count == null) {
                    rightCounts.put(new RowKey(row), new int[] {1});
                    held += 64 + RowSizes.estimate(row);
                    if (held > budget) {
                        rightPartitions = new SpillFile[DistinctRows.PARTITIONS];
                        for (Map.Entry<RowKey, int[]> entry : rightCounts.entrySet()) {
                            writeCounted(rightPartitions, entry.getKey(), entry.getKey().values(), entry.getValue()[0],
                                    countedTypes);
                        }
                        rightCounts = null;
                    }
                } else {
                    count[0]++;
                }
            }
        } catch (RuntimeException e) {
            SpillFile.closeAll(rightPartitions);
            throw e;
        }
        if (rightPartitions == null) {
            return matchLeft(left.run(environment), rightCounts);
        }
        return new PartitionedMatch(rightPartitions, environment);
    }

    private static void writeCounted(SpillFile[] partitions, RowKey key, Object[] row, long count, List<DataType> types) {
        int partition = key.partition(DistinctRows.PARTITIONS);
        if (partitions[partition] == null) {
            partitions[partition] = new SpillFile(types);
        }
        Object[] counted = java.util.Arrays.copyOf(row, row.length + 1);
        counted[row.length] = count;
        partitions[partition].write(counted);
    }

    /** The left rows the operation keeps, given the right input's row counts. */
    private RowSource matchLeft(RowSource leftRows, Map<RowKey, int[]> rightCounts) {
        boolean intersect = operator == Query.SetOperator.INTERSECT;
        Set<RowKey> emitted = all ? null : new HashSet<>();
        return new RowSource() {
            @Override
            public boolean next() {
                while (leftRows.next()) {
                    RowKey key = new RowKey(leftRows.row().clone());
                    int[] count = rightCounts.get(key);
                    boolean onRight = count != null && count[0] > 0;
                    if (all) {
                        if (onRight) {
                            count[0]--;
                        }
                        if (onRight == intersect) {
                            return true;
                        }
                    } else if (onRight == intersect && emitted.add(key)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return leftRows.row();
            }

            @Override
            public void close() {
                leftRows.close();
            }
        };
    }

    /**
     * The grace-hash form of INTERSECT/EXCEPT: the left input is partitioned like the right one, then
     * each partition's right counts are loaded and its left rows matched against them.
     */
    private final class PartitionedMatch implements RowSource {
        private final SpillFile[] rightPartitions;
        private final SpillFile[] leftPartitions = new SpillFile[DistinctRows.PARTITIONS];
        private final ExecutionEnvironment environment;
        private RowSource current;
        private int next;

        PartitionedMatch(SpillFile[] rightPartitions, ExecutionEnvironment environment) {
            this.rightPartitions = rightPartitions;
            this.environment = environment;
            try (RowSource rows = left.run(environment)) {
                while (rows.next()) {
                    environment.checkCancelled();
                    Object[] row = rows.row();
                    int partition = new RowKey(row).partition(DistinctRows.PARTITIONS);
                    if (leftPartitions[partition] == null) {
                        leftPartitions[partition] = new SpillFile(types());
                    }
                    leftPartitions[partition].write(row);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean next() {
            while (current == null || !current.next()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (next >= DistinctRows.PARTITIONS) {
                    return false;
                }
                int partition = next++;
                Map<RowKey, int[]> counts = new HashMap<>();
                SpillFile rightFile = rightPartitions[partition];
                rightPartitions[partition] = null;
                if (rightFile != null) {
                    try (RowSource rows = new DistinctRows.FileRows(rightFile)) {
                        while (rows.next()) {
                            environment.checkCancelled();
                            Object[] counted = rows.row();
                            Object[] row = java.util.Arrays.copyOf(counted, counted.length - 1);
                            counts.computeIfAbsent(new RowKey(row), key -> new int[1])[0] += (int) (long) (Long) counted[row.length];
                        }
                    }
                }
                SpillFile leftFile = leftPartitions[partition];
                leftPartitions[partition] = null;
                if (leftFile != null) {
                    current = matchLeft(new DistinctRows.FileRows(leftFile), counts);
                }
            }
            return true;
        }

        @Override
        public Object[] row() {
            return current.row();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
            SpillFile.closeAll(rightPartitions);
            SpillFile.closeAll(leftPartitions);
        }
    }

    @Override
    public String describe() {
        String name = switch (operator) {
            case UNION -> all ? "Append" : "Union";
            case INTERSECT -> all ? "Intersect All" : "Intersect";
            case EXCEPT -> all ? "Except All" : "Except";
        };
        return name;
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
