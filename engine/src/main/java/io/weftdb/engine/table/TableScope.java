package io.weftdb.engine.table;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.ColumnOrigin;
import io.weftdb.engine.expr.Scope;
import java.util.ArrayList;
import java.util.List;

/** The scope a table's rows are seen through: its live columns, qualified by {@code relationName}. */
public final class TableScope {
    private TableScope() {
    }

    public static Scope of(TableDef table, String relationName) {
        List<Integer> keyColumnIds = table.hiddenRowId() ? List.of() : table.primaryIndex().columnIds();
        List<Scope.Column> columns = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            ColumnOrigin origin = new ColumnOrigin(table.id(), table.name(), column.id(), column.name(), column.notNull(),
                    keyColumnIds.contains(column.id()), isUnique(table, column));
            columns.add(new Scope.Column(relationName, column.name(), column.type(), false, origin));
        }
        return new Scope(columns);
    }

    /** Whether the column alone is a primary key or unique index: no two rows share a non-null value. */
    private static boolean isUnique(TableDef table, ColumnDef column) {
        return table.indexes().stream().anyMatch(index -> index.unique() && index.columnIds().size() == 1
                && index.columnIds().get(0) == column.id());
    }
}
