package io.weftdb.server;

import java.util.Map;
import java.util.Optional;

/** The listeners this build has; as each protocol module gains its listener, it is added here. */
final class ListenerFactories {
    private static final Map<Protocol, ListenerFactory> BUILT = Map.of(Protocol.POSTGRESQL, PostgresListener::new,
            Protocol.HTTP, HttpListener::new, Protocol.MYSQL, MysqlListener::new);

    private ListenerFactories() {
    }

    static Optional<ListenerFactory> find(Protocol protocol) {
        return Optional.ofNullable(BUILT.get(protocol));
    }
}
