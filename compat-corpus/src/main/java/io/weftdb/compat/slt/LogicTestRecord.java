package io.weftdb.compat.slt;

import java.util.List;
import java.util.Objects;

/**
 * One record of a sqllogictest file. Every record carries the conditions written before it and the
 * 1-based line of its header, so failures can point into the file.
 */
public sealed interface LogicTestRecord {
    int line();

    List<Condition> conditions();

    /** Whether the conditions keep this record from running on {@code engine}. */
    default boolean skippedFor(String engine) {
        return conditions().stream().anyMatch(condition -> condition.skips(engine));
    }

    /** {@code statement ok} or {@code statement error}: SQL whose only checked outcome is success or failure. */
    record Statement(int line, List<Condition> conditions, String sql, boolean expectError) implements LogicTestRecord {
        public Statement {
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * {@code query <types> [<sort-mode> [<label>]]}.
     *
     * @param label null when the query has none; otherwise at most 20 characters, the part upstream compares
     */
    record Query(int line, List<Condition> conditions, String sql, List<ColumnType> columnTypes, SortMode sortMode,
            String label, ExpectedResult expected) implements LogicTestRecord {
        public Query {
            conditions = List.copyOf(conditions);
            columnTypes = List.copyOf(columnTypes);
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(sortMode, "sortMode");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** {@code hash-threshold N}: results with more than N values are compared by hash; 0 never hashes. */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements LogicTestRecord {
        public HashThreshold {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code halt}: stop processing the file. */
    record Halt(int line, List<Condition> conditions) implements LogicTestRecord {
        public Halt {
            conditions = List.copyOf(conditions);
        }
    }
}
