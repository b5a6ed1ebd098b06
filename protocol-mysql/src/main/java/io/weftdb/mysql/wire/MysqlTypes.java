package io.weftdb.mysql.wire;

import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.expr.ColumnOrigin;
import io.weftdb.ir.type.DataType;
import io.weftdb.mysql.wire.protocol.ColumnDefinition;
import io.weftdb.mysql.wire.protocol.ColumnType;

/**
 * How engine types appear to MySQL clients: the wire type, character set, display length, flags
 * and decimals of a result column, and the type names SHOW COLUMNS prints.
 */
final class MysqlTypes {
    /** utf8mb4_general_ci: the connection and result collation this server speaks. */
    static final int UTF8MB4_GENERAL_CI = 45;
    /** The "binary" character set of numbers, dates and byte strings. */
    static final int BINARY = 63;
    private static final long MAX_CHAR_BYTES = 4;

    private MysqlTypes() {
    }

    static ColumnType wireType(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> ColumnType.TINY;
            case SMALLINT -> ColumnType.SHORT;
            case INTEGER -> ColumnType.LONG;
            case BIGINT -> ColumnType.LONGLONG;
            case REAL -> ColumnType.FLOAT;
            case DOUBLE -> ColumnType.DOUBLE;
            case NUMERIC -> ColumnType.NEWDECIMAL;
            case TEXT, BYTEA -> ColumnType.BLOB;
            case CHAR, UUID -> ColumnType.STRING;
            case DATE -> ColumnType.DATE;
            case TIME -> ColumnType.TIME;
            case TIMESTAMP -> ColumnType.DATETIME;
            case TIMESTAMPTZ -> ColumnType.TIMESTAMP;
            case JSON, JSONB -> ColumnType.JSON;
            case UNKNOWN, VARCHAR, INTERVAL, ARRAY, RECORD -> ColumnType.VAR_STRING;
        };
    }

    static ColumnDefinition column(ResultColumn column, String schema) {
        DataType type = column.type();
        ColumnType wire = wireType(type);
        int charset = switch (type.kind()) {
            case TEXT, VARCHAR, CHAR, UUID, UNKNOWN, INTERVAL, ARRAY, RECORD -> UTF8MB4_GENERAL_CI;
            default -> BINARY;
        };
        int flags = switch (type.kind()) {
            case BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, NUMERIC -> ColumnDefinition.NUM_FLAG;
            case BYTEA -> ColumnDefinition.BINARY_FLAG | 16;
            case TEXT -> 16;
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> ColumnDefinition.BINARY_FLAG;
            default -> 0;
        };
        long length = switch (type.kind()) {
            case BOOLEAN -> 1;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case REAL -> 12;
            case DOUBLE -> 22;
            case NUMERIC -> type.hasLength() ? type.length() + 2 : 67;
            case VARCHAR, CHAR -> type.hasLength() ? type.length() * MAX_CHAR_BYTES : 65535 * MAX_CHAR_BYTES;
            case UUID -> 36 * MAX_CHAR_BYTES;
            case DATE -> 10;
            case TIME -> 15;
            case TIMESTAMP, TIMESTAMPTZ -> 26;
            case TEXT, BYTEA, JSON, JSONB -> 0xFFFFFFFFL;
            case UNKNOWN, INTERVAL, ARRAY, RECORD -> 65535 * MAX_CHAR_BYTES;
        };
        int decimals = switch (type.kind()) {
            case REAL, DOUBLE -> 31;
            case NUMERIC -> type.hasLength() ? Math.max(type.scale(), 0) : 30;
            case TIME, TIMESTAMP, TIMESTAMPTZ -> 6;
            default -> 0;
        };
        // A column read unchanged from a table names it and carries its NOT NULL and key flags, as MySQL sends them.
        ColumnOrigin origin = column.origin();
        if (origin == null) {
            return new ColumnDefinition(schema == null ? "" : schema, "", "", column.name(), column.name(), charset, length,
                    wire, flags, decimals);
        }
        flags |= (origin.notNull() ? ColumnDefinition.NOT_NULL_FLAG : 0) | (origin.primaryKey() ? ColumnDefinition.PRI_KEY_FLAG : 0);
        return new ColumnDefinition(schema == null ? "" : schema, origin.table(), origin.table(), column.name(), origin.column(),
                charset, length, wire, flags, decimals);
    }

    /** The type as SHOW COLUMNS and SHOW CREATE TABLE spell it. */
    static String columnTypeName(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "tinyint(1)";
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case REAL -> "float";
            case DOUBLE -> "double";
            case NUMERIC -> type.hasLength() ? "decimal(" + type.length() + "," + Math.max(type.scale(), 0) + ")" : "decimal(65,30)";
            case TEXT -> "longtext";
            case VARCHAR -> type.hasLength() ? "varchar(" + type.length() + ")" : "longtext";
            case CHAR -> "char(" + Math.max(type.length(), 1) + ")";
            case BYTEA -> "longblob";
            case DATE -> "date";
            case TIME -> "time(6)";
            case TIMESTAMP -> "datetime(6)";
            case TIMESTAMPTZ -> "timestamp(6)";
            case UUID -> "char(36)";
            case JSON, JSONB -> "json";
            case UNKNOWN, INTERVAL, ARRAY, RECORD -> "longtext";
        };
    }
}
