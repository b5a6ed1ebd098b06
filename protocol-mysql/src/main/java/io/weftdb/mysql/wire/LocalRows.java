package io.weftdb.mysql.wire;

import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import java.util.List;

/** Rows the listener computes itself (SHOW ...), streamed through the same path as the engine's. */
final class LocalRows implements RowResult {
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private int index = -1;

    LocalRows(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (index + 1 >= rows.size()) {
            index = rows.size();
            return false;
        }
        index++;
        return true;
    }

    @Override
    public Object[] row() {
        return rows.get(index);
    }

    @Override
    public long rowCount() {
        return Math.min(index + 1, rows.size());
    }

    @Override
    public String commandTag() {
        return "SHOW";
    }

    @Override
    public void close() {
        index = rows.size();
    }
}
