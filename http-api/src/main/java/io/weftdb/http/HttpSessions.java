package io.weftdb.http;

import io.weftdb.engine.Engine;
import io.weftdb.engine.SessionOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions clients opened with {@code POST /v1/sessions}. An id is 128 random bits, so holding
 * it is what entitles a client to the session. Sessions idle longer than the timeout are rolled
 * back and closed by {@link #closeIdle()}.
 */
final class HttpSessions {
    private final Engine engine;
    private final long idleTimeoutNanos;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, HttpSession> sessions = new ConcurrentHashMap<>();

    HttpSessions(Engine engine, Duration idleTimeout) {
        this.engine = engine;
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    HttpSession open(String database) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        HttpSession session = new HttpSession(id, engine.openSession(new SessionOptions(SessionOptions.DEFAULT_USER, database, "http")));
        sessions.put(id, session);
        return session;
    }

    /** The session with that id, taken for one request (see {@link HttpSession#acquire()}). */
    HttpSession acquire(String id) {
        HttpSession session = sessions.get(id);
        if (session == null) {
            throw ApiError.notFound("08003", "session " + id + " does not exist (it may have been closed after being idle)");
        }
        session.acquire();
        return session;
    }

    /** Ends the session, stopping what it runs and rolling back its transaction; false when there is none. */
    boolean close(String id) {
        HttpSession session = sessions.remove(id);
        if (session == null) {
            return false;
        }
        session.closeNow();
        return true;
    }

    void closeIdle() {
        for (HttpSession session : sessions.values()) {
            if (session.idleNanos() > idleTimeoutNanos && session.closeIfIdle()) {
                sessions.remove(session.id(), session);
            }
        }
    }

    void closeAll() {
        for (String id : new ArrayList<>(sessions.keySet())) {
            close(id);
        }
    }

    List<HttpSession> list() {
        return List.copyOf(sessions.values());
    }

    /** The HTTP session id of an engine session, or null when it is not one of ours. */
    String idOf(int engineSessionId) {
        for (HttpSession session : sessions.values()) {
            if (session.session().id() == engineSessionId) {
                return session.id();
            }
        }
        return null;
    }
}
