package io.weftdb.engine.storage;

/**
 * One figure a storage implementation reports for monitoring (GET /metrics): {@code name} in
 * Prometheus style (lower case, underscores; counters end in {@code _total}), for one keyspace or,
 * with {@code keyspace} null, the whole store.
 */
public record StorageMetric(String name, String help, boolean counter, Keyspace keyspace, double value) {}
