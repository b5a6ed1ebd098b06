package io.weftdb.server;

import io.weftdb.pg.wire.PgServer;
import io.weftdb.pg.wire.PgServerConfig;

/** The PostgreSQL wire listener, on all interfaces like PostgreSQL with listen_addresses='*'. */
final class PostgresListener implements Listener {
    private final int port;
    private final PgServer server;

    PostgresListener(ListenerContext context) {
        this.port = context.port();
        this.server = new PgServer(context.engine(), PgServerConfig.defaults());
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void start() {
        server.start("0.0.0.0", port);
    }

    @Override
    public void stop() {
        server.stop();
    }
}
