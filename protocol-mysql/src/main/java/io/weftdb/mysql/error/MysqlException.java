package io.weftdb.mysql.error;

/**
 * An error the MySQL listener raises itself (no database selected, unknown system variable,
 * access denied...), with the vendor error it is reported as.
 */
public final class MysqlException extends RuntimeException {
    private final MysqlVendorError error;

    public MysqlException(MysqlVendorError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public MysqlVendorError error() {
        return error;
    }
}
