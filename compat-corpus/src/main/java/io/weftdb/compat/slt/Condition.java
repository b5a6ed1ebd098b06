package io.weftdb.compat.slt;

import java.util.Objects;

/**
 * A {@code skipif <engine>} or {@code onlyif <engine>} line before a record.
 *
 * @param onlyIf true for {@code onlyif}, false for {@code skipif}
 * @param engine the engine name as written; matched case-insensitively
 */
public record Condition(boolean onlyIf, String engine) {
    public Condition {
        Objects.requireNonNull(engine, "engine");
    }

    /** Whether this condition keeps the record from running on {@code engineUnderTest}. */
    public boolean skips(String engineUnderTest) {
        boolean matches = engine.equalsIgnoreCase(engineUnderTest);
        return onlyIf != matches;
    }
}
