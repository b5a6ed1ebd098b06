package io.weftdb.pg.wire;

import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.time.ZoneId;

/**
 * The PostgreSQL type table of the wire protocol: the OID, length and modifier a column or
 * parameter of each engine type is reported with (the {@code pg_type} rows of a stock PostgreSQL),
 * the engine type an OID in a Parse message stands for, and the text format of values.
 */
public final class PgTypes {
    public static final int UNSPECIFIED = 0;
    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT4 = 23;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int JSON = 114;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int UNKNOWN = 705;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int NUMERIC = 1700;
    public static final int UUID = 2950;
    public static final int JSONB = 3802;

    private PgTypes() {
    }

    /**
     * The OID a value of {@code type} is reported with. An expression whose type stayed unknown (an
     * untyped literal in a select list, an unused parameter) is reported as text, as PostgreSQL
     * resolves it.
     */
    public static int oid(DataType type) {
        return switch (type.kind()) {
            case UNKNOWN, TEXT -> TEXT;
            case BOOLEAN -> BOOL;
            case SMALLINT -> INT2;
            case INTEGER -> INT4;
            case BIGINT -> INT8;
            case REAL -> FLOAT4;
            case DOUBLE -> FLOAT8;
            case NUMERIC -> NUMERIC;
            case VARCHAR -> VARCHAR;
            case CHAR -> BPCHAR;
            case BYTEA -> BYTEA;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case INTERVAL -> INTERVAL;
            case UUID -> UUID;
            case JSON -> JSON;
            case JSONB -> JSONB;
            case RECORD -> 2249;
            case ARRAY -> type.isVector() ? (type.element().kind() == TypeKind.SMALLINT ? 22 : 30) : arrayOid(type.element());
        };
    }

    /** The OID of the array type whose elements are {@code element} (PostgreSQL's {@code _int4} and so on). */
    public static int arrayOid(DataType element) {
        return switch (element.kind()) {
            case UNKNOWN, TEXT -> 1009;
            case BOOLEAN -> 1000;
            case SMALLINT -> 1005;
            case INTEGER -> 1007;
            case BIGINT -> 1016;
            case REAL -> 1021;
            case DOUBLE -> 1022;
            case NUMERIC -> 1231;
            case VARCHAR -> 1015;
            case CHAR -> 1014;
            case BYTEA -> 1001;
            case DATE -> 1182;
            case TIME -> 1183;
            case TIMESTAMP -> 1115;
            case TIMESTAMPTZ -> 1185;
            case INTERVAL -> 1187;
            case UUID -> 2951;
            case JSON -> 199;
            case JSONB -> 3807;
            case RECORD -> 2287;
            case ARRAY -> arrayOid(element.element());
        };
    }

    /**
     * The engine type a parameter type OID of a Parse message stands for, or null when the OID is
     * 0 (infer it) or names a type this table does not know (the value is then handed over as text).
     */
    public static DataType dataType(int oid) {
        return switch (oid) {
            case BOOL -> DataType.BOOLEAN;
            case BYTEA -> DataType.BYTEA;
            case INT8 -> DataType.BIGINT;
            case INT2 -> DataType.SMALLINT;
            case INT4, OID -> DataType.INTEGER;
            case TEXT -> DataType.TEXT;
            case JSON -> DataType.JSON;
            case FLOAT4 -> DataType.REAL;
            case FLOAT8 -> DataType.DOUBLE;
            case UNKNOWN -> DataType.UNKNOWN;
            case BPCHAR -> DataType.of(TypeKind.CHAR);
            case VARCHAR -> DataType.VARCHAR;
            case DATE -> DataType.DATE;
            case TIME -> DataType.TIME;
            case TIMESTAMP -> DataType.TIMESTAMP;
            case TIMESTAMPTZ -> DataType.TIMESTAMPTZ;
            case INTERVAL -> DataType.INTERVAL;
            case NUMERIC -> DataType.NUMERIC;
            case UUID -> DataType.UUID;
            case JSONB -> DataType.JSONB;
            default -> null;
        };
    }

    /** {@code pg_type.typlen}: the fixed size in bytes, or -1 for variable-length types. */
    public static int typeLength(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> 1;
            case SMALLINT -> 2;
            case INTEGER, REAL, DATE -> 4;
            case BIGINT, DOUBLE, TIME, TIMESTAMP, TIMESTAMPTZ -> 8;
            case INTERVAL, UUID -> 16;
            case UNKNOWN, NUMERIC, TEXT, VARCHAR, CHAR, BYTEA, JSON, JSONB, ARRAY, RECORD -> -1;
        };
    }

    /**
     * The type modifier ({@code atttypmod}): the declared length plus 4 for varchar(n) and char(n),
     * {@code ((precision << 16) | scale) + 4} for numeric(p, s), -1 when there is none.
     */
    public static int typeModifier(DataType type) {
        return switch (type.kind()) {
            case VARCHAR, CHAR -> type.hasLength() ? type.length() + 4 : -1;
            case NUMERIC -> type.hasLength() ? ((type.length() << 16) | Math.max(type.scale(), 0)) + 4 : -1;
            case UNKNOWN, BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, TEXT, BYTEA, DATE, TIME, TIMESTAMP, TIMESTAMPTZ,
                 INTERVAL, UUID, JSON, JSONB, ARRAY, RECORD -> -1;
        };
    }

    /**
     * The text format of a non-null value: PostgreSQL's output function with the ISO DateStyle,
     * booleans as {@code t}/{@code f}, timestamps with time zone shown in {@code zone}.
     */
    public static String text(Object value, DataType type, ZoneId zone) {
        return TextFormat.format(value, type, zone);
    }
}
