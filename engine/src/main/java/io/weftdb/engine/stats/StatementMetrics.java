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

    private final Map<String, ProtocolMetrics> protocols = new ConcurrentHashMap<>();

    /**
     * One protocol's counters. A session looks its protocol's up once and records into it: per
     * statement that is a few adder increments, no map lookups (they showed in point-query profiles).
     */
    public static final class ProtocolMetrics {
        private final LongAdder[] statements = adders(Kind.values().length);
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final LongAdder[] buckets = adders(BUCKETS.length + 1);
        private final DoubleAdder seconds = new DoubleAdder();
        private final LongAdder rowsReturned = new LongAdder();
        private final LongAdder rowsChanged = new LongAdder();

        /**
         * Counts one finished statement. {@code sqlState} is null when it succeeded; {@code returned}
         * and {@code changed} are the rows it sent and the rows it inserted, updated or deleted.
         */
        public void record(Kind kind, long nanos, String sqlState, long returned, long changed) {
            statements[kind.ordinal()].increment();
            if (sqlState != null) {
                errors.computeIfAbsent(sqlState, k -> new LongAdder()).increment();
            }
            double elapsed = nanos / 1e9;
            int bucket = 0;
            while (bucket < BUCKETS.length && elapsed > BUCKETS[bucket]) {
                bucket++;
            }
            buckets[bucket].increment();
            seconds.add(elapsed);
            if (returned > 0) {
                rowsReturned.add(returned);
            }
            if (changed > 0) {
                rowsChanged.add(changed);
            }
        }
    }

    /** The counters of statements run over {@code protocol}. */
    public ProtocolMetrics forProtocol(String protocol) {
        return protocols.computeIfAbsent(protocol, p -> new ProtocolMetrics());
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

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

    /** Statements by protocol and kind (kinds with none left out), in a stable order. */
    public Map<Key, Long> statements() {
        Map<Key, Long> result = sortedKeys();
        protocols.forEach((protocol, metrics) -> {
            for (Kind kind : Kind.values()) {
                long count = metrics.statements[kind.ordinal()].sum();
                if (count > 0) {
                    result.put(new Key(protocol, kind.name().toLowerCase(java.util.Locale.ROOT)), count);
                }
            }
        });
        return result;
    }

    /** Failed statements by protocol and SQLSTATE. */
    public Map<Key, Long> errors() {
        Map<Key, Long> result = sortedKeys();
        protocols.forEach((protocol, metrics) -> metrics.errors.forEach((sqlState, count) ->
                result.put(new Key(protocol, sqlState), count.sum())));
        return result;
    }

    public Map<String, Long> rowsReturned() {
        Map<String, Long> result = new TreeMap<>();
        protocols.forEach((protocol, metrics) -> result.put(protocol, metrics.rowsReturned.sum()));
        return result;
    }

    public Map<String, Long> rowsChanged() {
        Map<String, Long> result = new TreeMap<>();
        protocols.forEach((protocol, metrics) -> result.put(protocol, metrics.rowsChanged.sum()));
        return result;
    }

    /** Each protocol's latency histogram. */
    public Map<String, Latency> latencies() {
        Map<String, Latency> result = new TreeMap<>();
        protocols.forEach((protocol, metrics) -> {
            long[] cumulative = new long[metrics.buckets.length];
            long running = 0;
            for (int i = 0; i < metrics.buckets.length; i++) {
                running += metrics.buckets[i].sum();
                cumulative[i] = running;
            }
            result.put(protocol, new Latency(cumulative, metrics.seconds.sum(), running));
        });
        return result;
    }

    private static Map<Key, Long> sortedKeys() {
        return new TreeMap<>(java.util.Comparator.comparing(Key::protocol).thenComparing(Key::label));
    }
}
