package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.ir.type.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes duplicate rows from a stream (SELECT DISTINCT, UNION) within work_mem. Rows are remembered
 * in memory and a new one can be produced at once, until the memory budget is spent; from then on
 * the set stops growing, and a row it does not hold is written, by a hash of its values, to one of
 * {@link #PARTITIONS} spill files (it cannot equal a row already produced, all of which the set
 * holds). Once the input ends, {@link #rest()} deduplicates each file on its own: equal rows always
 * land in the same file. A file that still does not fit is deduplicated in memory all the same.
 */
final class DistinctRows implements AutoCloseable {
    static final int PARTITIONS = 16;
    /** Heap a remembered row takes besides its values: the set entry and the key. */
    private static final long ROW_OVERHEAD_BYTES = 64;

    private final List<DataType> types;
    private final ExecutionEnvironment environment;
    private final long budget;
    private Set<RowKey> seen = new HashSet<>();
    private long held;
    private SpillFile[] partitions;

    DistinctRows(List<DataType> types, ExecutionEnvironment environment) {
        this.types = List.copyOf(types);
        this.environment = environment;
        this.budget = environment.workMemoryBytes();
    }

    /**
     * Whether {@code row} is produced now: true the first time it is seen; false for a repeat or a
     * row set aside for {@link #rest()}. The row is kept: the caller must not change it afterwards.
     */
    boolean offer(Object[] row) {
        RowKey key = new RowKey(row);
        if (partitions == null) {
            if (!seen.add(key)) {
                return false;
            }
            held += ROW_OVERHEAD_BYTES + RowSizes.estimate(row);
            if (held > budget) {
                partitions = new SpillFile[PARTITIONS];
            }
            return true;
        }
        if (seen.contains(key)) {
            return false;
        }
        int partition = key.partition(PARTITIONS);
        if (partitions[partition] == null) {
            partitions[partition] = new SpillFile(types);
        }
        partitions[partition].write(row);
        return false;
    }

    /** The rows set aside, each once; empty when everything fitted in memory. Call after the last offer. */
    RowSource rest() {
        seen = null;
        if (partitions == null) {
            return new ListRowSource(List.of());
        }
        return new RowSource() {
            private int next;
            private RowSource current = new ListRowSource(List.of());
            private Set<RowKey> partitionSeen;

            @Override
            public boolean next() {
                while (true) {
                    while (current.next()) {
                        environment.checkCancelled();
                        if (partitionSeen.add(new RowKey(current.row()))) {
                            return true;
                        }
                    }
                    current.close();
                    if (next >= PARTITIONS) {
                        return false;
                    }
                    SpillFile file = partitions[next++];
                    if (file != null) {
                        current = new FileRows(file);
                        partitionSeen = new HashSet<>();
                    }
                }
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                current.close();
                DistinctRows.this.close();
            }
        };
    }

    @Override
    public void close() {
        seen = null;
        SpillFile.closeAll(partitions);
    }

    /** A spill file's rows, the file deleted once read or closed. */
    static final class FileRows implements RowSource {
        private final SpillFile file;
        private final RowSource rows;

        FileRows(SpillFile file) {
            this.file = file;
            this.rows = file.read();
        }

        @Override
        public boolean next() {
            return rows.next();
        }

        @Override
        public Object[] row() {
            return rows.row();
        }

        @Override
        public void close() {
            rows.close();
            file.close();
        }
    }
}
