package io.weftdb.engine.table;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.value.TextFormat;
import java.util.List;

/** PostgreSQL's wording for constraint-violation details: {@code Key (a, b)=(1, x)}, {@code Failing row contains (...)}. */
final class ConstraintMessages {
    private ConstraintMessages() {
    }

    static String keyDetail(TableDef table, int[] positions, Object[] row) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) {
                names.append(", ");
                values.append(", ");
            }
            names.append(table.columns().get(positions[i]).name());
            String text = TextFormat.format(row[positions[i]], table.columns().get(positions[i]).type());
            values.append(text == null ? "null" : text);
        }
        return "Key (" + names + ")=(" + values + ")";
    }

    static String failingRow(TableDef table, Object[] row) {
        StringBuilder out = new StringBuilder("Failing row contains (");
        List<io.weftdb.engine.catalog.ColumnDef> columns = table.columns();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            String text = TextFormat.format(row[i], columns.get(i).type());
            out.append(text == null ? "null" : text);
        }
        return out.append(").").toString();
    }
}
