package io.weftdb.engine.system;

import io.weftdb.engine.ddl.Comments;
import java.util.List;

/**
 * pg_description and pg_shdescription: the COMMENT ON texts of objects that still exist, with the
 * catalog they belong to (pg_class for tables, views, sequences, indexes and their columns,
 * pg_namespace for schemas; databases are shared objects, in pg_shdescription under pg_database).
 */
final class PgCatalogComments {
    static final long PG_NAMESPACE = 2615;
    static final long PG_DATABASE = 1262;

    private PgCatalogComments() {
    }

    static List<SystemTable> tables() {
        return List.of(SystemTable.of("pg_catalog", "pg_description", PgCatalogComments::descriptions),
                SystemTable.of("pg_catalog", "pg_shdescription", PgCatalogComments::sharedDescriptions));
    }

    @SuppressWarnings("unchecked")
    static List<Comments.Entry> comments(SystemContext context) {
        return (List<Comments.Entry>) context.session().callSessionFunction("comments", new Object[0]);
    }

    /** The catalog an object's comment is filed under, or 0 when the object is gone or is a database. */
    static long classOf(long objectId, SystemContext context) {
        if (context.relation(objectId) != null || context.tableOfIndex(objectId) != null) {
            return SystemOids.PG_CLASS;
        }
        return context.catalog().schema(objectId) != null ? PG_NAMESPACE : 0;
    }

    private static void descriptions(SystemTable table, SystemContext context, List<Object[]> out) {
        for (Comments.Entry entry : comments(context)) {
            long classId = classOf(entry.objectId(), context);
            if (classId != 0) {
                out.add(table.row().set("objoid", entry.objectId()).set("classoid", classId)
                        .set("objsubid", (long) entry.subId()).set("description", entry.text()).values());
            }
        }
    }

    private static void sharedDescriptions(SystemTable table, SystemContext context, List<Object[]> out) {
        for (Comments.Entry entry : comments(context)) {
            if (context.catalog().database(entry.objectId()) != null) {
                out.add(table.row().set("objoid", entry.objectId()).set("classoid", PG_DATABASE)
                        .set("description", entry.text()).values());
            }
        }
    }
}
