package io.weftdb.http;

import io.weftdb.engine.Session;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * One request's statements while they run: what {@code DELETE /v1/queries/{id}} and the request's
 * timeout stop. The engine's cancel only reaches a statement that is running, so the runner also
 * asks {@link #checkNotStopped()} before each statement.
 */
final class RunningQuery implements AutoCloseable {
    private final String id;
    private final Session session;
    private final String sql;
    private final Instant started = Instant.now();
    private final Runnable onClose;
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private volatile boolean shutDown;
    private volatile ScheduledFuture<?> timeout;

    RunningQuery(String id, Session session, String sql, Runnable onClose) {
        this.id = id;
        this.session = session;
        this.sql = sql;
        this.onClose = onClose;
    }

    String id() {
        return id;
    }

    int sessionId() {
        return session.id();
    }

    String sql() {
        return sql;
    }

    Instant started() {
        return started;
    }

    void setTimeout(ScheduledFuture<?> future) {
        this.timeout = future;
    }

    void cancel() {
        cancelled = true;
        session.cancel();
    }

    /** The server is stopping: the statement ends as PostgreSQL's fast shutdown ends it. */
    void shutDown() {
        shutDown = true;
        session.cancel();
    }

    void timeOut() {
        timedOut = true;
        session.cancel();
    }

    /** Throws 57014 when the query was cancelled or ran out of time before its next statement. */
    void checkNotStopped() {
        if (shutDown) {
            throw shutdownError();
        }
        if (timedOut) {
            throw new SqlException(ErrorCode.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
        if (cancelled) {
            throw new SqlException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    /** The engine reports any cancel as a user request; say when it was this request's timeout or a shutdown. */
    SqlException explain(SqlException e) {
        if (e.code() == ErrorCode.QUERY_CANCELED && shutDown) {
            return shutdownError();
        }
        if (e.code() == ErrorCode.QUERY_CANCELED && timedOut) {
            return new SqlException(ErrorCode.QUERY_CANCELED, "canceling statement due to statement timeout",
                    e.position(), e.detail(), e.hint(), null);
        }
        return e;
    }

    private static SqlException shutdownError() {
        return new SqlException(ErrorCode.ADMIN_SHUTDOWN, "terminating statement due to administrator command");
    }

    @Override
    public void close() {
        ScheduledFuture<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
        onClose.run();
    }
}
