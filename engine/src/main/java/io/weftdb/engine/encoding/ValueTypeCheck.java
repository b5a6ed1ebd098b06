package io.weftdb.engine.encoding;

import io.weftdb.ir.type.TypeKind;

/**
 * Casts a run-time value to the Java class {@link TypeKind} assigns its kind, failing with a message
 * that names the SQL type: a wrong class here is an engine bug, and a bare ClassCastException from
 * deep inside a codec would not say which column or type was involved.
 */
final class ValueTypeCheck {
    private ValueTypeCheck() {
    }

    static <T> T cast(TypeKind kind, Object value, Class<T> expected) {
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + kind + " value must be a " + expected.getSimpleName()
                    + ", not a " + value.getClass().getName());
        }
        return expected.cast(value);
    }
}
