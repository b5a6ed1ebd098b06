package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web console: {@code GET /} and its script and style under {@code /console/}, plain files
 * from the jar (nothing fetched from elsewhere). The page is a client of the API like any other;
 * it holds no data, so it is served without the token and asks for the token itself.
 * The Content-Security-Policy lets the page run only its own script and talk only to this server.
 */
final class ConsoleEndpoint {
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** A file of the console with its media type. */
    private record Asset(byte[] content, String contentType) {
    }

    private final Asset page;
    private final Map<String, Asset> assets;

    ConsoleEndpoint() {
        page = load("index.html", "text/html; charset=utf-8");
        assets = Map.of(
                "console.js", load("console.js", "text/javascript; charset=utf-8"),
                "console.css", load("console.css", "text/css; charset=utf-8"));
    }

    void page(HttpServerExchange exchange) throws IOException {
        send(exchange, page);
    }

    void asset(HttpServerExchange exchange, String name) throws IOException {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw ApiError.notFound("42704", "no console file " + name);
        }
        send(exchange, asset);
    }

    private static void send(HttpServerExchange exchange, Asset asset) throws IOException {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.contentType());
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), POLICY);
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        // The console changes with the server version; revalidating is cheap and never runs a stale script.
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.setResponseContentLength(asset.content().length);
        try (OutputStream out = exchange.getOutputStream()) {
            out.write(asset.content());
        }
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = ConsoleEndpoint.class.getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the http-api jar");
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
