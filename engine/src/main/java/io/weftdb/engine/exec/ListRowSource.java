package io.weftdb.engine.exec;

import java.util.List;

/** Rows already in memory (a sort's output, RETURNING rows, SHOW and EXPLAIN lines). */
public final class ListRowSource implements RowSource {
    private final List<Object[]> rows;
    private int index = -1;

    public ListRowSource(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public boolean next() {
        return ++index < rows.size();
    }

    @Override
    public Object[] row() {
        return rows.get(index);
    }

    @Override
    public void close() {
        index = rows.size();
    }
}
