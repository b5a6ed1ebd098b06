package io.weftdb.pg.wire;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.DetachedRows;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.StatementResult;
import io.weftdb.ir.error.SqlException;
import java.util.List;

/**
 * A portal created by Bind: a prepared statement with its parameter values and the result formats
 * the client asked for, and once started the statement's result, read a chunk per Execute.
 *
 * <p>The engine streams the rows of one statement per session at a time. When another statement
 * runs while this portal still has rows to give (a client interleaving two portals), the rest of
 * its rows are first read ahead ({@link #detach}: work_mem of them in memory, the rest spilled to
 * disk) so the portal can still be resumed.
 */
final class Portal {
    private final String name;
    private final PreparedStatement statement;
    private final List<Object> parameters;
    private final List<Integer> resultFormats;
    private boolean started;
    private List<ResultColumn> columns;
    private RowResult rows;
    private boolean detached;
    private String commandTag;
    private boolean exhausted;

    Portal(String name, PreparedStatement statement, List<Object> parameters, List<Integer> resultFormats) {
        this.name = name;
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormats = List.copyOf(resultFormats);
    }

    String name() {
        return name;
    }

    PreparedStatement statement() {
        return statement;
    }

    List<Object> parameters() {
        return parameters;
    }

    boolean started() {
        return started;
    }

    void start(StatementResult result) {
        started = true;
        switch (result) {
            case CommandResult command -> {
                commandTag = command.commandTag();
                exhausted = true;
            }
            case RowResult rowResult -> {
                rows = rowResult;
                columns = rowResult.columns();
            }
        }
    }

    /** The result columns, or null when the statement returns no rows. */
    List<ResultColumn> columns() {
        return columns;
    }

    /** The format code (0 text, 1 binary) of each result column, from Bind's result format codes. */
    int[] formats() {
        int count = columns == null ? 0 : columns.size();
        int[] formats = new int[count];
        if (resultFormats.size() == 1) {
            java.util.Arrays.fill(formats, resultFormats.getFirst());
        } else if (resultFormats.size() == count) {
            for (int i = 0; i < count; i++) {
                formats[i] = resultFormats.get(i);
            }
        } else if (!resultFormats.isEmpty()) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message has " + resultFormats.size()
                    + " result formats but query has " + count + " columns");
        }
        return formats;
    }

    /** Whether the portal has no more rows to give (its statement has ended). */
    boolean isExhausted() {
        return exhausted;
    }

    /** Whether the engine is still streaming this portal's rows. */
    boolean isStreaming() {
        return rows != null && !exhausted && !detached;
    }

    /** Advances to the next row; false when there are no more (the statement has then ended). */
    boolean next() {
        if (exhausted) {
            return false;
        }
        try {
            if (rows.next()) {
                return true;
            }
        } catch (SqlException e) {
            exhausted = true;
            throw e;
        }
        exhausted = true;
        commandTag = rows.commandTag();
        return false;
    }

    Object[] row() {
        return rows.row();
    }

    /** The tag of the finished statement (valid once {@link #next()} returned false). */
    String commandTag() {
        return commandTag;
    }

    /** Reads the rest of the rows ahead so the engine can run another statement. */
    void detach(long memoryBytes) {
        if (!isStreaming()) {
            return;
        }
        rows = DetachedRows.drain(rows, memoryBytes);
        detached = true;
    }

    /** Ends the portal; a statement still streaming is closed (and its implicit transaction ended). */
    void close() {
        exhausted = true;
        if (rows != null) {
            try {
                rows.close();
            } catch (SqlException ignored) {
                // Closing a portal early reports nothing to the client; the statement is over either way.
            }
        }
    }
}
