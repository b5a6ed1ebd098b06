package io.weftdb.server;

import io.weftdb.mysql.wire.MysqlServer;
import io.weftdb.mysql.wire.MysqlServerConfig;

/**
 * The MySQL wire listener, on all interfaces. It offers TLS (the SSL capability) when the server
 * has a TLS context, and takes the access token as every user's password when one is set.
 */
final class MysqlListener implements Listener {
    private final int port;
    private final MysqlServer server;

    MysqlListener(ListenerContext context) {
        this.port = context.port();
        this.server = new MysqlServer(context.engine(), MysqlServerConfig.defaults(), context.tls(), context.authToken());
    }

    @Override
    public String name() {
        return "MySQL";
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
