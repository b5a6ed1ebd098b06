package io.weftdb.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.Engine;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/sessions} (body optional: {@code {"database"}}) opens a session kept between
 * requests and answers its id; {@code DELETE /v1/sessions/{id}} stops what it runs, rolls back its
 * transaction and ends it, whether {@code id} is an HTTP session's id or the number of any engine
 * session (a PostgreSQL or MySQL connection's too, as {@code GET /v1/sessions} lists them);
 * {@code DELETE /v1/queries/{id}} cancels a running request's statement.
 */
final class SessionsEndpoint {
    /** Engine session numbers; HTTP session ids are 32 hex digits and are looked up first. */
    private static final Pattern ENGINE_SESSION_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private final Engine engine;
    private final HttpSessions sessions;
    private final RunningQueries queries;
    private final Duration idleTimeout;
    private final long maxRequestBytes;

    SessionsEndpoint(Engine engine, HttpSessions sessions, RunningQueries queries, Duration idleTimeout,
                     long maxRequestBytes) {
        this.engine = engine;
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

    /**
     * 204 once the session has ended; 202 when it ends at its next command: another protocol's
     * session is terminated as pg_terminate_backend does (its statement cancelled at once; its
     * transaction rolled back, and 57P01 answered, when its client next sends a command), because
     * only the connection's own thread may close it.
     */
    void close(HttpServerExchange exchange, String id) {
        if (sessions.close(id)) {
            exchange.setStatusCode(204);
            return;
        }
        Session session = ENGINE_SESSION_ID.matcher(id).matches() ? engine.sessions().get(Integer.parseInt(id)) : null;
        if (session == null) {
            throw ApiError.notFound("08003", "session " + id + " does not exist");
        }
        String httpId = sessions.idOf(session.id());
        if (httpId != null && sessions.close(httpId)) {
            exchange.setStatusCode(204);
            return;
        }
        session.terminate();
        Exchanges.sendJson(exchange, 202, json -> {
            json.writeStartObject();
            json.writeNumberField("id", session.id());
            json.writeBooleanField("terminating", true);
            json.writeEndObject();
        });
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
