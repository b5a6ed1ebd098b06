package io.weftdb.server;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What {@code weftdb serve} was asked to do; a port of 0 disables that protocol's listener. */
record ServerConfig(Path dataDirectory, boolean syncCommits, Map<Protocol, Integer> ports) {

    ServerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        ports = Map.copyOf(new EnumMap<>(ports));
        for (Protocol protocol : Protocol.values()) {
            int port = Objects.requireNonNull(ports.get(protocol), protocol.displayName() + " port");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(protocol.displayName() + " port " + port + " is not between 0 and 65535");
            }
        }
    }

    int port(Protocol protocol) {
        return ports.get(protocol);
    }
}
