package io.weftdb.engine.table;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A statement's target column list (INSERT, COPY) resolved against its table. */
public final class TargetColumns {
    private TargetColumns() {
    }

    /** Table positions of the named columns, or of every column when none is named. */
    public static int[] positions(TableDef table, List<String> columns) {
        if (columns.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] positions = new int[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            String name = columns.get(i);
            if (!seen.add(name)) {
                throw new SqlException(ErrorCode.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            positions[i] = table.columnIndex(name);
            if (positions[i] < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + table.name()
                        + "\" does not exist");
            }
        }
        return positions;
    }
}
