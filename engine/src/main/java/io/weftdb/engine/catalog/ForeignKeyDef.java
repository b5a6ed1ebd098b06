package io.weftdb.engine.catalog;

import io.weftdb.ir.stmt.ReferentialAction;
import java.util.List;

public record ForeignKeyDef(String name, List<Integer> columnIds, long referencedTableId,
                            List<Integer> referencedColumnIds, ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKeyDef {
        columnIds = List.copyOf(columnIds);
        referencedColumnIds = List.copyOf(referencedColumnIds);
    }
}
