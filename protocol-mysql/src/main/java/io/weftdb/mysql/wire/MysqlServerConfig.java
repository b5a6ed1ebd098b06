package io.weftdb.mysql.wire;

/**
 * Settings of a MySQL listener.
 *
 * @param maxAllowedPacket the largest client packet accepted (MySQL's max_allowed_packet, 64 MB by default)
 * @param flushThresholdBytes output buffered before it is handed to the socket
 * @param rowsPerFlush rows sent between flushes, so slow queries still stream
 * @param maxQueuedInputBytes input queued for a busy session before the connection stops reading
 */
public record MysqlServerConfig(long maxAllowedPacket, int flushThresholdBytes, int rowsPerFlush,
                                long maxQueuedInputBytes) {
    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;

    public static MysqlServerConfig defaults() {
        return new MysqlServerConfig(DEFAULT_MAX_ALLOWED_PACKET, 64 * 1024, 256, 128L * 1024 * 1024);
    }

    public MysqlServerConfig withMaxAllowedPacket(long bytes) {
        return new MysqlServerConfig(bytes, flushThresholdBytes, rowsPerFlush, maxQueuedInputBytes);
    }
}
