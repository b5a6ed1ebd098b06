package io.weftdb.server;

import java.util.Map;
import java.util.Optional;

/**
 * The listeners this build has. None is built yet; as each protocol module gains its listener, add
 * it here, e.g. {@code Map.entry(Protocol.POSTGRESQL, (port, engine) -> new PgListener(port, engine))}.
 */
final class ListenerFactories {
    private static final Map<Protocol, ListenerFactory> BUILT = Map.of();

    private ListenerFactories() {
    }

    static Optional<ListenerFactory> find(Protocol protocol) {
        return Optional.ofNullable(BUILT.get(protocol));
    }
}
