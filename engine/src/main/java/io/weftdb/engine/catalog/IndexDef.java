package io.weftdb.engine.catalog;

import java.util.List;

/**
 * An index of a table. Every table has exactly one primary index (its PRIMARY KEY, or a hidden row
 * id when it has none) whose entries hold the rows. {@code id} is the key prefix of its entries; a
 * TRUNCATE gives the index a new id, so old entries can be dropped with one range delete.
 * {@code constraint} marks indexes created by PRIMARY KEY / UNIQUE constraints (named like them).
 * {@code localName}: where index names belong to their table (MySQL), the name it was given when
 * {@code name}, unique in the schema, had to differ from it; null otherwise.
 */
public record IndexDef(long id, String name, List<Integer> columnIds, List<Boolean> descending, boolean unique,
                       boolean primary, boolean constraint, String localName) {
    public IndexDef {
        columnIds = List.copyOf(columnIds);
        descending = List.copyOf(descending);
    }

    public IndexDef(long id, String name, List<Integer> columnIds, List<Boolean> descending, boolean unique,
                    boolean primary, boolean constraint) {
        this(id, name, columnIds, descending, unique, primary, constraint, null);
    }

    public IndexDef withId(long newId) {
        return new IndexDef(newId, name, columnIds, descending, unique, primary, constraint, localName);
    }

    public IndexDef withName(String newName) {
        return new IndexDef(id, newName, columnIds, descending, unique, primary, constraint, localName);
    }

    /** The name within its table: the one it was given, where that differs from its schema-wide name. */
    public String tableName() {
        return localName != null ? localName : name;
    }
}
