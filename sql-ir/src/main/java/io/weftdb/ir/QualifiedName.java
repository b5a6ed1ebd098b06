package io.weftdb.ir;

import java.util.List;

/** A possibly qualified object name ({@code db.schema.table}, {@code t.col}); parts are already case-folded. */
public record QualifiedName(List<String> parts) {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    public static QualifiedName of(String... parts) {
        return new QualifiedName(List.of(parts));
    }

    /** The last part: the object's own name. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The qualifier before the last part, or null when unqualified. */
    public String qualifier() {
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    public int size() {
        return parts.size();
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
