package io.weftdb.engine.system;

import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's fixed type OIDs and pg_type facts for the types the engine has (plus the catalog's
 * own oid, name, "char" and reg* types), and the engine type each catalog column is exposed with.
 * The OIDs are PostgreSQL's, so clients that hard-code them (pgjdbc, psql, drivers' type caches)
 * read the right types; the protocol module keeps its own copy of the numbers for the wire.
 *
 * <p>The catalog's special column types are exposed with the closest engine type: {@code oid} and
 * the {@code reg*} types as bigint (an oid is an unsigned 32-bit number; the engine's object ids are
 * longs), {@code name}, {@code "char"} and {@code pg_node_tree} as text, {@code int2vector} and
 * {@code oidvector} as arrays (printed {@code {1,2}} rather than {@code 1 2}).
 */
public final class SystemTypes {
    /** One pg_type row's facts. {@code category} is typcategory; {@code arrayOid} 0 for array types themselves. */
    public record TypeInfo(long oid, String name, String displayName, int length, boolean byValue, String category,
                           boolean preferred, long arrayOid, long elementOid, String align, String storage,
                           long collation) {
        public boolean isArray() {
            return elementOid != 0;
        }
    }

    public static final long BOOL = 16;
    public static final long BYTEA = 17;
    public static final long CHAR = 18;
    public static final long NAME = 19;
    public static final long INT8 = 20;
    public static final long INT2 = 21;
    public static final long INT4 = 23;
    public static final long REGPROC = 24;
    public static final long TEXT = 25;
    public static final long OID = 26;
    public static final long JSON = 114;
    public static final long FLOAT4 = 700;
    public static final long FLOAT8 = 701;
    public static final long UNKNOWN = 705;
    public static final long BPCHAR = 1042;
    public static final long VARCHAR = 1043;
    public static final long DATE = 1082;
    public static final long TIME = 1083;
    public static final long TIMESTAMP = 1114;
    public static final long TIMESTAMPTZ = 1184;
    public static final long INTERVAL = 1186;
    public static final long NUMERIC = 1700;
    public static final long REGCLASS = 2205;
    public static final long REGTYPE = 2206;
    public static final long UUID = 2950;
    public static final long JSONB = 3802;

    /** The default collation's oid: the collation of PostgreSQL's collatable types. */
    public static final long DEFAULT_COLLATION = 100;
    public static final long C_COLLATION = 950;
    public static final long POSIX_COLLATION = 951;

    private static final Map<Long, TypeInfo> TYPES = new LinkedHashMap<>();

    static {
        base(BOOL, "bool", "boolean", 1, true, "B", true, 1000, "c", "p", 0);
        base(BYTEA, "bytea", "bytea", -1, false, "U", false, 1001, "i", "x", 0);
        base(CHAR, "char", "\"char\"", 1, true, "Z", false, 1002, "c", "p", 0);
        base(NAME, "name", "name", 64, false, "S", false, 1003, "c", "p", C_COLLATION);
        base(INT8, "int8", "bigint", 8, true, "N", false, 1016, "d", "p", 0);
        base(INT2, "int2", "smallint", 2, true, "N", false, 1005, "s", "p", 0);
        base(INT4, "int4", "integer", 4, true, "N", false, 1007, "i", "p", 0);
        base(REGPROC, "regproc", "regproc", 4, true, "N", false, 1008, "i", "p", 0);
        base(TEXT, "text", "text", -1, false, "S", true, 1009, "i", "x", DEFAULT_COLLATION);
        base(OID, "oid", "oid", 4, true, "N", true, 1028, "i", "p", 0);
        base(JSON, "json", "json", -1, false, "U", false, 199, "i", "x", 0);
        base(FLOAT4, "float4", "real", 4, true, "N", false, 1021, "i", "p", 0);
        base(FLOAT8, "float8", "double precision", 8, true, "N", true, 1022, "d", "p", 0);
        base(UNKNOWN, "unknown", "unknown", -2, false, "X", false, 0, "c", "p", 0);
        base(BPCHAR, "bpchar", "character", -1, false, "S", false, 1014, "i", "x", DEFAULT_COLLATION);
        base(VARCHAR, "varchar", "character varying", -1, false, "S", false, 1015, "i", "x", DEFAULT_COLLATION);
        base(DATE, "date", "date", 4, true, "D", false, 1182, "i", "p", 0);
        base(TIME, "time", "time without time zone", 8, true, "D", false, 1183, "d", "p", 0);
        base(TIMESTAMP, "timestamp", "timestamp without time zone", 8, true, "D", false, 1115, "d", "p", 0);
        base(TIMESTAMPTZ, "timestamptz", "timestamp with time zone", 8, true, "D", true, 1185, "d", "p", 0);
        base(INTERVAL, "interval", "interval", 16, false, "T", true, 1187, "d", "p", 0);
        base(NUMERIC, "numeric", "numeric", -1, false, "N", false, 1231, "i", "m", 0);
        base(REGCLASS, "regclass", "regclass", 4, true, "N", false, 2210, "i", "p", 0);
        base(REGTYPE, "regtype", "regtype", 4, true, "N", false, 2211, "i", "p", 0);
        base(UUID, "uuid", "uuid", 16, false, "U", false, 2951, "c", "p", 0);
        base(JSONB, "jsonb", "jsonb", -1, false, "U", false, 3807, "i", "x", 0);
        // Types of the catalog's own columns, so pg_attribute describes them as PostgreSQL does.
        base(22, "int2vector", "int2vector", -1, false, "A", false, 1006, "i", "p", 0);
        base(28, "xid", "xid", 4, true, "U", false, 1011, "i", "p", 0);
        base(30, "oidvector", "oidvector", -1, false, "A", false, 1013, "i", "p", 0);
        base(194, "pg_node_tree", "pg_node_tree", -1, false, "Z", false, 0, "i", "x", DEFAULT_COLLATION);
        base(869, "inet", "inet", -1, false, "I", false, 1041, "i", "m", 0);
        base(1033, "aclitem", "aclitem", 12, false, "U", false, 1034, "i", "p", 0);
        base(2249, "record", "record", -1, false, "P", false, 2287, "d", "x", 0);
        base(2277, "anyarray", "anyarray", -1, false, "P", false, 0, "d", "x", 0);
        base(4089, "regnamespace", "regnamespace", 4, true, "N", false, 4090, "i", "p", 0);
        base(4096, "regrole", "regrole", 4, true, "N", false, 4097, "i", "p", 0);
        for (TypeInfo element : List.copyOf(TYPES.values())) {
            if (element.arrayOid() != 0) {
                TYPES.put(element.arrayOid(), new TypeInfo(element.arrayOid(), "_" + element.name(),
                        element.displayName() + "[]", -1, false, "A", false, 0, element.oid(),
                        element.align().equals("d") ? "d" : "i", "x", element.collation()));
            }
        }
    }

    private SystemTypes() {
    }

    private static void base(long oid, String name, String displayName, int length, boolean byValue, String category,
                             boolean preferred, long arrayOid, String align, String storage, long collation) {
        TYPES.put(oid, new TypeInfo(oid, name, displayName, length, byValue, category, preferred, arrayOid, 0, align,
                storage, collation));
    }

    /** Every type pg_type lists, base types first. */
    public static List<TypeInfo> all() {
        return List.copyOf(TYPES.values());
    }

    /** The type with this oid, or null. */
    public static TypeInfo byOid(long oid) {
        return TYPES.get(oid);
    }

    /** The pg_type oid of an engine type; an unresolved literal's type is text, as PostgreSQL resolves it. */
    public static long oid(DataType type) {
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
            case ARRAY -> type.isVector() ? (type.element().kind() == TypeKind.SMALLINT ? 22 : 30)
                    : TYPES.get(oid(type.element())).arrayOid();
        };
    }

    /**
     * The type modifier (atttypmod): length + 4 for varchar(n)/char(n), ((precision << 16) | scale)
     * + 4 for numeric(p, s), -1 when there is none.
     */
    public static int typeModifier(DataType type) {
        if (type.kind() == TypeKind.ARRAY) {
            return typeModifier(type.element());
        }
        if ((type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR) && type.hasLength()) {
            return type.length() + 4;
        }
        if (type.kind() == TypeKind.NUMERIC && type.hasLength()) {
            return ((type.length() << 16) | Math.max(type.scale(), 0)) + 4;
        }
        return -1;
    }

    /** PostgreSQL's format_type(oid, typmod): the SQL spelling with the modifier applied; null for an unknown oid. */
    public static String format(long oid, Long typmod) {
        TypeInfo type = TYPES.get(oid);
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            return format(type.elementOid(), typmod) + "[]";
        }
        int modifier = typmod == null ? -1 : typmod.intValue();
        String name = type.displayName();
        if (modifier < 0) {
            return oid == BPCHAR && typmod != null ? "bpchar" : name;
        }
        if (oid == VARCHAR || oid == BPCHAR) {
            return name + "(" + (modifier - 4) + ")";
        }
        if (oid == NUMERIC) {
            int value = modifier - 4;
            return "numeric(" + (value >> 16) + "," + (value & 0xffff) + ")";
        }
        return name;
    }

    /**
     * The pg_type oid of a catalog column declared as format_type spells its type; the
     * information_schema domains are given their base types' oids.
     */
    static long columnTypeOid(String spec) {
        String name = spec.startsWith("information_schema.") ? spec.substring("information_schema.".length()) : spec;
        if (name.endsWith("[]")) {
            return TYPES.get(columnTypeOid(name.substring(0, name.length() - 2))).arrayOid();
        }
        return switch (name) {
            case "sql_identifier" -> NAME;
            case "cardinal_number" -> INT4;
            case "yes_or_no", "character_data" -> VARCHAR;
            case "time_stamp" -> TIMESTAMPTZ;
            default -> TYPES.values().stream().filter(type -> type.name().equals(name) || type.displayName().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no pg_type for " + spec)).oid();
        };
    }

    /** The engine type of a catalog column declared as PostgreSQL's format_type spells its type. */
    static DataType columnType(String spec) {
        String name = spec.startsWith("information_schema.") ? spec.substring("information_schema.".length()) : spec;
        if (name.endsWith("[]")) {
            return DataType.arrayOf(columnType(name.substring(0, name.length() - 2)));
        }
        return switch (name) {
            case "oid", "regproc", "regtype", "regclass", "xid" -> DataType.BIGINT;
            case "name", "\"char\"", "text", "pg_node_tree", "aclitem", "anyarray", "inet", "sql_identifier",
                 "character_data" -> DataType.TEXT;
            case "yes_or_no" -> DataType.varchar(3);
            case "cardinal_number", "integer" -> DataType.INTEGER;
            case "time_stamp", "timestamp with time zone" -> DataType.TIMESTAMPTZ;
            case "smallint" -> DataType.SMALLINT;
            case "bigint" -> DataType.BIGINT;
            case "real" -> DataType.REAL;
            case "boolean" -> DataType.BOOLEAN;
            case "bytea" -> DataType.BYTEA;
            case "int2vector" -> DataType.vectorOf(DataType.SMALLINT);
            case "oidvector" -> DataType.vectorOf(DataType.BIGINT);
            default -> throw new IllegalArgumentException("no engine type for catalog column type " + spec);
        };
    }
}
