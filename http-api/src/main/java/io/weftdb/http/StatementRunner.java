package io.weftdb.http;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.StatementResult;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.TransactionControl;
import java.io.IOException;
import java.util.List;

/**
 * Runs a request's statements in a session as PostgreSQL runs a simple-query string: several
 * statements share one implicit transaction (an error in any undoes them all, unless they manage
 * their own with BEGIN/COMMIT), and rows go to the writer as the engine produces them.
 */
final class StatementRunner {
    /** Rows between checks whether the client should be sent what is buffered. */
    private static final int FLUSH_CHECK_ROWS = 256;
    private static final long FLUSH_INTERVAL_NANOS = 100_000_000L;

    private StatementRunner() {
    }

    /** Runs the statements; throws {@link SqlException} for the first one that fails, after undoing the block. */
    static void run(Session session, List<ParsedStatement> statements, List<Object> params, RunningQuery query,
                    ResultWriter out) throws IOException {
        if (!params.isEmpty() && statements.size() > 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "cannot insert multiple commands into a statement with parameters");
        }
        boolean block = statements.size() > 1;
        if (block) {
            session.beginImplicitBlock();
        }
        boolean completed = false;
        try {
            for (ParsedStatement statement : statements) {
                query.checkNotStopped();
                if (statement.statement() instanceof Copy copy && copy.fileName() == null) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY " + copy.direction()
                            + (copy.direction() == Copy.Direction.FROM ? " STDIN" : " STDOUT")
                            + " is not available in /v1/sql; use /v1/tables/{database}/{schema}/{table}/import or /export",
                            statement.offset() + 1);
                }
                runOne(session, statement, params, query, out);
            }
            completed = true;
        } catch (SqlException e) {
            throw query.explain(e);
        } finally {
            if (block && !completed) {
                rollBackBlock(session);
            }
        }
        if (block) {
            session.endImplicitBlock();
        }
    }

    private static void runOne(Session session, ParsedStatement statement, List<Object> params, RunningQuery query,
                               ResultWriter out) throws IOException {
        StatementResult result = session.execute(statement.statement(), params);
        switch (result) {
            case CommandResult command -> out.endResult(command.commandTag(), command.rowCount(), session.takeNotices());
            case RowResult rows -> {
                // Until the rows run out, a failure to deliver them (the client hung up) undoes the
                // statement: an implicit transaction rolls back rather than committing half-sent work.
                boolean exhausted = false;
                try {
                    out.beginRows(rows.columns(), session.settings().timeZone());
                    long lastFlush = System.nanoTime();
                    long sinceCheck = 0;
                    while (rows.next()) {
                        out.row(rows.row());
                        if (++sinceCheck == FLUSH_CHECK_ROWS) {
                            sinceCheck = 0;
                            long now = System.nanoTime();
                            if (now - lastFlush > FLUSH_INTERVAL_NANOS) {
                                out.flush();
                                lastFlush = now;
                            }
                        }
                    }
                    exhausted = true;
                    out.endResult(rows.commandTag(), rows.rowCount(), session.takeNotices());
                } finally {
                    if (!exhausted) {
                        rows.abort();
                    }
                }
            }
        }
    }

    /**
     * The request did not complete (a statement failed, or the client went away while rows were
     * streaming): nothing of it may stay, so its block is rolled back and the session is idle again.
     */
    private static void rollBackBlock(Session session) {
        try {
            session.execute(new TransactionControl.Rollback(false), List.of());
            session.takeNotices();
        } catch (SqlException ignored) {
            // The first failure is the one the client hears about.
        }
    }
}
