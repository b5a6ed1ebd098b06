package io.weftdb.engine.catalog;

import io.weftdb.ir.type.TypeKind;
import java.util.List;

/**
 * The column list rows were written with at one schema version. Rows carry their layout version, so
 * adding or dropping a column only adds a layout: old rows are read through their own.
 */
public record RowLayout(int version, List<Integer> columnIds, List<TypeKind> kinds) {
    public RowLayout {
        columnIds = List.copyOf(columnIds);
        kinds = List.copyOf(kinds);
    }
}
