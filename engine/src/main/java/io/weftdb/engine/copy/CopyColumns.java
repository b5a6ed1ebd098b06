package io.weftdb.engine.copy;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The column list of a COPY resolved against its table. */
final class CopyColumns {
    private CopyColumns() {
    }

    /** Table positions of the named columns, or of every column when none is named. */
    static int[] positions(TableDef table, List<String> columns) {
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
