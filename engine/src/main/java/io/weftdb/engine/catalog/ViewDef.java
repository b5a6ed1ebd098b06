package io.weftdb.engine.catalog;

import io.weftdb.ir.stmt.Query;
import java.util.List;

public record ViewDef(long id, long schemaId, String name, List<String> columnNames, Query query, String sql)
        implements CatalogObject {
    public ViewDef {
        columnNames = List.copyOf(columnNames);
    }
}
