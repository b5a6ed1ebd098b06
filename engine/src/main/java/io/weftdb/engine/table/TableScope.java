package io.weftdb.engine.table;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.Scope;
import java.util.ArrayList;
import java.util.List;

/** The scope a table's rows are seen through: its live columns, qualified by {@code relationName}. */
public final class TableScope {
    private TableScope() {
    }

    public static Scope of(TableDef table, String relationName) {
        List<Scope.Column> columns = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            columns.add(new Scope.Column(relationName, column.name(), column.type()));
        }
        return new Scope(columns);
    }
}
