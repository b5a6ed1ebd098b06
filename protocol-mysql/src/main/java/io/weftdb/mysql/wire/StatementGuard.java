package io.weftdb.mysql.wire;

import io.weftdb.engine.Session;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.TransactionControl;
import java.util.List;

/**
 * MySQL's statement atomicity inside a transaction. In the engine (as in PostgreSQL) a failed
 * statement fails the whole transaction block; in MySQL only the statement is undone and the
 * transaction goes on. So a statement inside a transaction runs under a savepoint: undone to it
 * on failure, released on success. A deadlock or serialization failure rolls the whole
 * transaction back, as InnoDB does.
 */
final class StatementGuard {
    static final StatementGuard NONE = new StatementGuard(null);
    private static final String SAVEPOINT = "weftdb_mysql_statement";

    private final Session session;
    private boolean done;

    private StatementGuard(Session session) {
        this.session = session;
    }

    /** Sets the savepoint when the session is inside a transaction; a no-op guard otherwise. */
    static StatementGuard begin(Session session) {
        if (session.transactionState() != Session.TransactionState.IN_TRANSACTION) {
            return NONE;
        }
        session.execute(new TransactionControl.Savepoint(SAVEPOINT), List.of());
        return new StatementGuard(session);
    }

    void succeeded() {
        if (session == null || done) {
            return;
        }
        done = true;
        if (session.transactionState() == Session.TransactionState.IN_TRANSACTION) {
            session.execute(new TransactionControl.ReleaseSavepoint(SAVEPOINT), List.of());
        }
    }

    void failed(Throwable error) {
        if (session == null || done) {
            return;
        }
        done = true;
        if (session.transactionState() == Session.TransactionState.IDLE) {
            return;
        }
        if (error instanceof SqlException sql
                && (sql.code() == ErrorCode.DEADLOCK_DETECTED || sql.code() == ErrorCode.SERIALIZATION_FAILURE)) {
            session.execute(new TransactionControl.Rollback(false), List.of());
            return;
        }
        session.execute(new TransactionControl.RollbackToSavepoint(SAVEPOINT), List.of());
        session.execute(new TransactionControl.ReleaseSavepoint(SAVEPOINT), List.of());
    }
}
