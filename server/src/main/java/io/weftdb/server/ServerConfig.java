package io.weftdb.server;

import io.weftdb.pg.wire.auth.PgAuthMethod;
import io.weftdb.server.tls.TlsSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code weftdb serve} was asked to do; a port of 0 disables that protocol's listener.
 *
 * @param tls where the TLS certificate comes from, or that TLS is off
 * @param authToken the access token clients must give as their password; empty: every client is trusted
 * @param pgAuthMethod how PostgreSQL clients give the token
 */
record ServerConfig(Path dataDirectory, boolean syncCommits, Map<Protocol, Integer> ports, TlsSettings tls,
                    Optional<String> authToken, PgAuthMethod pgAuthMethod) {

    ServerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        ports = Map.copyOf(new EnumMap<>(ports));
        for (Protocol protocol : Protocol.values()) {
            int port = Objects.requireNonNull(ports.get(protocol), protocol.displayName() + " port");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(protocol.displayName() + " port " + port + " is not between 0 and 65535");
            }
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(pgAuthMethod, "pgAuthMethod");
    }

    int port(Protocol protocol) {
        return ports.get(protocol);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ServerConfig[dataDirectory=" + dataDirectory + ", syncCommits=" + syncCommits + ", ports=" + ports + ", tls=" + tls
                + ", authToken=" + (authToken.isPresent() ? "set" : "unset") + ", pgAuthMethod=" + pgAuthMethod.configName() + "]";
    }
}
