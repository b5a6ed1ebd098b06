package io.weftdb.ir.stmt;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import java.util.List;

/**
 * A column in CREATE TABLE / ADD COLUMN. {@code serial} marks SERIAL/BIGSERIAL (an owned sequence
 * plus a nextval default); {@code identity} marks GENERATED ... AS IDENTITY.
 */
public record ColumnDefinition(String name, DataType type, Expr defaultValue, boolean serial, Identity identity,
                               List<ColumnConstraint> constraints, int position) {
    public ColumnDefinition {
        constraints = List.copyOf(constraints);
    }

    public enum Identity { NONE, ALWAYS, BY_DEFAULT }
}
