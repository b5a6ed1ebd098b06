package io.weftdb.engine.catalog;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnDefinition.Identity;
import io.weftdb.ir.type.DataType;

/**
 * A live column. {@code id} is stable for the column's life (renames keep it, row layouts refer to
 * it). {@code missingValue} is what rows written before the column was added read as (PostgreSQL's
 * attmissingval), so ADD COLUMN with a constant default never rewrites the table.
 */
public record ColumnDef(int id, String name, DataType type, boolean notNull, Expr defaultValue, String defaultSql,
                        Identity identity, Object missingValue) {
    public ColumnDef withName(String newName) {
        return new ColumnDef(id, newName, type, notNull, defaultValue, defaultSql, identity, missingValue);
    }

    public ColumnDef withNotNull(boolean newNotNull) {
        return new ColumnDef(id, name, type, newNotNull, defaultValue, defaultSql, identity, missingValue);
    }

    public ColumnDef withDefault(Expr newDefault, String newDefaultSql) {
        return new ColumnDef(id, name, type, notNull, newDefault, newDefaultSql, identity, missingValue);
    }
}
