package io.weftdb.engine.stats;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row counts per table for the planner's estimates: set by ANALYZE (and to 0 for a table created
 * or truncated), then kept up to date by each commit's inserted and deleted rows. Kept in memory:
 * after a restart a table has no estimate until it is analyzed again.
 */
public final class TableStatistics {
    private final Map<Long, Long> rowCounts = new ConcurrentHashMap<>();
    /** Scans started since the server started: by table id for full scans, by index id for index scans. */
    private final Map<Long, java.util.concurrent.atomic.LongAdder> scans = new ConcurrentHashMap<>();

    public void analyze(TableDef table, ExecutionEnvironment environment) {
        long primary = table.primaryIndex().id();
        long count = 0;
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(primary),
                TableCodec.indexEnd(primary))) {
            while (cursor.next()) {
                count++;
                if ((count & 4095) == 0) {
                    environment.checkCancelled();
                }
            }
        }
        rowCounts.put(table.id(), count);
    }

    /** Sets a table's count outright: 0 for a table just created or truncated. */
    public void set(long tableId, long rows) {
        rowCounts.put(tableId, Math.max(0, rows));
    }

    /** Adds a committed transaction's net inserted rows to a table whose count is known. */
    public void adjust(long tableId, long delta) {
        if (delta != 0) {
            rowCounts.computeIfPresent(tableId, (id, rows) -> Math.max(0, rows + delta));
        }
    }

    /** The table's estimated row count, or -1 when it is unknown (never analyzed since the start). */
    public long rowCount(long tableId) {
        return rowCounts.getOrDefault(tableId, -1L);
    }

    /** Counts a scan of {@code relationId}: a table read whole, or an index a scan or lookup went through. */
    public void noteScan(long relationId) {
        scans.computeIfAbsent(relationId, id -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** Scans of a table or index since the server started (pg_stat_get_numscans). */
    public long scans(long relationId) {
        java.util.concurrent.atomic.LongAdder count = scans.get(relationId);
        return count == null ? 0 : count.sum();
    }
}
