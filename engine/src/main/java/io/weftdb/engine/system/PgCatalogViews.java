package io.weftdb.engine.system;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import java.util.List;

/** pg_catalog's convenience views over relations: pg_tables, pg_views, pg_indexes, pg_sequences, pg_stat_user_tables. */
final class PgCatalogViews {
    private PgCatalogViews() {
    }

    static List<SystemTable> tables() {
        return List.of(
                SystemTable.of("pg_catalog", "pg_tables", PgCatalogViews::tablesView),
                SystemTable.of("pg_catalog", "pg_views", PgCatalogViews::views),
                SystemTable.of("pg_catalog", "pg_indexes", PgCatalogViews::indexes),
                SystemTable.of("pg_catalog", "pg_sequences", PgCatalogViews::sequences),
                SystemTable.of("pg_catalog", "pg_stat_user_tables", PgCatalogViews::tableStatistics));
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

    /** Access counters are not kept: they read 0; n_live_tup is the last ANALYZE's row count. */
    private static void tableStatistics(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            SystemTable.Row row = table.row().set("relid", relation.id())
                    .set("schemaname", context.namespaceName(relation.schemaId())).set("relname", relation.name());
            for (String counter : List.of("seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch", "n_tup_ins", "n_tup_upd",
                    "n_tup_del", "n_tup_hot_upd", "n_dead_tup", "n_mod_since_analyze", "n_ins_since_vacuum", "vacuum_count",
                    "autovacuum_count", "analyze_count", "autoanalyze_count")) {
                row.set(counter, 0L);
            }
            out.add(row.set("n_live_tup", Math.max(context.rowEstimate(relation.id()), 0L)).values());
        }
    }
}
