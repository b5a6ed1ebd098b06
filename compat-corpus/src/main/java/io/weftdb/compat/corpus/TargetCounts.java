package io.weftdb.compat.corpus;

/** Counts of one feature (or all) on one target. */
public record TargetCounts(int passed, int failed, int expectedFailures, int unexpectedPasses) {
    public static final TargetCounts NONE = new TargetCounts(0, 0, 0, 0);

    public int total() {
        return passed + failed + expectedFailures + unexpectedPasses;
    }

    /** Cases that ran as the real server would be expected to: plain passes and passes despite a marker. */
    public int passing() {
        return passed + unexpectedPasses;
    }

    TargetCounts plus(CaseResult.Status status) {
        return switch (status) {
            case PASSED -> new TargetCounts(passed + 1, failed, expectedFailures, unexpectedPasses);
            case FAILED -> new TargetCounts(passed, failed + 1, expectedFailures, unexpectedPasses);
            case EXPECTED_FAILURE -> new TargetCounts(passed, failed, expectedFailures + 1, unexpectedPasses);
            case UNEXPECTED_PASS -> new TargetCounts(passed, failed, expectedFailures, unexpectedPasses + 1);
        };
    }

    TargetCounts plus(TargetCounts other) {
        return new TargetCounts(passed + other.passed, failed + other.failed, expectedFailures + other.expectedFailures,
                unexpectedPasses + other.unexpectedPasses);
    }
}
