package io.weftdb.engine;

import io.weftdb.engine.txn.TransactionManager;
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
 * @param spillBytes buffered bytes past which a transaction writes the rows of tables and indexes it
 *     created itself (CREATE TABLE, TRUNCATE, a rewrite) to the store before it commits (at most an
 *     eighth of the heap is used)
 */
public record EngineOptions(boolean syncCommits, long defaultLockTimeoutMillis, Duration autoAnalyzeNaptime,
                            long spillBytes) {
    public static final Duration DEFAULT_AUTO_ANALYZE_NAPTIME = Duration.ofMinutes(1);

    public static EngineOptions defaults() {
        return new EngineOptions(true, 0, DEFAULT_AUTO_ANALYZE_NAPTIME, TransactionManager.DEFAULT_SPILL_BYTES);
    }

    public EngineOptions withSyncCommits(boolean sync) {
        return new EngineOptions(sync, defaultLockTimeoutMillis, autoAnalyzeNaptime, spillBytes);
    }

    /** With automatic ANALYZE every {@code naptime}, or never for zero. */
    public EngineOptions withAutoAnalyzeNaptime(Duration naptime) {
        return new EngineOptions(syncCommits, defaultLockTimeoutMillis, naptime, spillBytes);
    }

    /** With transactions moving writes only they can see to the store past {@code bytes} buffered. */
    public EngineOptions withSpillBytes(long bytes) {
        return new EngineOptions(syncCommits, defaultLockTimeoutMillis, autoAnalyzeNaptime, bytes);
    }
}
