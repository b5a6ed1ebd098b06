package io.weftdb.engine.system;

/**
 * PostgreSQL's visibility rule (pg_table_is_visible): a relation is visible when its schema is on
 * the effective search path and no schema earlier on the path holds a relation (table, view,
 * sequence or index) of the same name.
 */
public final class Visibility {
    private Visibility() {
    }

    public static boolean isVisible(SystemContext context, long schemaOid, String name) {
        for (long schema : context.effectiveSearchPath()) {
            if (schema == schemaOid) {
                return true;
            }
            boolean taken = schema == SystemOids.PG_CATALOG ? SystemTables.find("pg_catalog", name) != null
                    : context.catalog().relation(schema, name) != null || context.catalog().tableOfIndex(schema, name) != null;
            if (taken) {
                return false;
            }
        }
        return false;
    }
}
