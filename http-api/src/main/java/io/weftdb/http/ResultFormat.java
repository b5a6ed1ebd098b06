package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Locale;

/** The response formats of statement results, chosen by the request's Accept header. */
enum ResultFormat {
    JSON("application/json"),
    NDJSON("application/x-ndjson"),
    CSV("text/csv; charset=utf-8");

    private final String contentType;

    ResultFormat(String contentType) {
        this.contentType = contentType;
    }

    /** NDJSON or CSV when the client accepts it, else JSON (also for a missing or wildcard Accept). */
    static ResultFormat accepted(HttpServerExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept == null) {
            return JSON;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        if (lower.contains("application/x-ndjson")) {
            return NDJSON;
        }
        if (lower.contains("text/csv")) {
            return CSV;
        }
        return JSON;
    }

    /**
     * A writer over a response that holds back {@code holdBytes} before streaming; the streaming
     * formats hold back little, as their point is that rows arrive while the statement runs.
     */
    ResultWriter writer(HttpServerExchange exchange, int holdBytes) throws IOException {
        return switch (this) {
            case JSON -> new JsonResultWriter(new ResponseOutput(exchange, contentType, holdBytes));
            case NDJSON -> new NdjsonResultWriter(new ResponseOutput(exchange, contentType, Math.min(holdBytes, 16 * 1024)));
            case CSV -> new CsvResultWriter(new ResponseOutput(exchange, contentType, Math.min(holdBytes, 16 * 1024)));
        };
    }
}
