package io.weftdb.engine.system;

import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of pg_catalog and information_schema relations, and PostgreSQL's rule for finding
 * them: a name qualified by one of the two schemas names the system relation; an unqualified name
 * finds a pg_catalog relation first, unless the search path lists pg_catalog explicitly (then it is
 * searched where the path places it).
 *
 * <p>Relations that are empty because WeftDB has no such objects: pg_proc (functions are built in, not catalog objects; PostgreSQL's
 * \df lists none for a fresh database either), pg_locks (row locks are kept per transaction, not in
 * a lock table), pg_extension, pg_inherits (no inheritance or partitions), pg_enum and pg_range (no
 * enum or range types), pg_auth_members, pg_policy (no row security), pg_trigger, pg_rewrite,
 * pg_matviews, pg_foreign_table, pg_statistic_ext, the publication catalogs, pg_operator and pg_cast.
 */
public final class SystemTables {
    private static final Map<String, SystemTable> TABLES = new LinkedHashMap<>();

    static {
        List<SystemTable> all = new ArrayList<>();
        all.addAll(PgCatalogRelations.tables());
        all.addAll(PgCatalogServer.tables());
        all.addAll(PgCatalogViews.tables());
        all.addAll(PgCatalogComments.tables());
        for (String empty : List.of("pg_proc", "pg_locks", "pg_extension",
                "pg_inherits", "pg_enum", "pg_range", "pg_auth_members", "pg_policy", "pg_trigger", "pg_rewrite",
                "pg_matviews", "pg_foreign_table", "pg_statistic_ext", "pg_publication", "pg_publication_namespace",
                "pg_publication_rel", "pg_operator", "pg_cast")) {
            all.add(SystemTable.empty("pg_catalog", empty));
        }
        all.addAll(InformationSchema.tables());
        for (SystemTable table : all) {
            TABLES.put(table.schema() + "." + table.name(), table);
        }
    }

    private SystemTables() {
    }

    public static List<SystemTable> all() {
        return List.copyOf(TABLES.values());
    }

    /** The system relation {@code schema.name}, or null. */
    public static SystemTable find(String schema, String name) {
        return TABLES.get(schema + "." + name);
    }

    /**
     * The system relation a FROM-clause name refers to, or null when it names none. A name qualified
     * by pg_catalog or information_schema must name one of their relations (42P01 otherwise); an unqualified one is looked up in
     * pg_catalog, which PostgreSQL searches first unless the search path lists it, in which case
     * a user relation in a schema listed before it takes precedence.
     */
    public static SystemTable resolve(NameContext names, QualifiedName name, int position) {
        if (name.size() > 1) {
            String schema = name.qualifier();
            boolean ownDatabase = name.size() == 2 || name.parts().get(0).equals(names.database().name());
            if (!ownDatabase || !schema.equals("pg_catalog") && !schema.equals("information_schema")) {
                return null;
            }
            SystemTable table = find(schema, name.name());
            if (table == null) {
                throw new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist", position);
            }
            return table;
        }
        SystemTable table = find("pg_catalog", name.name());
        int catalogPosition = names.searchPath().indexOf("pg_catalog");
        if (table == null || catalogPosition < 0) {
            return table;
        }
        for (String entry : names.searchPath().subList(0, catalogPosition)) {
            SchemaDef schema = names.catalog().schemaByName(names.database().id(), entry.equals("$user") ? names.user() : entry);
            if (schema != null && names.catalog().relation(schema.id(), name.name()) != null) {
                return null;
            }
        }
        return table;
    }
}
