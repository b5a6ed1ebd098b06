package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /v1/compat}: the compatibility status matrix (docs/status-matrix.json: corpus cases
 * per feature and protocol, the cases that do not pass, the sqllogictest figure) as the launcher
 * hands it in; 404 when this build has none.
 */
final class CompatEndpoint {
    private final Supplier<Optional<String>> report;

    CompatEndpoint(Supplier<Optional<String>> report) {
        this.report = report;
    }

    void get(HttpServerExchange exchange) {
        String json = report.get().orElseThrow(() -> ApiError.notFound("42704", "this build has no compatibility status matrix"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.setResponseContentLength(body.length);
        try (OutputStream out = exchange.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
