package io.weftdb.engine.system;

import io.weftdb.engine.catalog.CatalogObject;

/**
 * PostgreSQL's visibility rule (pg_table_is_visible): a relation is visible when its schema is on
 * the effective search path and no schema earlier on the path holds a relation of the same name.
 */
final class Visibility {
    private Visibility() {
    }

    static boolean isVisible(SystemContext context, CatalogObject relation) {
        long schema = SystemContext.schemaOf(relation);
        for (long oid : context.effectiveSearchPath()) {
            if (oid == schema) {
                return true;
            }
            if (oid == SystemOids.PG_CATALOG) {
                if (SystemTables.find("pg_catalog", relation.name()) != null) {
                    return false;
                }
            } else if (oid != SystemOids.INFORMATION_SCHEMA && context.catalog().relation(oid, relation.name()) != null) {
                return false;
            }
        }
        return false;
    }
}
