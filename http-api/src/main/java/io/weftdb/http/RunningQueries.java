package io.weftdb.http;

import io.weftdb.engine.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The requests running statements now, by query id, for listing and cancelling them. */
final class RunningQueries {
    /** A client may name its query itself (to cancel it before any response header arrives). */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ConcurrentHashMap<String, RunningQuery> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    RunningQueries(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /**
     * Registers a request's statements under {@code requestedId} (or a fresh id when null), stopped
     * after {@code timeoutMillis} when that is positive.
     */
    RunningQuery start(String requestedId, Session session, String sql, long timeoutMillis) {
        String id = requestedId == null ? UUID.randomUUID().toString() : requestedId;
        if (requestedId != null && !CLIENT_ID.matcher(requestedId).matches()) {
            throw ApiError.badRequest("a query id is 1 to 64 letters, digits and ._:- characters");
        }
        String preview = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
        RunningQuery query = new RunningQuery(id, session, preview, () -> running.remove(id));
        if (running.putIfAbsent(id, query) != null) {
            throw new ApiError(409, "42710", "a query with id \"" + id + "\" is already running");
        }
        if (timeoutMillis > 0) {
            query.setTimeout(timers.schedule(query::timeOut, timeoutMillis, TimeUnit.MILLISECONDS));
        }
        return query;
    }

    /** Cancels the query; false when no query with that id is running. */
    boolean cancel(String id) {
        RunningQuery query = running.get(id);
        if (query == null) {
            return false;
        }
        query.cancel();
        return true;
    }

    /** Stops every running query because the server is stopping. */
    void shutDownAll() {
        running.values().forEach(RunningQuery::shutDown);
    }

    List<RunningQuery> list() {
        List<RunningQuery> queries = new ArrayList<>(running.values());
        queries.sort(Comparator.comparing(RunningQuery::started));
        return queries;
    }
}
