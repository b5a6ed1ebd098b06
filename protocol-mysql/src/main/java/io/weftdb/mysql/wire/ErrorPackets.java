package io.weftdb.mysql.wire;

import io.weftdb.ir.error.SqlException;
import io.weftdb.mysql.error.MysqlErrors;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import io.weftdb.mysql.wire.protocol.ErrPacket;

/** Errors as ERR packets: the listener's own, the engine's through the one error table, anything else as 1105. */
final class ErrorPackets {

    private ErrorPackets() {
    }

    /**
     * The ERR packet for {@code error}; {@code noDatabase} says the connection has no current database,
     * so a missing unqualified table is MySQL's 1046 rather than 1146.
     */
    static ErrPacket of(Throwable error, boolean noDatabase) {
        return switch (error) {
            case MysqlException mysql -> new ErrPacket(mysql.error().code(), mysql.error().sqlState(), mysql.getMessage());
            case SqlException sql -> {
                if (noDatabase && noDatabaseSelected(sql)) {
                    yield new ErrPacket(MysqlVendorError.ER_NO_DB_ERROR.code(), MysqlVendorError.ER_NO_DB_ERROR.sqlState(),
                            "No database selected");
                }
                MysqlVendorError vendor = MysqlErrors.of(sql.code());
                yield new ErrPacket(vendor.code(), vendor.sqlState(), sql.getMessage());
            }
            default -> new ErrPacket(MysqlVendorError.ER_UNKNOWN_ERROR.code(), MysqlVendorError.ER_UNKNOWN_ERROR.sqlState(),
                    "internal error: " + error);
        };
    }

    /** Without a current database an unqualified table cannot be found or created: MySQL's 1046. */
    private static boolean noDatabaseSelected(SqlException error) {
        String message = error.getMessage();
        return switch (error.code()) {
            case UNDEFINED_TABLE -> message.startsWith("relation \"") && !message.substring(10).contains(".");
            case UNDEFINED_SCHEMA -> message.contains("no schema has been selected");
            default -> false;
        };
    }
}
