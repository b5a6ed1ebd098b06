package io.weftdb.ir.type;

import java.util.List;
import java.util.Objects;

/**
 * A SQL data type: a kind plus its modifiers. {@code length} is the declared length of
 * varchar/char or the precision of numeric (-1 when unspecified); {@code scale} is numeric's scale
 * (-1 when unspecified); {@code element} is the element type of an array.
 */
public record DataType(TypeKind kind, int length, int scale, DataType element, List<Field> fields) {
    public static final DataType UNKNOWN = of(TypeKind.UNKNOWN);
    public static final DataType BOOLEAN = of(TypeKind.BOOLEAN);
    public static final DataType SMALLINT = of(TypeKind.SMALLINT);
    public static final DataType INTEGER = of(TypeKind.INTEGER);
    public static final DataType BIGINT = of(TypeKind.BIGINT);
    public static final DataType REAL = of(TypeKind.REAL);
    public static final DataType DOUBLE = of(TypeKind.DOUBLE);
    public static final DataType NUMERIC = of(TypeKind.NUMERIC);
    public static final DataType TEXT = of(TypeKind.TEXT);
    public static final DataType VARCHAR = of(TypeKind.VARCHAR);
    public static final DataType BYTEA = of(TypeKind.BYTEA);
    public static final DataType DATE = of(TypeKind.DATE);
    public static final DataType TIME = of(TypeKind.TIME);
    public static final DataType TIMESTAMP = of(TypeKind.TIMESTAMP);
    public static final DataType TIMESTAMPTZ = of(TypeKind.TIMESTAMPTZ);
    public static final DataType INTERVAL = of(TypeKind.INTERVAL);
    public static final DataType UUID = of(TypeKind.UUID);
    public static final DataType JSON = of(TypeKind.JSON);
    public static final DataType JSONB = of(TypeKind.JSONB);

    /** One field of a composite (record) value: its name and type. */
    public record Field(String name, DataType type) {}

    public DataType {
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
        if (kind != TypeKind.RECORD && !fields.isEmpty()) {
            throw new IllegalArgumentException("only records have fields");
        }
        if (kind == TypeKind.ARRAY) {
            Objects.requireNonNull(element, "array element type");
        } else if (element != null) {
            throw new IllegalArgumentException("only arrays have an element type");
        }
        if (kind == TypeKind.NUMERIC && length >= 0 && (length < 1 || length > 1000 || scale > length)) {
            throw new IllegalArgumentException("numeric precision/scale out of range");
        }
    }

    public static DataType of(TypeKind kind) {
        return new DataType(kind, -1, -1, null, List.of());
    }

    public static DataType varchar(int length) {
        return new DataType(TypeKind.VARCHAR, length, -1, null, List.of());
    }

    public static DataType character(int length) {
        return new DataType(TypeKind.CHAR, length, -1, null, List.of());
    }

    public static DataType numeric(int precision, int scale) {
        return new DataType(TypeKind.NUMERIC, precision, scale, null, List.of());
    }

    public static DataType arrayOf(DataType element) {
        return new DataType(TypeKind.ARRAY, -1, -1, element, List.of());
    }

    /**
     * PostgreSQL's int2vector and oidvector (the catalog's index key lists): arrays whose subscripts
     * start at 0 and whose text form is the elements separated by spaces ({@code 1 3}). The marker
     * is the array's length field, which plain arrays leave at -1.
     */
    public static DataType vectorOf(DataType element) {
        return new DataType(TypeKind.ARRAY, VECTOR, -1, element, List.of());
    }

    private static final int VECTOR = 0;

    public boolean isVector() {
        return kind == TypeKind.ARRAY && length == VECTOR;
    }

    /**
     * An anonymous composite type, as a row constructor or a function returning several columns
     * (pg_catalog's {@code record}); its values are {@link RowValue}s.
     */
    public static DataType record(List<Field> fields) {
        return new DataType(TypeKind.RECORD, -1, -1, null, fields);
    }

    /** The position of the field called {@code name} in a record type, or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasLength() {
        return length >= 0;
    }

    /** The PostgreSQL spelling, as format_type() and error messages write it. */
    public String sqlName() {
        return switch (kind) {
            case UNKNOWN -> "unknown";
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case NUMERIC -> length >= 0 ? "numeric(" + length + "," + Math.max(scale, 0) + ")" : "numeric";
            case TEXT -> "text";
            case VARCHAR -> length >= 0 ? "character varying(" + length + ")" : "character varying";
            case CHAR -> "character(" + Math.max(length, 1) + ")";
            case BYTEA -> "bytea";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case INTERVAL -> "interval";
            case UUID -> "uuid";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case RECORD -> "record";
            case ARRAY -> isVector() ? (element.kind() == TypeKind.SMALLINT ? "int2vector" : "oidvector")
                    : element.sqlName() + "[]";
        };
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
