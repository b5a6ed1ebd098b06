package io.weftdb.engine.system;

/**
 * The OIDs the catalog views give objects. Tables, views, sequences, indexes, schemas and databases
 * use their catalog ids (stable for the object's life; an index gets a new id when its table is
 * truncated). PostgreSQL's fixed OIDs are kept for what clients know by number: pg_catalog is 11,
 * the bootstrap superuser 10, the heap and btree access methods 2 and 403. information_schema gets
 * 13207, its OID in a fresh PostgreSQL 15 cluster. The public schema is a catalog object like any
 * other, so its OID is its catalog id, not PostgreSQL's 2200.
 *
 * <p>Constraints without an index (CHECK, FOREIGN KEY) and column defaults have no catalog id; they
 * get synthetic OIDs above 2^32, out of the range of catalog ids, derived from their table's id and
 * their position in it, so they are stable while the table's constraint list does not change. A
 * PRIMARY KEY or UNIQUE constraint's OID is its index's.
 */
public final class SystemOids {
    public static final long SUPERUSER = 10;
    public static final long PG_CATALOG = 11;
    public static final long INFORMATION_SCHEMA = 13207;
    public static final long HEAP = 2;
    public static final long BTREE = 403;
    public static final long DEFAULT_TABLESPACE = 1663;
    public static final long GLOBAL_TABLESPACE = 1664;
    /** pg_class's own oid: the classoid of relations in pg_description and pg_depend. */
    public static final long PG_CLASS = 1259;

    private static final long CONSTRAINTS = 1L << 32;
    private static final long DEFAULTS = 1L << 33;
    private static final int PER_TABLE = 2048;
    private static final int FOREIGN_KEYS = 1024;

    private SystemOids() {
    }

    public static long check(long tableId, int ordinal) {
        return CONSTRAINTS + tableId * PER_TABLE + ordinal;
    }

    public static long foreignKey(long tableId, int ordinal) {
        return CONSTRAINTS + tableId * PER_TABLE + FOREIGN_KEYS + ordinal;
    }

    public static long columnDefault(long tableId, int attnum) {
        return DEFAULTS + tableId * PER_TABLE + attnum;
    }
}
