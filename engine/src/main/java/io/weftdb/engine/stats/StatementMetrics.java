package io.weftdb.engine.stats;

import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TransactionControl;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of every statement the engine runs, by the protocol of its session: how many of each
 * kind, how long they took (a histogram), which failed with which SQLSTATE, and the rows they
 * returned or changed. Recording is a few adder increments, cheap enough for every statement.
 */
public final class StatementMetrics {
    /** Upper bounds, in seconds, of the latency histogram's buckets (a last one is unbounded). */
    public static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** What one statement counts as. */
    public enum Kind { SELECT, INSERT, UPDATE, DELETE, DDL, TRANSACTION, OTHER }

    public record Key(String protocol, String label) {}

    /** One protocol's latency histogram: cumulative counts per bucket as Prometheus wants them, sum and count. */
    public record Latency(long[] cumulative, double sumSeconds, long count) {}

    private final Map<Key, LongAdder> statements = new ConcurrentHashMap<>();
    private final Map<Key, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> buckets = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> seconds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rowsReturned = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rowsChanged = new ConcurrentHashMap<>();

    public static Kind kindOf(Statement statement) {
        return switch (statement) {
            case Query ignored -> Kind.SELECT;
            case DataChange.Insert ignored -> Kind.INSERT;
            case DataChange.Update ignored -> Kind.UPDATE;
            case DataChange.Delete ignored -> Kind.DELETE;
            case SchemaChange ignored -> Kind.DDL;
            case TransactionControl ignored -> Kind.TRANSACTION;
            default -> Kind.OTHER;
        };
    }

    /**
     * Counts one finished statement. {@code sqlState} is null when it succeeded; {@code returned}
     * and {@code changed} are the rows it sent and the rows it inserted, updated or deleted.
     */
    public void record(String protocol, Kind kind, long nanos, String sqlState, long returned, long changed) {
        statements.computeIfAbsent(new Key(protocol, kind.name().toLowerCase(java.util.Locale.ROOT)), k -> new LongAdder())
                .increment();
        if (sqlState != null) {
            errors.computeIfAbsent(new Key(protocol, sqlState), k -> new LongAdder()).increment();
        }
        double elapsed = nanos / 1e9;
        LongAdder[] counts = buckets.computeIfAbsent(protocol, p -> newBuckets());
        int bucket = 0;
        while (bucket < BUCKETS.length && elapsed > BUCKETS[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        seconds.computeIfAbsent(protocol, p -> new DoubleAdder()).add(elapsed);
        if (returned > 0) {
            rowsReturned.computeIfAbsent(protocol, p -> new LongAdder()).add(returned);
        }
        if (changed > 0) {
            rowsChanged.computeIfAbsent(protocol, p -> new LongAdder()).add(changed);
        }
    }

    private static LongAdder[] newBuckets() {
        LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        return counts;
    }

    /** Statements by protocol and kind, in a stable order. */
    public Map<Key, Long> statements() {
        return snapshot(statements);
    }

    /** Failed statements by protocol and SQLSTATE. */
    public Map<Key, Long> errors() {
        return snapshot(errors);
    }

    public Map<String, Long> rowsReturned() {
        return snapshotByProtocol(rowsReturned);
    }

    public Map<String, Long> rowsChanged() {
        return snapshotByProtocol(rowsChanged);
    }

    /** Each protocol's latency histogram. */
    public Map<String, Latency> latencies() {
        Map<String, Latency> result = new TreeMap<>();
        buckets.forEach((protocol, counts) -> {
            long[] cumulative = new long[counts.length];
            long running = 0;
            for (int i = 0; i < counts.length; i++) {
                running += counts[i].sum();
                cumulative[i] = running;
            }
            result.put(protocol, new Latency(cumulative, seconds.get(protocol).sum(), running));
        });
        return result;
    }

    private static Map<Key, Long> snapshot(Map<Key, LongAdder> counters) {
        Map<Key, Long> result = new TreeMap<>(java.util.Comparator.comparing(Key::protocol).thenComparing(Key::label));
        counters.forEach((key, count) -> result.put(key, count.sum()));
        return result;
    }

    private static Map<String, Long> snapshotByProtocol(Map<String, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((protocol, count) -> result.put(protocol, count.sum()));
        return result;
    }
}
