package io.weftdb.ir.stmt;

/** BEGIN, COMMIT, ROLLBACK, savepoints and SET TRANSACTION. */
public sealed interface TransactionControl extends Statement {

    /** BEGIN / START TRANSACTION; null modes keep the session default. */
    record Begin(IsolationLevel isolation, Boolean readOnly) implements TransactionControl {}

    record Commit(boolean chain) implements TransactionControl {}

    record Rollback(boolean chain) implements TransactionControl {}

    record Savepoint(String name) implements TransactionControl {}

    record ReleaseSavepoint(String name) implements TransactionControl {}

    record RollbackToSavepoint(String name) implements TransactionControl {}

    /** SET TRANSACTION (current transaction) or SET SESSION CHARACTERISTICS AS TRANSACTION (session default). */
    record SetTransaction(IsolationLevel isolation, Boolean readOnly, boolean sessionDefault)
            implements TransactionControl {}

    enum IsolationLevel {
        READ_UNCOMMITTED("read uncommitted"),
        READ_COMMITTED("read committed"),
        REPEATABLE_READ("repeatable read"),
        SERIALIZABLE("serializable");

        private final String sqlName;

        IsolationLevel(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }
}
