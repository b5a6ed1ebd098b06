package io.weftdb.compat.slt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a query's actual values with what its record expects, for one file: it follows the
 * file's hash threshold and remembers the hash each label produced, since every query sharing a
 * label must produce the same values.
 */
public final class QueryChecker {
    /** Upstream's runner starts every file with this threshold. */
    public static final int DEFAULT_HASH_THRESHOLD = 8;
    private static final int SHOWN_VALUES = 12;

    private final Map<String, String> hashByLabel = new HashMap<>();
    private int hashThreshold = DEFAULT_HASH_THRESHOLD;

    public void hashThreshold(int threshold) {
        hashThreshold = threshold;
    }

    public int hashThreshold() {
        return hashThreshold;
    }

    /**
     * A query skipped for this engine still fixes its label's hash (from its listed results), so the
     * variant that does run is held to the same answer.
     */
    public void recordSkipped(LogicTestRecord.Query query) {
        if (query.label() != null) {
            hashByLabel.putIfAbsent(query.label(), expectedHash(query.expected()));
        }
    }

    /**
     * @param values the rendered values in engine order, row-major
     * @return empty when the query passes, otherwise what differed
     */
    public Optional<String> check(LogicTestRecord.Query query, List<String> values) {
        List<String> sorted = ResultValues.sorted(values, query.columnTypes().size(), query.sortMode());
        Optional<String> mismatch = switch (query.expected()) {
            case ExpectedResult.Values expected -> expected.values().equals(sorted)
                    ? Optional.empty()
                    : Optional.of("expected " + shown(expected.values()) + " but got " + shown(sorted));
            case ExpectedResult.Hash expected -> {
                String actual = ResultValues.md5(sorted);
                yield expected.count() == sorted.size() && expected.md5().equals(actual)
                        ? Optional.empty()
                        : Optional.of("expected " + expected.count() + " values hashing to " + expected.md5()
                                + " but got " + sorted.size() + " values hashing to " + actual
                                + (sorted.size() <= SHOWN_VALUES ? " " + shown(sorted) : ""));
            }
        };
        if (mismatch.isPresent() || query.label() == null) {
            return mismatch;
        }
        String actual = ResultValues.md5(sorted);
        String previous = hashByLabel.putIfAbsent(query.label(), actual);
        return previous == null || previous.equals(actual)
                ? Optional.empty()
                : Optional.of("label " + query.label() + " hashed to " + previous + " before but " + actual + " now");
    }

    private static String expectedHash(ExpectedResult expected) {
        return switch (expected) {
            case ExpectedResult.Values values -> ResultValues.md5(values.values());
            case ExpectedResult.Hash hash -> hash.md5();
        };
    }

    private static String shown(List<String> values) {
        if (values.size() <= SHOWN_VALUES) {
            return values.toString();
        }
        return values.subList(0, SHOWN_VALUES) + " ... (" + values.size() + " values)";
    }
}
