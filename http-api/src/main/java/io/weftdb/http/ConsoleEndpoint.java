package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: a one-page web console that runs SQL through {@code /v1/sql} and lists tables.
 * The page holds no data, so it is served without the token; it asks for the token and sends it
 * with every call it makes.
 */
final class ConsoleEndpoint {
    private final byte[] page;

    ConsoleEndpoint() {
        try (InputStream in = ConsoleEndpoint.class.getResourceAsStream("console.html")) {
            if (in == null) {
                throw new IllegalStateException("console.html is missing from the http-api jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(HttpServerExchange exchange) throws IOException {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"),
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.setResponseContentLength(page.length);
        try (OutputStream out = exchange.getOutputStream()) {
            out.write(page);
        }
    }
}
