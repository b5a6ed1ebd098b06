package io.weftdb.engine.stats;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row counts per table as of the last ANALYZE, for the planner's estimates. Kept in memory: after a
 * restart a table has no estimate until it is analyzed again.
 */
public final class TableStatistics {
    private final Map<Long, Long> rowCounts = new ConcurrentHashMap<>();

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

    /** The row count of the last ANALYZE, or -1 when the table has not been analyzed. */
    public long rowCount(long tableId) {
        return rowCounts.getOrDefault(tableId, -1L);
    }
}
