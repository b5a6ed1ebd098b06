package io.weftdb.engine.system;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.stats.ColumnStatistics;
import io.weftdb.engine.stats.TableAnalysis;
import io.weftdb.engine.value.TextFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog's convenience views over relations: pg_tables, pg_views, pg_indexes, pg_sequences,
 * pg_stat_user_tables, pg_stats.
 */
final class PgCatalogViews {
    private PgCatalogViews() {
    }

    static List<SystemTable> tables() {
        return List.of(
                SystemTable.of("pg_catalog", "pg_tables", PgCatalogViews::tablesView),
                SystemTable.of("pg_catalog", "pg_views", PgCatalogViews::views),
                SystemTable.of("pg_catalog", "pg_indexes", PgCatalogViews::indexes),
                SystemTable.of("pg_catalog", "pg_sequences", PgCatalogViews::sequences),
                SystemTable.of("pg_catalog", "pg_stat_user_tables", PgCatalogViews::tableStatistics),
                SystemTable.of("pg_catalog", "pg_stats", PgCatalogViews::columnStatistics));
    }

    private static void tablesView(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTable system : SystemTables.all()) {
            if (!system.view() && system.schema().equals("pg_catalog")) {
                out.add(table.row().set("schemaname", "pg_catalog").set("tablename", system.name())
                        .set("tableowner", context.user()).set("hasindexes", false).set("hasrules", false)
                        .set("hastriggers", false).set("rowsecurity", false).values());
            }
        }
        for (TableDef relation : context.tables()) {
            out.add(table.row().set("schemaname", context.namespaceName(relation.schemaId()))
                    .set("tablename", relation.name()).set("tableowner", context.user())
                    .set("hasindexes", relation.indexes().stream().anyMatch(i -> SystemContext.isVisibleIndex(relation, i)))
                    .set("hasrules", false).set("hastriggers", !relation.foreignKeys().isEmpty()).set("rowsecurity", false)
                    .values());
        }
    }

    private static void views(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof ViewDef view) {
                out.add(table.row().set("schemaname", context.namespaceName(view.schemaId())).set("viewname", view.name())
                        .set("viewowner", context.user()).set("definition", view.sql()).values());
            }
        }
    }

    private static void indexes(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            for (IndexDef index : relation.indexes()) {
                if (SystemContext.isVisibleIndex(relation, index)) {
                    out.add(table.row().set("schemaname", context.namespaceName(relation.schemaId()))
                            .set("tablename", relation.name()).set("indexname", index.name())
                            .set("indexdef", Definitions.indexDefinition(context, relation, index)).values());
                }
            }
        }
    }

    /** last_value is NULL, as PostgreSQL shows it before a sequence's first nextval (WeftDB does not expose it here). */
    private static void sequences(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof SequenceDef sequence) {
                out.add(table.row().set("schemaname", context.namespaceName(sequence.schemaId()))
                        .set("sequencename", sequence.name()).set("sequenceowner", context.user())
                        .set("data_type", SystemTypes.oid(sequence.type())).set("start_value", sequence.start())
                        .set("min_value", sequence.minValue()).set("max_value", sequence.maxValue())
                        .set("increment_by", sequence.increment()).set("cycle", sequence.cycle())
                        .set("cache_size", sequence.cache()).values());
            }
        }
    }

    /**
     * Row counts, scans, changed rows and ANALYZE runs counted since the server started; n_live_tup
     * is the estimate the planner uses (the last ANALYZE's count kept up to date by commits);
     * last_analyze is the last ANALYZE, automatic or not. Tuple counters are not kept: 0.
     */
    private static void tableStatistics(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            SystemTable.Row row = table.row().set("relid", relation.id())
                    .set("schemaname", context.namespaceName(relation.schemaId())).set("relname", relation.name());
            for (String counter : List.of("seq_tup_read", "idx_tup_fetch", "n_tup_ins", "n_tup_upd",
                    "n_tup_del", "n_tup_hot_upd", "n_dead_tup", "n_ins_since_vacuum", "vacuum_count",
                    "autovacuum_count")) {
                row.set(counter, 0L);
            }
            long indexScans = 0;
            for (IndexDef index : relation.indexes()) {
                indexScans += context.scans(index.id());
            }
            TableAnalysis analysis = context.analysis(relation.id());
            out.add(row.set("seq_scan", context.scans(relation.id())).set("idx_scan", indexScans)
                    .set("n_live_tup", Math.max(context.rowEstimate(relation.id()), 0L))
                    .set("last_analyze", analysis == null ? null : analysis.analyzedAt())
                    .set("n_mod_since_analyze", context.statistics().changedSinceAnalyze(relation.id()))
                    .set("analyze_count", context.statistics().analyzeCount(relation.id()))
                    .set("autoanalyze_count", context.statistics().autoAnalyzeCount(relation.id())).values());
        }
    }

    /**
     * What ANALYZE found per column, as PostgreSQL's pg_stats shows it. The value arrays are text[]
     * here (PostgreSQL's anyarray prints the same); correlation and the element statistics of
     * array columns are not computed (NULL).
     */
    private static void columnStatistics(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            TableAnalysis analysis = context.analysis(relation.id());
            if (analysis == null) {
                continue;
            }
            for (ColumnDef column : relation.columns()) {
                ColumnStatistics stats = analysis.columns().get(column.id());
                if (stats == null || stats.kind() != column.type().kind()) {
                    continue;
                }
                out.add(table.row().set("schemaname", context.namespaceName(relation.schemaId()))
                        .set("tablename", relation.name()).set("attname", column.name()).set("inherited", false)
                        .set("null_frac", stats.nullFraction()).set("avg_width", (long) stats.averageWidth())
                        .set("n_distinct", stats.distinct())
                        .set("most_common_vals", texts(stats.commonValues(), column))
                        .set("most_common_freqs", stats.commonValues().isEmpty() ? null : frequencies(stats))
                        .set("histogram_bounds", texts(stats.histogram(), column)).values());
            }
        }
    }

    private static List<Object> texts(List<Object> values, ColumnDef column) {
        if (values.isEmpty()) {
            return null;
        }
        List<Object> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(TextFormat.format(value, column.type(), ZoneOffset.UTC));
        }
        return texts;
    }

    private static List<Object> frequencies(ColumnStatistics stats) {
        List<Object> frequencies = new ArrayList<>();
        for (double frequency : stats.commonFrequencies()) {
            frequencies.add(frequency);
        }
        return frequencies;
    }
}
