package io.weftdb.engine;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogStore;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.sequence.SequenceManager;
import io.weftdb.engine.stats.StatementMetrics;
import io.weftdb.engine.stats.TableStatistics;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.engine.txn.TransactionManager;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One database engine over one store: the catalog, transactions, sequences and statistics shared by
 * every session of every protocol. The caller owns the storage and closes it after the engine.
 */
public final class Engine implements AutoCloseable {
    private final Storage storage;
    private final EngineOptions options;
    private final SequenceManager sequences;
    private final TransactionManager transactions;
    private final TableStatistics statistics = new TableStatistics();
    private final StatementMetrics metrics = new StatementMetrics();
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextSessionId = new AtomicInteger(1);
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService autoAnalyze;
    private volatile boolean closed;

    private Engine(Storage storage, EngineOptions options) {
        this.storage = storage;
        this.options = options;
        this.sequences = new SequenceManager(storage);
        Catalog catalog = CatalogStore.load(storage);
        long heap = Runtime.getRuntime().maxMemory();
        this.transactions = new TransactionManager(storage, catalog, options.syncCommits(), heap / 2,
                Math.min(options.spillBytes(), heap / 8));
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "weftdb-statement-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        if (catalog.databases().isEmpty()) {
            bootstrap();
        }
        try (var view = storage.snapshot()) {
            statistics.load(view);
        }
        dropLeftoverTemporarySchemas();
        long naptime = options.autoAnalyzeNaptime().toMillis();
        if (naptime > 0) {
            // A thread of its own: an ANALYZE takes a while and must not hold up statement timeouts.
            autoAnalyze = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "weftdb-auto-analyze");
                thread.setDaemon(true);
                return thread;
            });
            autoAnalyze.scheduleWithFixedDelay(new AutoAnalyze(this), naptime, naptime, TimeUnit.MILLISECONDS);
        } else {
            autoAnalyze = null;
        }
    }

    /**
     * Temporary tables belong to a session; a server that stopped without ending its sessions
     * (killed, crashed) leaves their schemas behind, and session ids start again at 1.
     */
    private void dropLeftoverTemporarySchemas() {
        Catalog catalog = transactions.committedCatalog();
        for (DatabaseDef database : catalog.databases()) {
            List<String> leftovers = catalog.schemas(database.id()).stream().map(SchemaDef::name)
                    .filter(name -> name.startsWith(io.weftdb.engine.plan.NameContext.PG_TEMP + "_")).toList();
            if (leftovers.isEmpty()) {
                continue;
            }
            Session cleanup = new Session(this, 0, SessionOptions.DEFAULT_USER, database, SessionOptions.INTERNAL);
            try {
                cleanup.execute(new io.weftdb.ir.stmt.SchemaChange.DropSchema(leftovers, true, true), List.of());
            } finally {
                cleanup.close();
            }
        }
    }

    /** Opens the engine over {@code storage}, creating the default database on first use. */
    public static Engine open(Storage storage, EngineOptions options) {
        return new Engine(storage, options);
    }

    /** A fresh store gets the database "postgres" with its "public" schema, as a new PostgreSQL cluster has. */
    private void bootstrap() {
        Transaction transaction = transactions.begin(IsolationLevel.READ_COMMITTED, false, true);
        transaction.beginStatement();
        DatabaseDef database = new DatabaseDef(sequences.allocateObjectId(), SessionOptions.DEFAULT_DATABASE);
        transaction.putCatalogObject(database);
        transaction.putCatalogObject(new SchemaDef(sequences.allocateObjectId(), database.id(), "public"));
        transactions.commit(transaction);
    }

    public Session openSession(SessionOptions sessionOptions) {
        if (closed) {
            throw new SqlException(ErrorCode.ADMIN_SHUTDOWN, "the database system is shutting down");
        }
        DatabaseDef database = transactions.committedCatalog().databaseByName(sessionOptions.database());
        if (database == null) {
            throw new SqlException(ErrorCode.UNDEFINED_DATABASE, "database \"" + sessionOptions.database() + "\" does not exist");
        }
        int id = nextSessionId.getAndIncrement();
        Session session = new Session(this, id, sessionOptions.user(), database, sessionOptions.protocol());
        sessions.put(id, session);
        return session;
    }

    void sessionClosed(Session session) {
        sessions.remove(session.id());
    }

    /** Open sessions by id (for status pages and cancelling other sessions' statements). */
    public Map<Integer, Session> sessions() {
        return Map.copyOf(sessions);
    }

    /** The committed catalog: what a transaction starting now sees (for catalog browsing over HTTP and status pages). */
    public Catalog catalog() {
        return transactions.committedCatalog();
    }

    EngineOptions options() {
        return options;
    }

    SequenceManager sequences() {
        return sequences;
    }

    TransactionManager transactions() {
        return transactions;
    }

    /** Counters of every statement run, by protocol (GET /metrics). */
    public StatementMetrics metrics() {
        return metrics;
    }

    TableStatistics statistics() {
        return statistics;
    }

    boolean isClosed() {
        return closed;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    public Storage storage() {
        return storage;
    }

    /** Rolls back every open session, then records sequence positions exactly. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (autoAnalyze != null) {
            // No new round; a running ANALYZE is cancelled and finishes unwinding before its session closes.
            autoAnalyze.shutdownNow();
            sessions.values().stream().filter(session -> session.protocol().equals(SessionOptions.INTERNAL))
                    .forEach(Session::cancel);
            try {
                autoAnalyze.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Session session : sessions.values()) {
            session.close();
        }
        timers.shutdownNow();
        sequences.flush();
        storage.flush();
    }
}
