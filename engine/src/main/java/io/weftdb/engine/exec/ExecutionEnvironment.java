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
import java.time.Instant;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one statement's execution needs from the engine and its session, in one place. It is
 * also the context its expressions evaluate in: besides the statement's values it carries the rows
 * of the enclosing queries a correlated subquery runs for, and the results of uncorrelated
 * subqueries, computed once per statement.
 */
public final class ExecutionEnvironment implements EvaluationContext {
    private final Transaction transaction;
    private final TransactionManager transactions;
    private final TransactionReader reader;
    private final SequenceManager sequences;
    private final TableStatistics statistics;
    private final EvaluationContext statement;
    private final long lockTimeoutMillis;
    private final OuterRows outerRows;
    private final Map<Object, Object> subqueryResults;
    private final PlanObserver observer;
    private final long workMemoryBytes;

    /** The rows of the enclosing query levels, innermost first. */
    private record OuterRows(Object[] row, OuterRows enclosing) {}

    public ExecutionEnvironment(Transaction transaction, TransactionManager transactions, TransactionReader reader,
                                SequenceManager sequences, TableStatistics statistics, EvaluationContext statement,
                                long lockTimeoutMillis, long workMemoryBytes) {
        this(transaction, transactions, reader, sequences, statistics, statement, lockTimeoutMillis, null,
                new IdentityHashMap<>(), null, workMemoryBytes);
    }

    private ExecutionEnvironment(Transaction transaction, TransactionManager transactions, TransactionReader reader,
                                 SequenceManager sequences, TableStatistics statistics, EvaluationContext statement,
                                 long lockTimeoutMillis, OuterRows outerRows, Map<Object, Object> subqueryResults,
                                 PlanObserver observer, long workMemoryBytes) {
        this.transaction = transaction;
        this.transactions = transactions;
        this.reader = reader;
        this.sequences = sequences;
        this.statistics = statistics;
        this.statement = statement;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.outerRows = outerRows;
        this.subqueryResults = subqueryResults;
        this.observer = observer;
        this.workMemoryBytes = workMemoryBytes;
    }

    /** The environment a subquery runs in for {@code row} of its enclosing query. */
    public ExecutionEnvironment withOuterRow(Object[] row) {
        return new ExecutionEnvironment(transaction, transactions, reader, sequences, statistics, statement,
                lockTimeoutMillis, new OuterRows(row, outerRows), subqueryResults, observer, workMemoryBytes);
    }

    /** The same environment with every plan operator opened through {@code planObserver}. */
    public ExecutionEnvironment withObserver(PlanObserver planObserver) {
        return new ExecutionEnvironment(transaction, transactions, reader, sequences, statistics, statement,
                lockTimeoutMillis, outerRows, subqueryResults, planObserver, workMemoryBytes);
    }

    /** What watches plan operators run (EXPLAIN ANALYZE), or null. */
    public PlanObserver observer() {
        return observer;
    }

    /**
     * Results kept for the rest of the statement, by the identity of what computed them (an
     * uncorrelated subquery's plan): shared by every environment derived from this one.
     */
    public Map<Object, Object> subqueryResults() {
        return subqueryResults;
    }

    public Transaction transaction() {
        return transaction;
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public TransactionReader reader() {
        return reader;
    }

    public SequenceManager sequences() {
        return sequences;
    }

    public TableStatistics statistics() {
        return statistics;
    }

    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /** How much memory a sort may hold before it spills sorted runs to disk (work_mem). */
    public long workMemoryBytes() {
        return workMemoryBytes;
    }

    /** The context expressions evaluate in: this environment. */
    public EvaluationContext context() {
        return this;
    }

    public Catalog catalog() {
        return transaction.catalog();
    }

    public void lock(LockKey key, LockManager.Mode mode) {
        transactions.locks().acquire(transaction, key, mode, lockTimeoutMillis);
    }

    /** Takes {@code key} in {@code mode} if no other transaction is in the way; false (and nothing held) otherwise. */
    public boolean tryLock(LockKey key, LockManager.Mode mode) {
        return transactions.locks().tryAcquire(transaction, key, mode);
    }

    /** Whether the statement's transaction holds {@code key} in at least {@code mode}. */
    public boolean holdsLock(LockKey key, LockManager.Mode mode) {
        return transactions.locks().holds(transaction, key, mode);
    }

    /** Polled by long loops so a cancel request stops the statement. */
    public void checkCancelled() {
        transaction.checkCancelled();
    }

    @Override
    public Object[] outerRow(int levelsUp) {
        OuterRows rows = outerRows;
        for (int i = 1; i < levelsUp && rows != null; i++) {
            rows = rows.enclosing();
        }
        if (rows == null) {
            throw new IllegalStateException("no enclosing query row " + levelsUp + " levels up");
        }
        return rows.row();
    }

    @Override
    public List<Object> parameters() {
        return statement.parameters();
    }

    @Override
    public Object parameter(int index, io.weftdb.ir.type.DataType type) {
        return statement.parameter(index, type);
    }

    @Override
    public Instant statementTimestamp() {
        return statement.statementTimestamp();
    }

    @Override
    public Instant transactionTimestamp() {
        return statement.transactionTimestamp();
    }

    @Override
    public ZoneId timeZone() {
        return statement.timeZone();
    }

    @Override
    public String currentUser() {
        return statement.currentUser();
    }

    @Override
    public String currentDatabase() {
        return statement.currentDatabase();
    }

    @Override
    public String currentSchema() {
        return statement.currentSchema();
    }

    @Override
    public Object callSessionFunction(String name, Object[] arguments) {
        return statement.callSessionFunction(name, arguments);
    }

    @Override
    public boolean strictAssignments() {
        return statement.strictAssignments();
    }

    @Override
    public void warn(io.weftdb.engine.Notice notice) {
        statement.warn(notice);
    }
}
