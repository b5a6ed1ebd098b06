package io.weftdb.server;

import io.weftdb.compat.CompatReport;
import io.weftdb.http.HttpServer;
import io.weftdb.http.HttpServerConfig;
import io.weftdb.http.ListenerStatus;

/** The HTTP/JSON API listener, on all interfaces, with the launcher's TLS context and access token. */
final class HttpListener implements Listener {
    private final HttpServer server;

    HttpListener(ListenerContext context) {
        HttpServerConfig config = HttpServerConfig.defaults()
                .withPort(context.port())
                .withTls(context.tls())
                .withAuthToken(context.authToken());
        boolean tls = context.tls().isPresent();
        this.server = new HttpServer(context.engine(), context.parsers(), config, () -> context.serverListeners().get().stream()
                .map(listener -> new ListenerStatus(listener.name(), listener.port(), tls))
                .toList(), CompatReport::packagedMatrix);
    }

    @Override
    public String name() {
        return "HTTP";
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
