package io.weftdb.engine;

/**
 * Engine-wide settings.
 *
 * @param syncCommits whether COMMIT returns only after the write-ahead log is on disk (the default);
 *     off trades the last moments of commits before an OS crash or power loss for throughput (a
 *     process crash alone loses nothing)
 * @param defaultLockTimeoutMillis how long a statement waits for a lock before 55P03; 0 waits forever
 */
public record EngineOptions(boolean syncCommits, long defaultLockTimeoutMillis) {
    public static EngineOptions defaults() {
        return new EngineOptions(true, 0);
    }

    public EngineOptions withSyncCommits(boolean sync) {
        return new EngineOptions(sync, defaultLockTimeoutMillis);
    }
}
