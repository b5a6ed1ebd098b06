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

    /**
     * The first format the Accept header lists that this server has (q-values are not weighed);
     * JSON when it lists none of them, for a wildcard or for a missing header.
     */
    static ResultFormat accepted(HttpServerExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept == null) {
            return JSON;
        }
        for (String range : accept.split(",")) {
            String mediaType = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            switch (mediaType) {
                case "application/x-ndjson" -> {
                    return NDJSON;
                }
                case "text/csv" -> {
                    return CSV;
                }
                case "application/json" -> {
                    return JSON;
                }
                default -> {
                    // Not ours (or a wildcard): look further along the list.
                }
            }
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
