package io.weftdb.http;

import io.weftdb.engine.Session;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An engine session kept between requests ({@code WeftDB-Session: id}). A session runs one request
 * at a time: a second one arriving meanwhile is refused rather than queued, as a client that sends
 * two statements into one transaction at once has a bug to hear about.
 */
final class HttpSession {
    private final String id;
    private final Session session;
    private final ReentrantLock inUse = new ReentrantLock();
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean closed;

    HttpSession(String id, Session session) {
        this.id = id;
        this.session = session;
    }

    String id() {
        return id;
    }

    Session session() {
        return session;
    }

    long idleNanos() {
        return inUse.isLocked() ? 0 : System.nanoTime() - lastUsedNanos;
    }

    /** Takes the session for one request; 409 when another request has it, 404 once it is closed. */
    void acquire() {
        if (!inUse.tryLock()) {
            throw new ApiError(409, "55006", "session " + id + " is running another request");
        }
        if (closed) {
            inUse.unlock();
            throw ApiError.notFound("08003", "session " + id + " does not exist");
        }
    }

    void release() {
        lastUsedNanos = System.nanoTime();
        inUse.unlock();
    }

    /** Closes the session if no request holds it; false when one does. Rolls back an open transaction. */
    boolean closeIfIdle() {
        if (!inUse.tryLock()) {
            return false;
        }
        try {
            closeHeld();
        } finally {
            inUse.unlock();
        }
        return true;
    }

    /** Stops a running request, waits for it to end, then closes the session. */
    void closeNow() {
        session.cancel();
        inUse.lock();
        try {
            closeHeld();
        } finally {
            inUse.unlock();
        }
    }

    private void closeHeld() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
