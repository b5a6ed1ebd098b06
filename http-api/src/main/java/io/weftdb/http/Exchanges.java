package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Reading request bodies within a limit and sending whole JSON responses, on a blocking exchange. */
final class Exchanges {
    /** Writes one JSON document. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private Exchanges() {
    }

    /** The request body, or 413 when it is (or claims to be) longer than {@code limit} bytes. */
    static byte[] readBody(HttpServerExchange exchange, long limit) {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = exchange.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (body.size() + (long) read > limit) {
                    throw tooLarge(limit);
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiError tooLarge(long limit) {
        return new ApiError(413, "54000", "request body is larger than the limit of " + limit + " bytes");
    }

    static void sendJson(HttpServerExchange exchange, int status, JsonBody body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.generator(buffer)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.write('\n');
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.setResponseContentLength(buffer.size());
        try (OutputStream out = exchange.getOutputStream()) {
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sendError(HttpServerExchange exchange, ApiError error) {
        if (error.status() == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"weftdb\"");
        }
        sendJson(exchange, error.status(), json -> Json.writeError(json, error));
    }
}
