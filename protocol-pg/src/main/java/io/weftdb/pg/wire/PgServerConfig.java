package io.weftdb.pg.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a PostgreSQL listener.
 *
 * @param maxMessageBytes the largest Query, Parse or Bind message accepted, length field included;
 *     a larger one ends the connection with FATAL 08P01 (PostgreSQL's own limit is 1 GiB)
 * @param flushThresholdBytes buffered output that is sent without waiting for the end of a result
 * @param rowsPerFlush data rows after which buffered output is sent, so slow results still stream
 * @param maxQueuedInputBytes decoded input waiting for the session above which the
 *     connection stops reading until half of it has been processed
 * @param authenticationTimeout how long a connection may take from connecting to being let in
 *     (startup, TLS handshake, password); then it is closed without a word, like PostgreSQL's
 *     {@code authentication_timeout} (one minute there too)
 */
public record PgServerConfig(int maxMessageBytes, int flushThresholdBytes, int rowsPerFlush,
                             int maxQueuedInputBytes, Duration authenticationTimeout) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

    public PgServerConfig {
        if (maxMessageBytes < 10_000) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 10000");
        }
        if (flushThresholdBytes < 1 || rowsPerFlush < 1 || maxQueuedInputBytes < 1) {
            throw new IllegalArgumentException("flush thresholds and the input queue limit must be positive");
        }
        Objects.requireNonNull(authenticationTimeout, "authenticationTimeout");
        if (authenticationTimeout.isNegative() || authenticationTimeout.isZero()) {
            throw new IllegalArgumentException("authenticationTimeout must be positive");
        }
    }

    public static PgServerConfig defaults() {
        return new PgServerConfig(DEFAULT_MAX_MESSAGE_BYTES, 64 * 1024, 1000, 64 * 1024 * 1024, Duration.ofMinutes(1));
    }

    public PgServerConfig withMaxMessageBytes(int bytes) {
        return new PgServerConfig(bytes, flushThresholdBytes, rowsPerFlush, maxQueuedInputBytes,
                authenticationTimeout);
    }

    public PgServerConfig withAuthenticationTimeout(Duration timeout) {
        return new PgServerConfig(maxMessageBytes, flushThresholdBytes, rowsPerFlush, maxQueuedInputBytes, timeout);
    }
}
