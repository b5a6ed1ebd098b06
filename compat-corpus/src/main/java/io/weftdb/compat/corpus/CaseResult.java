package io.weftdb.compat.corpus;

import java.util.Objects;

/**
 * One case on one target. {@code detail} says what went wrong for a failure, and gives the
 * expected-fail reason for a known failure.
 */
public record CaseResult(String file, int line, Target target, Status status, String detail) {
    public CaseResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Status {
        PASSED,
        /** Failed, and not marked expected-fail: a regression or a case written wrong. */
        FAILED,
        /** Failed as its expected-fail marker says. */
        EXPECTED_FAILURE,
        /** Marked expected-fail but passed: the marker can go. */
        UNEXPECTED_PASS
    }
}
