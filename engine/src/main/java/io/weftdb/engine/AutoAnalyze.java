package io.weftdb.engine;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.stats.TableStatistics;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.SchemaChange;
import java.util.List;

/**
 * The ANALYZE half of PostgreSQL's autovacuum: every naptime, each table whose committed inserts,
 * updates and deletes since its last ANALYZE exceed 50 rows plus a tenth of its rows
 * (autovacuum_analyze_threshold and autovacuum_analyze_scale_factor) is analyzed, one at a time, in
 * a session of its own, so estimates follow the data without anyone running ANALYZE.
 */
final class AutoAnalyze implements Runnable {
    static final long THRESHOLD_ROWS = 50;
    static final double SCALE_FACTOR = 0.1;

    private final Engine engine;

    AutoAnalyze(Engine engine) {
        this.engine = engine;
    }

    static boolean isDue(long changedRows, long tableRows) {
        return changedRows > THRESHOLD_ROWS + SCALE_FACTOR * Math.max(0, tableRows);
    }

    @Override
    public void run() {
        TableStatistics statistics = engine.statistics();
        Catalog catalog = engine.catalog();
        for (TableDef table : catalog.ofType(TableDef.class)) {
            if (engine.isClosed()) {
                return;
            }
            if (isDue(statistics.changedSinceAnalyze(table.id()), statistics.rowCount(table.id()))) {
                analyze(catalog, table);
            }
        }
    }

    private void analyze(Catalog catalog, TableDef table) {
        SchemaDef schema = catalog.schema(table.schemaId());
        DatabaseDef database = schema == null ? null : catalog.database(schema.databaseId());
        if (database == null) {
            return;
        }
        try (Session session = engine.openSession(new SessionOptions(SessionOptions.DEFAULT_USER, database.name()))) {
            session.execute(new SchemaChange.Analyze(List.of(QualifiedName.of(schema.name(), table.name())), false),
                    List.of());
            engine.statistics().noteAutoAnalyze(table.id());
        } catch (SqlException e) {
            // Dropped, renamed or locked meanwhile, or the engine is closing: the next round looks again.
        }
    }
}
