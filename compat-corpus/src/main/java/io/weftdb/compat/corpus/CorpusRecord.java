package io.weftdb.compat.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One case of a corpus file: a statement or a query, with the line it starts on and its expected-fail marker. */
public sealed interface CorpusRecord {

    int line();

    String sql();

    Optional<ExpectedFailure> expectedFailure();

    /** {@code statement ok} or {@code statement error <codes>}; {@code expectedErrorCodes} empty for ok. */
    record Statement(int line, String sql, boolean expectError, List<String> expectedErrorCodes,
                     Optional<ExpectedFailure> expectedFailure) implements CorpusRecord {
        public Statement {
            Objects.requireNonNull(sql, "sql");
            expectedErrorCodes = List.copyOf(expectedErrorCodes);
            Objects.requireNonNull(expectedFailure, "expectedFailure");
        }
    }

    /** {@code query <types> [rowsort]} with its expected rows, each rendered as its values joined by {@code " | "}. */
    record Query(int line, String sql, List<ColumnKind> columns, boolean rowsort, List<String> expectedRows,
                 Optional<ExpectedFailure> expectedFailure) implements CorpusRecord {
        public Query {
            Objects.requireNonNull(sql, "sql");
            columns = List.copyOf(columns);
            expectedRows = List.copyOf(expectedRows);
            Objects.requireNonNull(expectedFailure, "expectedFailure");
        }
    }
}
