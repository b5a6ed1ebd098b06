package io.weftdb.engine;

import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rest of a statement's rows read ahead, so that the statement ends while its consumer (a
 * PostgreSQL portal, a MySQL cursor) still has rows to give: a session streams one statement at a
 * time, and a client interleaving two results makes it run another. Up to {@code memoryBytes}
 * (work_mem) of rows stay on the heap, the rest go to a spill file; they are read back once, in
 * order. An error the statement raised while being read is kept and thrown where its rows end.
 */
public final class DetachedRows implements RowResult {
    private final List<ResultColumn> columns;
    private final List<Object[]> held;
    private final SpillFile spilled;
    private final SqlException error;
    private final String commandTag;
    private final long countBefore;
    private RowSource spilledRows;
    private int index = -1;
    private Object[] row;
    private long read;
    private boolean ended;

    private DetachedRows(List<ResultColumn> columns, List<Object[]> held, SpillFile spilled, SqlException error,
                         String commandTag, long countBefore) {
        this.columns = columns;
        this.held = held;
        this.spilled = spilled;
        this.error = error;
        this.commandTag = commandTag;
        this.countBefore = countBefore;
    }

    /** Reads what is left of {@code rows} (which ends its statement) into a result of its own. */
    public static DetachedRows drain(RowResult rows, long memoryBytes) {
        long countBefore = rows.rowCount();
        List<Object[]> held = new ArrayList<>();
        SpillFile spilled = null;
        SqlException error = null;
        long bytes = 0;
        try {
            while (rows.next()) {
                Object[] next = rows.row();
                if (spilled != null) {
                    spilled.write(next);
                    continue;
                }
                held.add(next.clone());
                bytes += RowSizes.estimate(next);
                if (bytes > memoryBytes) {
                    spilled = new SpillFile(rows.columns().stream().map(ResultColumn::type).toList());
                }
            }
        } catch (SqlException e) {
            error = e;
        } catch (RuntimeException e) {
            if (spilled != null) {
                spilled.close();
            }
            throw e;
        }
        return new DetachedRows(rows.columns(), held, spilled, error, error == null ? rows.commandTag() : null, countBefore);
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (ended) {
            return false;
        }
        if (index + 1 < held.size()) {
            if (index >= 0) {
                held.set(index, null); // read once: the heap is given back as the rows go
            }
            row = held.get(++index);
            read++;
            return true;
        }
        if (spilled != null) {
            if (spilledRows == null) {
                spilledRows = spilled.read();
            }
            if (spilledRows.next()) {
                row = spilledRows.row();
                read++;
                return true;
            }
        }
        close();
        if (error != null) {
            throw error;
        }
        return false;
    }

    @Override
    public Object[] row() {
        return row;
    }

    @Override
    public long rowCount() {
        return countBefore + read;
    }

    /** The error that ended the statement while its rows were read ahead (thrown where they end), or null. */
    public SqlException failure() {
        return error;
    }

    /** The statement's tag ("SELECT n"); null when it failed. */
    @Override
    public String commandTag() {
        return commandTag;
    }

    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        held.clear();
        if (spilledRows != null) {
            spilledRows.close();
        }
        if (spilled != null) {
            spilled.close();
        }
    }
}
