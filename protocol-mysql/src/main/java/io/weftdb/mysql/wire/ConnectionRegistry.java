package io.weftdb.mysql.wire;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The listener's open connections by MySQL connection id, for KILL and SHOW PROCESSLIST. */
final class ConnectionRegistry {
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Long, MysqlSession> sessions = new ConcurrentHashMap<>();

    /** Connections made since the server started (MySQL's Connections status counter). */
    long connectionsMade() {
        return nextId.get() - 1L;
    }

    int nextConnectionId() {
        return nextId.getAndIncrement();
    }

    void add(long id, MysqlSession session) {
        sessions.put(id, session);
    }

    void remove(long id) {
        sessions.remove(id);
    }

    MysqlSession find(long id) {
        return sessions.get(id);
    }

    Collection<MysqlSession> all() {
        return List.copyOf(sessions.values());
    }
}
