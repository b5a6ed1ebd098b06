package io.weftdb.compat.corpus;

import java.util.List;
import java.util.Objects;

/**
 * An {@code expected-fail [@selector...] <reason>} marker: the case is known not to pass yet, on every
 * target, or only on those a selector names (a target id such as {@code pg-simple}, or a family:
 * {@code pg}, {@code mysql}, {@code http}).
 */
public record ExpectedFailure(List<String> selectors, String reason) {
    public ExpectedFailure {
        selectors = List.copyOf(selectors);
        Objects.requireNonNull(reason, "reason");
    }

    public boolean appliesTo(Target target) {
        return selectors.isEmpty() || selectors.stream().anyMatch(target::matches);
    }
}
