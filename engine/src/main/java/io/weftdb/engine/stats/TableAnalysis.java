package io.weftdb.engine.stats;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What one ANALYZE of a table found: its row count and each column's statistics, computed from a
 * random sample of {@link #SAMPLE_ROWS} rows (all of them in a smaller table), as PostgreSQL samples
 * 300 × default_statistics_target rows.
 */
public record TableAnalysis(long tableId, long rows, Instant analyzedAt, Map<Integer, ColumnStatistics> columns) {
    static final int SAMPLE_ROWS = 30_000;

    public TableAnalysis {
        columns = Map.copyOf(columns);
    }

    /**
     * Counts the table's rows and draws the sample in one pass over its primary index (reservoir
     * sampling: only rows that enter the sample are decoded). The random source is seeded by the
     * table, so analyzing the same rows twice gives the same statistics.
     */
    public static TableAnalysis of(TableDef table, ExecutionEnvironment environment) {
        long primary = table.primaryIndex().id();
        TableCodec codec = TableCodec.of(table);
        SplittableRandom random = new SplittableRandom(table.id());
        List<Object[]> sample = new ArrayList<>();
        long count = 0;
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(primary),
                TableCodec.indexEnd(primary))) {
            while (cursor.next()) {
                if (count < SAMPLE_ROWS) {
                    sample.add(codec.decodeRow(cursor.value()));
                } else {
                    long slot = random.nextLong(count + 1);
                    if (slot < SAMPLE_ROWS) {
                        sample.set((int) slot, codec.decodeRow(cursor.value()));
                    }
                }
                count++;
                if ((count & 4095) == 0) {
                    environment.checkCancelled();
                }
            }
        }
        Map<Integer, ColumnStatistics> columns = new TreeMap<>();
        List<ColumnDef> definitions = table.columns();
        for (int position = 0; position < definitions.size(); position++) {
            ColumnDef column = definitions.get(position);
            List<Object> values = new ArrayList<>(sample.size());
            for (Object[] row : sample) {
                values.add(row[position]);
            }
            columns.put(column.id(), ColumnAnalyzer.analyze(column.id(), column.type().kind(), values, count));
        }
        return new TableAnalysis(table.id(), count, Instant.now(), columns);
    }
}
