package io.weftdb.engine.exec;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.sequence.SequenceManager;
import io.weftdb.engine.stats.TableStatistics;
import io.weftdb.engine.table.TransactionReader;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.engine.txn.TransactionManager;

/** Everything one statement's execution needs from the engine and its session, in one place. */
public record ExecutionEnvironment(Transaction transaction, TransactionManager transactions, TransactionReader reader,
                                   SequenceManager sequences, TableStatistics statistics, EvaluationContext context,
                                   long lockTimeoutMillis) {

    public Catalog catalog() {
        return transaction.catalog();
    }

    public void lock(LockKey key, LockManager.Mode mode) {
        transactions.locks().acquire(transaction, key, mode, lockTimeoutMillis);
    }

    /** Polled by long loops so a cancel request stops the statement. */
    public void checkCancelled() {
        transaction.checkCancelled();
    }
}
