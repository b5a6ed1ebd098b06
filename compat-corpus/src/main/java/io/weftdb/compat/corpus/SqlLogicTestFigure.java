package io.weftdb.compat.corpus;

import java.util.List;

/** The sqllogictest run the report includes: which file globs, how many files and records, how many passed. */
public record SqlLogicTestFigure(List<String> globs, int files, long executed, long passed) {
    public SqlLogicTestFigure {
        globs = List.copyOf(globs);
    }

    public double rate() {
        return executed == 0 ? 0 : 100.0 * passed / executed;
    }
}
