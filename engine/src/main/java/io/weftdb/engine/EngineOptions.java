package io.weftdb.engine;

import java.time.Duration;

/**
 * Engine-wide settings.
 *
 * @param syncCommits whether COMMIT returns only after the write-ahead log is on disk (the default);
 *     off trades the last moments of commits before an OS crash or power loss for throughput (a
 *     process crash alone loses nothing)
 * @param defaultLockTimeoutMillis how long a statement waits for a lock before 55P03; 0 waits forever
 * @param autoAnalyzeNaptime how often tables changed enough since their last ANALYZE are analyzed in
 *     the background (PostgreSQL's autovacuum_naptime, one minute); zero turns that off
 */
public record EngineOptions(boolean syncCommits, long defaultLockTimeoutMillis, Duration autoAnalyzeNaptime) {
    public static final Duration DEFAULT_AUTO_ANALYZE_NAPTIME = Duration.ofMinutes(1);

    public static EngineOptions defaults() {
        return new EngineOptions(true, 0, DEFAULT_AUTO_ANALYZE_NAPTIME);
    }

    public EngineOptions withSyncCommits(boolean sync) {
        return new EngineOptions(sync, defaultLockTimeoutMillis, autoAnalyzeNaptime);
    }

    /** With automatic ANALYZE every {@code naptime}, or never for zero. */
    public EngineOptions withAutoAnalyzeNaptime(Duration naptime) {
        return new EngineOptions(syncCommits, defaultLockTimeoutMillis, naptime);
    }
}
