package io.weftdb.engine.stats;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.ir.type.TypeKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the planner knows of each table: its row count and its columns' statistics. ANALYZE sets both
 * (and stores them, so they survive a restart); a table created or truncated counts 0 rows; each
 * commit's inserted and deleted rows keep the count up to date in between.
 */
public final class TableStatistics {
    private final Map<Long, Long> rowCounts = new ConcurrentHashMap<>();
    private final Map<Long, TableAnalysis> analyses = new ConcurrentHashMap<>();
    /** Rows inserted, updated or deleted by commits since the table's last ANALYZE (or the start). */
    private final Map<Long, java.util.concurrent.atomic.AtomicLong> changes = new ConcurrentHashMap<>();
    /** ANALYZE runs since the start, all and automatic ones, by table. */
    private final Map<Long, long[]> analyzeCounts = new ConcurrentHashMap<>();
    /** Scans started since the server started: by table id for full scans, by index id for index scans. */
    private final Map<Long, java.util.concurrent.atomic.LongAdder> scans = new ConcurrentHashMap<>();

    /** Reads what earlier ANALYZE runs stored (when the engine opens). */
    public void load(ReadView view) {
        for (TableAnalysis analysis : StatisticsStore.all(view)) {
            analyses.put(analysis.tableId(), analysis);
            rowCounts.put(analysis.tableId(), analysis.rows());
        }
    }

    /** Analyzes {@code table} in the statement's transaction; the result is stored and used once it commits. */
    public void analyze(TableDef table, ExecutionEnvironment environment) {
        TableAnalysis analysis = TableAnalysis.of(table, environment);
        StatisticsStore.write(environment.transaction(), analysis);
        environment.transaction().afterCommit(() -> {
            analyses.put(table.id(), analysis);
            rowCounts.put(table.id(), analysis.rows());
            changes.remove(table.id());
            analyzeCounts.computeIfAbsent(table.id(), id -> new long[2])[0]++;
        });
    }

    /** Counts an ANALYZE the engine ran by itself (after it committed). */
    public void noteAutoAnalyze(long tableId) {
        analyzeCounts.computeIfAbsent(tableId, id -> new long[2])[1]++;
    }

    /** ANALYZE runs of the table since the start. */
    public long analyzeCount(long tableId) {
        long[] counts = analyzeCounts.get(tableId);
        return counts == null ? 0 : counts[0];
    }

    /** Automatic ANALYZE runs of the table since the start. */
    public long autoAnalyzeCount(long tableId) {
        long[] counts = analyzeCounts.get(tableId);
        return counts == null ? 0 : counts[1];
    }

    /** Rows inserted, updated or deleted by commits since the table's last ANALYZE (since the start at most). */
    public long changedSinceAnalyze(long tableId) {
        java.util.concurrent.atomic.AtomicLong changed = changes.get(tableId);
        return changed == null ? 0 : changed.get();
    }

    /** Removes a dropped table's statistics with the transaction that drops it. */
    public void drop(long tableId, Transaction transaction) {
        StatisticsStore.delete(transaction, tableId);
        transaction.afterCommit(() -> {
            analyses.remove(tableId);
            rowCounts.remove(tableId);
            changes.remove(tableId);
            analyzeCounts.remove(tableId);
        });
    }

    /** The last committed ANALYZE of the table, or null. */
    public TableAnalysis analysis(long tableId) {
        return analyses.get(tableId);
    }

    /** A column's statistics from the last ANALYZE, or null when it has none (or its type changed since). */
    public ColumnStatistics column(long tableId, int columnId, TypeKind kind) {
        TableAnalysis analysis = analyses.get(tableId);
        ColumnStatistics column = analysis == null ? null : analysis.columns().get(columnId);
        return column != null && column.kind() == kind ? column : null;
    }

    /** Sets a table's count outright: 0 for a table just created or truncated. */
    public void set(long tableId, long rows) {
        rowCounts.put(tableId, Math.max(0, rows));
    }

    /**
     * Applies a committed transaction's writes to a table: {@code netRows} more rows (fewer when
     * negative) for a table whose count is known, {@code changedRows} more rows changed since the
     * last ANALYZE.
     */
    public void recordCommit(long tableId, long netRows, long changedRows) {
        if (netRows != 0) {
            rowCounts.computeIfPresent(tableId, (id, rows) -> Math.max(0, rows + netRows));
        }
        if (changedRows != 0) {
            changes.computeIfAbsent(tableId, id -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(changedRows);
        }
    }

    /** The table's estimated row count, or -1 when it is unknown (never analyzed). */
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
