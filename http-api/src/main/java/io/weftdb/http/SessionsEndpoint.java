package io.weftdb.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.SessionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code POST /v1/sessions} (body optional: {@code {"database"}}) opens a session kept between
 * requests and answers its id; {@code DELETE /v1/sessions/{id}} stops what it runs, rolls back its
 * transaction and ends it; {@code DELETE /v1/queries/{id}} cancels a running request's statement.
 */
final class SessionsEndpoint {
    private final HttpSessions sessions;
    private final RunningQueries queries;
    private final Duration idleTimeout;
    private final long maxRequestBytes;

    SessionsEndpoint(HttpSessions sessions, RunningQueries queries, Duration idleTimeout, long maxRequestBytes) {
        this.sessions = sessions;
        this.queries = queries;
        this.idleTimeout = idleTimeout;
        this.maxRequestBytes = maxRequestBytes;
    }

    void open(HttpServerExchange exchange) {
        String database = database(Exchanges.readBody(exchange, maxRequestBytes));
        HttpSession session = sessions.open(database);
        Exchanges.sendJson(exchange, 201, json -> {
            json.writeStartObject();
            json.writeStringField("id", session.id());
            json.writeStringField("database", session.session().database());
            json.writeNumberField("idleTimeoutMs", idleTimeout.toMillis());
            json.writeEndObject();
        });
    }

    void close(HttpServerExchange exchange, String id) {
        if (!sessions.close(id)) {
            throw ApiError.notFound("08003", "session " + id + " does not exist");
        }
        exchange.setStatusCode(204);
    }

    void cancel(HttpServerExchange exchange, String id) {
        if (!queries.cancel(id)) {
            throw ApiError.notFound("42704", "no query with id \"" + id + "\" is running");
        }
        exchange.setStatusCode(204);
    }

    private static String database(byte[] body) {
        if (body.length == 0) {
            return SessionOptions.DEFAULT_DATABASE;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isEmpty() && root.isObject()) {
            return SessionOptions.DEFAULT_DATABASE;
        }
        JsonNode database = root.isObject() ? root.get("database") : null;
        if (database == null || !database.isTextual() || root.size() != 1) {
            throw ApiError.badRequest("a session request body is {\"database\": \"name\"} or empty");
        }
        return database.textValue();
    }
}
