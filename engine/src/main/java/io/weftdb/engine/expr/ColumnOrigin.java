package io.weftdb.engine.expr;

/**
 * The table column a result column is read from unchanged, as PostgreSQL's RowDescription (table
 * OID and attribute number) and MySQL's column definition (original table and name, NOT NULL and
 * PRIMARY KEY flags) tell clients: drivers derive nullability, base tables and updatable result
 * sets from it. Computed columns have none. {@code unique}: the column alone is a primary key or
 * unique index (the planner then knows its distinct values without statistics).
 */
public record ColumnOrigin(long tableId, String table, int columnId, String column, boolean notNull, boolean primaryKey,
                           boolean unique) {}
