package io.weftdb.engine.catalog;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnDefinition.Identity;
import io.weftdb.ir.type.DataType;

/**
 * A live column. {@code id} is stable for the column's life (renames keep it, row layouts refer to
 * it). {@code missingValue} is what rows written before the column was added read as (PostgreSQL's
 * attmissingval), so ADD COLUMN with a constant default never rewrites the table.
 * {@code declaredType} is the type as a dialect spelled it when that is not the stored type's name
 * (MySQL's {@code mediumtext}, {@code tinyint(1)}), for that dialect to show back; null otherwise.
 * {@code onUpdate} is MySQL's {@code ON UPDATE} value: what an UPDATE that changes the row and does
 * not assign this column sets it to; null for none.
 */
public record ColumnDef(int id, String name, DataType type, boolean notNull, Expr defaultValue, String defaultSql,
                        Identity identity, Object missingValue, String declaredType, Expr onUpdate) {
    public ColumnDef(int id, String name, DataType type, boolean notNull, Expr defaultValue, String defaultSql,
                     Identity identity, Object missingValue) {
        this(id, name, type, notNull, defaultValue, defaultSql, identity, missingValue, null, null);
    }

    public ColumnDef withName(String newName) {
        return new ColumnDef(id, newName, type, notNull, defaultValue, defaultSql, identity, missingValue, declaredType,
                onUpdate);
    }

    public ColumnDef withNotNull(boolean newNotNull) {
        return new ColumnDef(id, name, type, newNotNull, defaultValue, defaultSql, identity, missingValue, declaredType,
                onUpdate);
    }

    /** This column with another type: the declared spelling is that of the new type (null: its own name). */
    public ColumnDef withType(DataType newType, String newDeclaredType, Object newMissingValue) {
        return new ColumnDef(id, name, newType, notNull, defaultValue, defaultSql, identity, newMissingValue, newDeclaredType,
                onUpdate);
    }

    public ColumnDef withOnUpdate(Expr newOnUpdate) {
        return new ColumnDef(id, name, type, notNull, defaultValue, defaultSql, identity, missingValue, declaredType,
                newOnUpdate);
    }

    public ColumnDef withDefault(Expr newDefault, String newDefaultSql) {
        return new ColumnDef(id, name, type, notNull, newDefault, newDefaultSql, identity, missingValue, declaredType,
                onUpdate);
    }
}
