package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.Engine;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import java.io.IOException;

/**
 * The engine session a request runs in: the session its {@code WeftDB-Session} header names (held
 * for the request, so its transaction spans requests), or one opened for this request alone.
 */
final class RequestSessions {
    /** What a request does in its session. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws IOException;
    }

    private final Engine engine;
    private final HttpSessions sessions;

    RequestSessions(Engine engine, HttpSessions sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    /**
     * Runs {@code work} in the request's session.
     *
     * @param database the database the request names, or null for the session's (or the default)
     */
    <T> T run(HttpServerExchange exchange, String database, Work<T> work) throws IOException {
        String sessionId = exchange.getRequestHeaders().getFirst(SqlEndpoint.SESSION_HEADER);
        if (sessionId == null) {
            String name = database == null ? SessionOptions.DEFAULT_DATABASE : database;
            try (Session session = engine.openSession(new SessionOptions(SessionOptions.DEFAULT_USER, name, "http"))) {
                return work.run(session);
            }
        }
        HttpSession held = sessions.acquire(sessionId);
        try {
            if (database != null && !database.equals(held.session().database())) {
                throw ApiError.badRequest("session " + sessionId + " is connected to database \"" + held.session().database()
                        + "\", not \"" + database + "\"");
            }
            return work.run(held.session());
        } finally {
            held.release();
        }
    }
}
