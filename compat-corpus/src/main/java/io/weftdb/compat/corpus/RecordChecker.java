package io.weftdb.compat.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compares what a statement did with what its record expects; a mismatch is described in one line. */
final class RecordChecker {
    private static final int SHOWN_LENGTH = 160;

    private RecordChecker() {
    }

    /** Empty when the outcome is the expected one, else why not. */
    static Optional<String> mismatch(CorpusRecord record, Outcome outcome) {
        return switch (record) {
            case CorpusRecord.Statement statement -> statement(statement, outcome);
            case CorpusRecord.Query query -> query(query, outcome);
        };
    }

    private static Optional<String> statement(CorpusRecord.Statement statement, Outcome outcome) {
        if (!statement.expectError()) {
            return outcome instanceof Outcome.Failed failed ? Optional.of(describe(failed)) : Optional.empty();
        }
        if (!(outcome instanceof Outcome.Failed failed)) {
            return Optional.of("expected error " + String.join("/", statement.expectedErrorCodes()) + ", the statement succeeded");
        }
        boolean matches = statement.expectedErrorCodes().stream()
                .anyMatch(code -> code.equals(failed.sqlState()) || code.equals(Integer.toString(failed.vendorCode())));
        return matches ? Optional.empty()
                : Optional.of("expected error " + String.join("/", statement.expectedErrorCodes()) + ", got " + describe(failed));
    }

    private static Optional<String> query(CorpusRecord.Query query, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Failed failed -> Optional.of(describe(failed));
            case Outcome.Done done -> Optional.of("expected rows, the statement returned no result set");
            case Outcome.Rows rows -> {
                int width = rows.rows().isEmpty() ? query.columns().size() : rows.rows().get(0).size();
                if (width != query.columns().size()) {
                    yield Optional.of("expected " + query.columns().size() + " columns, got " + width);
                }
                List<String> actual = render(query, rows);
                List<String> expected = new ArrayList<>(query.expectedRows());
                if (query.rowsort()) {
                    expected.sort(null);
                }
                yield actual.equals(expected) ? Optional.empty()
                        : Optional.of(shorten("expected [" + String.join("; ", expected) + "], got [" + String.join("; ", actual) + "]"));
            }
        };
    }

    private static List<String> render(CorpusRecord.Query query, Outcome.Rows rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows.rows()) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                values.add(query.columns().get(column).normalise(row.get(column)));
            }
            lines.add(String.join(CorpusParser.ROW_SEPARATOR, values));
        }
        if (query.rowsort()) {
            lines.sort(null);
        }
        return lines;
    }

    private static String describe(Outcome.Failed failed) {
        String code = failed.vendorCode() != 0 ? failed.vendorCode() + " (" + failed.sqlState() + ")" : String.valueOf(failed.sqlState());
        return shorten("error " + code + ": " + failed.message());
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('|', '/');
        return oneLine.length() <= SHOWN_LENGTH ? oneLine : oneLine.substring(0, SHOWN_LENGTH - 3) + "...";
    }
}
