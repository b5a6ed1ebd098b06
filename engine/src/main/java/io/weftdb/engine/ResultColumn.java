package io.weftdb.engine;

import io.weftdb.engine.expr.ColumnOrigin;
import io.weftdb.ir.type.DataType;

/** A column of a result set; {@code origin} is the table column it reads unchanged, or null. */
public record ResultColumn(String name, DataType type, ColumnOrigin origin) {
    public ResultColumn(String name, DataType type) {
        this(name, type, null);
    }
}
