package io.weftdb.server;

import io.weftdb.pg.wire.PgSecurity;
import io.weftdb.pg.wire.PgServer;
import io.weftdb.pg.wire.PgServerConfig;
import io.weftdb.pg.wire.auth.PasswordAuthenticator;

/**
 * The PostgreSQL wire listener, on all interfaces like PostgreSQL with listen_addresses='*'. It
 * accepts SSLRequests when the server has TLS, and asks every client for the access token as its
 * password (any user name) when one is set.
 */
final class PostgresListener implements Listener {
    private final int port;
    private final PgServer server;

    PostgresListener(ListenerContext context) {
        this.port = context.port();
        PgSecurity security = new PgSecurity(context.tls(),
                context.authToken().map(token -> new PasswordAuthenticator(token, context.pgAuthMethod())));
        this.server = new PgServer(context.engine(), PgServerConfig.defaults(), security);
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
