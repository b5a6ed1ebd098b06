package io.weftdb.pg.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves PostgreSQL type names to IR data types and checks their modifiers with PostgreSQL's
 * messages. Generic names are the pg_type names (int4, bool, timestamptz...), unqualified or in
 * pg_catalog; the SQL-standard spellings (INTEGER, DOUBLE PRECISION...) come through the grammar.
 */
final class TypeNames {
    /** A resolved type; {@code serial} marks serial/bigserial/smallserial, only valid for columns. */
    record ResolvedType(DataType type, boolean serial) {
    }

    private static final int MAX_NUMERIC_PRECISION = 1000;
    private static final int MAX_CHARACTER_LENGTH = 10 * 1024 * 1024;

    private static final Map<String, DataType> SIMPLE_TYPES = Map.ofEntries(
            Map.entry("bool", DataType.BOOLEAN),
            Map.entry("int2", DataType.SMALLINT),
            Map.entry("int4", DataType.INTEGER),
            Map.entry("int8", DataType.BIGINT),
            Map.entry("float4", DataType.REAL),
            Map.entry("float8", DataType.DOUBLE),
            Map.entry("text", DataType.TEXT),
            Map.entry("bytea", DataType.BYTEA),
            Map.entry("date", DataType.DATE),
            Map.entry("uuid", DataType.UUID),
            Map.entry("json", DataType.JSON),
            Map.entry("jsonb", DataType.JSONB),
            // An oid is an unsigned 32-bit number; catalog views expose oids as bigint.
            Map.entry("oid", DataType.BIGINT));

    /** The object identifier types a cast turns into a catalog lookup (see AstBuilder's objectReferenceCast). */
    static final Set<String> OBJECT_REFERENCE_TYPES = Set.of("regclass", "regtype", "regnamespace", "regrole", "regproc");

    /** Types whose precision PostgreSQL accepts as a modifier; the IR does not keep it. */
    private static final Map<String, DataType> PRECISION_TYPES = Map.of(
            "time", DataType.TIME,
            "timestamp", DataType.TIMESTAMP,
            "timestamptz", DataType.TIMESTAMPTZ,
            "interval", DataType.INTERVAL);

    private static final Map<String, DataType> SERIAL_TYPES = Map.of(
            "serial", DataType.INTEGER, "serial4", DataType.INTEGER,
            "bigserial", DataType.BIGINT, "serial8", DataType.BIGINT,
            "smallserial", DataType.SMALLINT, "serial2", DataType.SMALLINT);

    /** PostgreSQL types a client may well name that WeftDB does not implement. */
    private static final Set<String> UNSUPPORTED_TYPES = Set.of(
            "timetz", "money", "inet", "cidr", "macaddr", "macaddr8", "bit", "varbit", "xml", "regclass",
            "regtype", "regproc", "regprocedure", "regnamespace", "name", "char", "point", "line", "lseg", "box",
            "path", "polygon", "circle", "tsvector", "tsquery", "jsonpath", "pg_lsn", "int4range", "int8range",
            "numrange", "tsrange", "tstzrange", "daterange", "record", "void");

    private TypeNames() {
    }

    static ResolvedType generic(List<String> nameParts, List<Long> modifiers, int position) {
        String name = nameParts.getLast();
        boolean inCatalog = nameParts.size() == 1
                || nameParts.size() == 2 && nameParts.getFirst().equals("pg_catalog");
        if (!inCatalog) {
            throw undefined(String.join(".", nameParts), position);
        }
        if (SERIAL_TYPES.containsKey(name)) {
            requireNoModifiers(name, modifiers, position);
            return new ResolvedType(SERIAL_TYPES.get(name), true);
        }
        DataType type = switch (name) {
            case "numeric" -> numeric(modifiers, position);
            case "varchar" -> varchar(singleModifier(modifiers, position), position);
            case "bpchar" -> character(singleModifier(modifiers, position), position);
            default -> null;
        };
        if (type != null) {
            return new ResolvedType(type, false);
        }
        if (PRECISION_TYPES.containsKey(name)) {
            singleModifier(modifiers, position);
            return new ResolvedType(PRECISION_TYPES.get(name), false);
        }
        if (SIMPLE_TYPES.containsKey(name)) {
            requireNoModifiers(name, modifiers, position);
            return new ResolvedType(SIMPLE_TYPES.get(name), false);
        }
        if (UNSUPPORTED_TYPES.contains(name)) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "type \"" + name + "\" is not supported", position);
        }
        throw undefined(name, position);
    }

    static DataType numeric(List<Long> modifiers, int position) {
        if (modifiers.isEmpty()) {
            return DataType.NUMERIC;
        }
        if (modifiers.size() > 2) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "invalid NUMERIC type modifier", position);
        }
        long precision = modifiers.get(0);
        long scale = modifiers.size() == 2 ? modifiers.get(1) : 0;
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and " + MAX_NUMERIC_PRECISION, position);
        }
        if (scale < 0 || scale > precision) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale " + scale + " must be between 0 and precision " + precision, position);
        }
        return DataType.numeric((int) precision, (int) scale);
    }

    /** {@code varchar} without a length is unbounded. */
    static DataType varchar(Long length, int position) {
        return length == null ? DataType.VARCHAR : DataType.varchar(checkedLength("varchar", length, position));
    }

    /** {@code bpchar} without a length is unbounded; the grammar turns a bare {@code char} into char(1). */
    static DataType character(Long length, int position) {
        return length == null
                ? DataType.of(TypeKind.CHAR)
                : DataType.character(checkedLength("char", length, position));
    }

    /** {@code float(p)}: up to 24 bits of precision is real, up to 53 is double precision. */
    static DataType floatingPoint(long precision, int position) {
        if (precision < 1) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be at least 1 bit", position);
        }
        if (precision > 53) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be less than 54 bits", position);
        }
        return precision <= 24 ? DataType.REAL : DataType.DOUBLE;
    }

    static SqlException undefined(String name, int position) {
        return new SqlException(ErrorCode.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist", position);
    }

    private static int checkedLength(String typeName, long length, int position) {
        if (length < 1) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " must be at least 1", position);
        }
        if (length > MAX_CHARACTER_LENGTH) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " cannot exceed " + MAX_CHARACTER_LENGTH, position);
        }
        return (int) length;
    }

    private static Long singleModifier(List<Long> modifiers, int position) {
        if (modifiers.size() > 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "invalid type modifier", position);
        }
        return modifiers.isEmpty() ? null : modifiers.getFirst();
    }

    private static void requireNoModifiers(String name, List<Long> modifiers, int position) {
        if (!modifiers.isEmpty()) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR,
                    "type modifier is not allowed for type \"" + name + "\"", position);
        }
    }
}
