package io.weftdb.ir.stmt;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import java.util.List;

/**
 * A column in CREATE TABLE / ADD COLUMN. {@code serial} marks SERIAL/BIGSERIAL (an owned sequence
 * plus a nextval default); {@code identity} marks GENERATED ... AS IDENTITY. {@code declaredType}:
 * the type as the dialect spelled it when the stored type has another name (MySQL's
 * {@code mediumtext}), else null; {@code onUpdate}: MySQL's ON UPDATE value, else null.
 */
public record ColumnDefinition(String name, DataType type, Expr defaultValue, boolean serial, Identity identity,
                               List<ColumnConstraint> constraints, int position, String declaredType, Expr onUpdate) {
    public ColumnDefinition {
        constraints = List.copyOf(constraints);
    }

    public ColumnDefinition(String name, DataType type, Expr defaultValue, boolean serial, Identity identity,
                            List<ColumnConstraint> constraints, int position) {
        this(name, type, defaultValue, serial, identity, constraints, position, null, null);
    }

    public enum Identity { NONE, ALWAYS, BY_DEFAULT }
}
