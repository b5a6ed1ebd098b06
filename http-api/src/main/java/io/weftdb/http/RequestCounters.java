package io.weftdb.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests answered by status code and the time spent answering them, for /metrics. */
final class RequestCounters {
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();

    void record(int status, long elapsedNanos) {
        byStatus.computeIfAbsent(status, ignored -> new LongAdder()).increment();
        nanos.add(elapsedNanos);
    }

    /** Counts by status, in status order. */
    Map<Integer, Long> byStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    double seconds() {
        return nanos.sum() / 1e9;
    }
}
