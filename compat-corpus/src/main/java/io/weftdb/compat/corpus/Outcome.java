package io.weftdb.compat.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** What one statement did through a protocol, as text. */
public sealed interface Outcome {

    /** A statement without a result set. */
    record Done() implements Outcome {
    }

    /** A result set: each row's values as the protocol's text (null for SQL NULL). */
    record Rows(List<List<String>> rows) implements Outcome {
        public Rows {
            // Copied without List.copyOf, which refuses the nulls that stand for SQL NULL.
            rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        }
    }

    /**
     * An error: its SQLSTATE, the MySQL error number when the protocol has one (0 otherwise) and the
     * message.
     */
    record Failed(String sqlState, int vendorCode, String message) implements Outcome {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
