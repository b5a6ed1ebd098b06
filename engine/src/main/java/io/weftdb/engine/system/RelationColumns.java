package io.weftdb.engine.system;

import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** The output columns of a view, with types: the catalog keeps only names, so the view's query is planned. */
final class RelationColumns {
    /** A column of a relation with no ColumnDef (a view's, a sequence's). */
    record Column(String name, DataType type) {}

    private RelationColumns() {
    }

    /**
     * The view's columns; a view whose query no longer plans (a dropped column it reads) still
     * lists its names, typed text, so catalog queries keep working.
     */
    static List<Column> ofView(SystemContext context, ViewDef view) {
        List<DataType> types = new ArrayList<>();
        try {
            NameContext names = new NameContext(context.catalog(), context.database(), context.searchPath(), context.user());
            for (Scope.Column column : new QueryPlanner(names, ParameterTypes.none()).plan(view.query()).output().columns()) {
                types.add(column.type());
            }
        } catch (SqlException broken) {
            types.clear();
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < view.columnNames().size(); i++) {
            columns.add(new Column(view.columnNames().get(i), i < types.size() ? types.get(i) : DataType.TEXT));
        }
        return columns;
    }

    /** The columns PostgreSQL shows for a sequence relation. */
    static List<Column> ofSequence() {
        return List.of(new Column("last_value", DataType.BIGINT), new Column("log_cnt", DataType.BIGINT),
                new Column("is_called", DataType.BOOLEAN));
    }
}
