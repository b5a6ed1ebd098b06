package io.weftdb.compat.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A parsed corpus file. {@code feature} is its name without {@code .test}, the row of the matrix;
 * {@code name} its path within the corpus ({@code shared/joins.test}).
 */
public record CorpusFile(Scope scope, String name, String feature, List<CorpusRecord> records) {
    public CorpusFile {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feature, "feature");
        records = List.copyOf(records);
    }
}
