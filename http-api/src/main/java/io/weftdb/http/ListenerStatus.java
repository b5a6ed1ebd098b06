package io.weftdb.http;

import java.util.Objects;

/**
 * One network listener of the server, as {@code GET /v1/status} lists it.
 *
 * @param protocol the protocol as shown to users: "PostgreSQL", "MySQL", "HTTP"
 * @param port     the TCP port it listens on
 * @param tls      whether it serves TLS
 */
public record ListenerStatus(String protocol, int port, boolean tls) {
    public ListenerStatus {
        Objects.requireNonNull(protocol, "protocol");
    }
}
