package io.weftdb.engine.system;

import io.weftdb.engine.Session;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.session.SessionSettings;
import java.util.List;

/**
 * pg_catalog's cluster-level relations: databases, roles, settings, sessions, access methods,
 * collations and tablespaces.
 *
 * <p>WeftDB has no roles of its own: a session runs as the user it connected as, with every
 * privilege (authentication is the listener's job). The role catalogs therefore show the current
 * user as the one role, a superuser with PostgreSQL's bootstrap-superuser oid 10, and every object is
 * owned by it.
 */
final class PgCatalogServer {
    /** PostgreSQL's number for the UTF8 encoding (pg_database.encoding). */
    static final long UTF8 = 6;

    /**
     * Compile-time constants of the server that clients read from pg_settings (pgjdbc reads
     * max_index_keys before describing foreign keys): name, value, description.
     */
    private static final List<String[]> SERVER_CONSTANTS = List.of(
            new String[] {"block_size", "8192", "Shows the size of a disk block."},
            new String[] {"max_function_args", "100", "Shows the maximum number of function arguments."},
            new String[] {"max_index_keys", "32", "Shows the maximum number of index keys."});

    private PgCatalogServer() {
    }

    static List<SystemTable> tables() {
        return List.of(
                SystemTable.of("pg_catalog", "pg_database", PgCatalogServer::databases),
                SystemTable.of("pg_catalog", "pg_roles", (table, context, out) -> out.add(role(table, context)
                        .set("rolpassword", "********").values())),
                SystemTable.of("pg_catalog", "pg_authid", (table, context, out) -> out.add(role(table, context).values())),
                SystemTable.of("pg_catalog", "pg_user", PgCatalogServer::users),
                SystemTable.of("pg_catalog", "pg_settings", PgCatalogServer::settings),
                SystemTable.of("pg_catalog", "pg_stat_activity", PgCatalogServer::activity),
                SystemTable.of("pg_catalog", "pg_am", PgCatalogServer::accessMethods),
                SystemTable.of("pg_catalog", "pg_collation", PgCatalogServer::collations),
                SystemTable.of("pg_catalog", "pg_tablespace", PgCatalogServer::tablespaces));
    }

    private static void databases(SystemTable table, SystemContext context, List<Object[]> out) {
        for (DatabaseDef database : context.catalog().databases()) {
            out.add(table.row().set("oid", database.id()).set("datname", database.name())
                    .set("datdba", SystemOids.SUPERUSER).set("encoding", UTF8).set("datlocprovider", "c")
                    .set("datistemplate", false).set("datallowconn", true).set("datconnlimit", -1L)
                    .set("datfrozenxid", 0L).set("datminmxid", 0L).set("dattablespace", SystemOids.DEFAULT_TABLESPACE)
                    .set("datcollate", "C.UTF-8").set("datctype", "C.UTF-8").values());
        }
    }

    private static SystemTable.Row role(SystemTable table, SystemContext context) {
        return table.row().set("oid", SystemOids.SUPERUSER).set("rolname", context.user()).set("rolsuper", true)
                .set("rolinherit", true).set("rolcreaterole", true).set("rolcreatedb", true).set("rolcanlogin", true)
                .set("rolreplication", false).set("rolbypassrls", true).set("rolconnlimit", -1L);
    }

    private static void users(SystemTable table, SystemContext context, List<Object[]> out) {
        out.add(table.row().set("usename", context.user()).set("usesysid", SystemOids.SUPERUSER).set("usecreatedb", true)
                .set("usesuper", true).set("userepl", false).set("usebypassrls", true).set("passwd", "********")
                .values());
    }

    /** The session's parameters: SHOW ALL's list, with where each value came from. */
    private static void settings(SystemTable table, SystemContext context, List<Object[]> out) {
        for (String[] parameter : new SessionSettings().all()) {
            String name = parameter[0];
            String defaultValue = parameter[1];
            String value = context.setting(name);
            out.add(table.row().set("name", name).set("setting", value).set("category", "Client Connection Defaults")
                    .set("short_desc", parameter[2]).set("context", "user").set("vartype", valueType(defaultValue))
                    .set("source", value.equals(defaultValue) ? "default" : "session").set("boot_val", defaultValue)
                    .set("reset_val", defaultValue).set("pending_restart", false).values());
        }
        for (String[] constant : SERVER_CONSTANTS) {
            out.add(table.row().set("name", constant[0]).set("setting", constant[1]).set("category", "Preset Options")
                    .set("short_desc", constant[2]).set("context", "internal").set("vartype", "integer")
                    .set("source", "default").set("min_val", constant[1]).set("max_val", constant[1])
                    .set("boot_val", constant[1]).set("reset_val", constant[1]).set("pending_restart", false).values());
        }
    }

    private static String valueType(String value) {
        if (value.equals("on") || value.equals("off")) {
            return "bool";
        }
        return value.matches("-?\\d+") ? "integer" : "string";
    }

    /** One row per open session of every protocol; the statement text is not tracked, so query is NULL. */
    private static void activity(SystemTable table, SystemContext context, List<Object[]> out) {
        long self = (Long) context.session().callSessionFunction("pg_backend_pid", new Object[0]);
        @SuppressWarnings("unchecked")
        List<Session> sessions = (List<Session>) context.session().callSessionFunction("open_sessions", new Object[0]);
        for (Session session : sessions) {
            DatabaseDef database = context.catalog().databaseByName(session.database());
            String state = session.id() == self ? "active" : switch (session.transactionState()) {
                case IDLE -> "idle";
                case IN_TRANSACTION -> "idle in transaction";
                case FAILED -> "idle in transaction (aborted)";
            };
            out.add(table.row().set("datid", database == null ? null : database.id()).set("datname", session.database())
                    .set("pid", (long) session.id()).set("usesysid", SystemOids.SUPERUSER).set("usename", session.user())
                    .set("state", state).set("backend_type", "client backend").values());
        }
    }

    private static void accessMethods(SystemTable table, SystemContext context, List<Object[]> out) {
        out.add(table.row().set("oid", SystemOids.HEAP).set("amname", "heap").set("amhandler", 0L).set("amtype", "t")
                .values());
        out.add(table.row().set("oid", SystemOids.BTREE).set("amname", "btree").set("amhandler", 0L).set("amtype", "i")
                .values());
    }

    private static void collations(SystemTable table, SystemContext context, List<Object[]> out) {
        out.add(collation(table, SystemTypes.DEFAULT_COLLATION, "default", "d", -1, null));
        out.add(collation(table, SystemTypes.C_COLLATION, "C", "c", -1, "C"));
        out.add(collation(table, SystemTypes.POSIX_COLLATION, "POSIX", "c", -1, "POSIX"));
    }

    private static Object[] collation(SystemTable table, long oid, String name, String provider, long encoding,
                                      String locale) {
        return table.row().set("oid", oid).set("collname", name).set("collnamespace", SystemOids.PG_CATALOG)
                .set("collowner", SystemOids.SUPERUSER).set("collprovider", provider).set("collisdeterministic", true)
                .set("collencoding", encoding).set("collcollate", locale).set("collctype", locale).values();
    }

    private static void tablespaces(SystemTable table, SystemContext context, List<Object[]> out) {
        out.add(table.row().set("oid", SystemOids.DEFAULT_TABLESPACE).set("spcname", "pg_default")
                .set("spcowner", SystemOids.SUPERUSER).values());
        out.add(table.row().set("oid", SystemOids.GLOBAL_TABLESPACE).set("spcname", "pg_global")
                .set("spcowner", SystemOids.SUPERUSER).values());
    }
}
