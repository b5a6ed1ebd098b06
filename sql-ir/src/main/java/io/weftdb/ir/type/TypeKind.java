package io.weftdb.ir.type;

/**
 * The SQL types the engine knows, with the Java class that carries a non-null value of each kind at
 * run time. Every layer (executor, key and row codecs, protocols) relies on this one mapping.
 */
public enum TypeKind {
    /** The type of an untyped literal or parameter before resolution (PostgreSQL's "unknown"). */
    UNKNOWN(Object.class),
    BOOLEAN(Boolean.class),
    SMALLINT(Long.class),
    INTEGER(Long.class),
    BIGINT(Long.class),
    REAL(Double.class),
    DOUBLE(Double.class),
    NUMERIC(java.math.BigDecimal.class),
    TEXT(String.class),
    VARCHAR(String.class),
    CHAR(String.class),
    BYTEA(io.weftdb.ir.type.Bytes.class),
    DATE(java.time.LocalDate.class),
    TIME(java.time.LocalTime.class),
    TIMESTAMP(java.time.LocalDateTime.class),
    TIMESTAMPTZ(java.time.Instant.class),
    INTERVAL(io.weftdb.ir.type.Interval.class),
    UUID(java.util.UUID.class),
    JSON(String.class),
    JSONB(String.class),
    ARRAY(java.util.List.class),
    /** A composite value: a row constructor's, or a set-returning function's several columns as one. */
    RECORD(io.weftdb.ir.type.RowValue.class);

    private final Class<?> javaClass;

    TypeKind(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isInteger() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isFloat() {
        return this == REAL || this == DOUBLE;
    }

    public boolean isNumeric() {
        return isInteger() || isFloat() || this == NUMERIC;
    }

    public boolean isString() {
        return this == TEXT || this == VARCHAR || this == CHAR;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMPTZ;
    }
}
