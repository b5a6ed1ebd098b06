package io.weftdb.engine;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.copy.CopyBinaryCodec;
import io.weftdb.engine.copy.CopyIn;
import io.weftdb.engine.copy.CopyOut;
import io.weftdb.engine.ddl.DdlContext;
import io.weftdb.engine.ddl.DdlExecutor;
import io.weftdb.engine.dml.DmlExecutor;
import io.weftdb.engine.dml.DmlOutcome;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.engine.plan.PlanProfile;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.engine.plan.SubPlans;
import io.weftdb.engine.session.SessionSettings;
import io.weftdb.engine.stats.StatementMetrics;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.engine.table.TransactionReader;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Explain;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import io.weftdb.ir.type.DataType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client session: its settings, its transaction state and the statements it runs. Used by one
 * thread at a time (the protocol's session thread); only {@link #cancel()} may be called from
 * elsewhere.
 *
 * <p>Transaction states follow PostgreSQL: outside a block each statement runs in its own implicit
 * transaction; after BEGIN statements share one; an error inside a block fails it, and everything
 * but ROLLBACK (or ROLLBACK TO SAVEPOINT) is refused with 25P02 until then.
 */
public final class Session implements AutoCloseable {
    /** The transaction state a protocol reports (PostgreSQL's ReadyForQuery I/T/E). */
    public enum TransactionState { IDLE, IN_TRANSACTION, FAILED }

    private final Engine engine;
    private final int id;
    private final String user;
    private final String protocol;
    /** This session's protocol's statement counters, looked up once. */
    private final StatementMetrics.ProtocolMetrics metrics;
    private final SessionSettings settings = new SessionSettings();
    private final List<Notice> notices = new ArrayList<>();
    private final Map<Long, Long> currentValues = new HashMap<>();
    private final PlanCache plans = new PlanCache();
    private IsolationLevel defaultIsolation;
    private long defaultIsolationVersion = -1;
    private DatabaseDef database;
    private Long lastValue;
    private long sequenceCalls;
    private volatile Transaction transaction;
    private boolean explicitBlock;
    /** The open block was started by {@link #beginImplicitBlock()}, not by BEGIN. */
    private boolean implicitBlock;
    private boolean failed;
    private Instant transactionStart;
    private StatementRows openResult;
    private boolean closed;
    /** {@link #terminate()} was called; the session's own thread closes it at its next call. */
    private volatile boolean terminateRequested;
    private volatile Runnable terminationHook;

    Session(Engine engine, int id, String user, DatabaseDef database, String protocol) {
        this.engine = engine;
        this.id = id;
        this.user = user;
        this.protocol = protocol;
        this.metrics = engine.metrics().forProtocol(protocol);
        this.database = database;
    }

    public int id() {
        return id;
    }

    /**
     * The COMMENT ON text of an object (a column: its table's id and the column's id), as this
     * session's open transaction sees it, else as last committed; null when there is none.
     */
    public String comment(long objectId, int subId) {
        Transaction running = transaction;
        if (running != null) {
            return io.weftdb.engine.ddl.Comments.get(new TransactionReader(running, engine.transactions()), objectId, subId);
        }
        try (io.weftdb.engine.storage.ReadView view = engine.transactions().latest()) {
            return io.weftdb.engine.ddl.Comments.get(view, objectId, subId);
        }
    }

    /** The protocol the session was opened over (see {@link SessionOptions#protocol()}). */
    public String protocol() {
        return protocol;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database.name();
    }

    public SessionSettings settings() {
        return settings;
    }

    /** The catalog this session sees now: its open transaction's, else the last committed one. */
    public io.weftdb.engine.catalog.Catalog catalog() {
        Transaction open = transaction;
        return open != null ? open.catalog() : engine.transactions().committedCatalog();
    }

    /** The value nextval() or setval() last returned in this session (what lastval() reads), or null. */
    public Long lastSequenceValue() {
        return lastValue;
    }

    /**
     * How many values nextval() has handed out in this session: a statement that moved it generated
     * ids (MySQL's LAST_INSERT_ID), even when the new id equals the last one of another sequence.
     */
    public long sequenceCalls() {
        return sequenceCalls;
    }

    /**
     * Moves the sequence {@code sequenceId} (an ascending one) past {@code used} if it is not past it
     * yet: what MySQL does to an AUTO_INCREMENT counter when a row brings its own id.
     */
    public void advanceSequence(long sequenceId, long used) {
        if (engine.catalog().object(sequenceId) instanceof io.weftdb.engine.catalog.SequenceDef sequence) {
            engine.sequences().advancePast(sequence, used);
        }
    }

    public TransactionState transactionState() {
        if (failed) {
            return TransactionState.FAILED;
        }
        return explicitBlock ? TransactionState.IN_TRANSACTION : TransactionState.IDLE;
    }

    /** A notice a protocol raises for the statement it runs (a MySQL note the engine has no statement for). */
    public void addNotice(Notice notice) {
        notices.add(notice);
    }

    /** Notices raised since the last call, oldest first. */
    public List<Notice> takeNotices() {
        if (notices.isEmpty()) {
            return List.of();
        }
        List<Notice> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    /** Cancels the running statement, if any (57014); safe to call from any thread. */
    public void cancel() {
        Transaction running = transaction;
        if (running != null) {
            running.requestCancel();
        }
    }

    /**
     * Ends the session at an administrator's request, from any thread: the running statement is
     * cancelled (57014), and the session's next call closes it, rolling back, and fails with 57P01.
     * The closing is left to the session's own thread because the cancelled statement may still be
     * unwinding there, reading the transaction's snapshot.
     */
    public void terminate() {
        terminateRequested = true;
        cancel();
        Runnable hook = terminationHook;
        if (hook != null) {
            hook.run();
        }
    }

    /**
     * What the protocol serving this session does when {@link #terminate()} is called (from the
     * terminating thread): close its connection at once, as PostgreSQL and MySQL do, rather than at
     * the client's next command. The hook must not block.
     */
    public void onTerminate(Runnable hook) {
        this.terminationHook = hook;
    }

    /** Whether {@link #terminate()} was called (the session is still listed until it closes). */
    public boolean terminating() {
        return terminateRequested;
    }

    /**
     * Runs one statement. Rows are returned as a stream that must be consumed or closed before the
     * next statement (an open one is closed first).
     */
    public StatementResult execute(Statement statement, List<Object> parameters) {
        if (closed || terminateRequested) {
            close();
            throw new SqlException(ErrorCode.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        closeOpenResult();
        long started = System.nanoTime();
        StatementMetrics.Kind kind = StatementMetrics.kindOf(statement);
        try {
            StatementResult result = executeStatement(statement, parameters);
            if (result instanceof StatementRows rows) {
                rows.countIn(kind, started);
            } else {
                boolean changes = kind == StatementMetrics.Kind.INSERT || kind == StatementMetrics.Kind.UPDATE
                        || kind == StatementMetrics.Kind.DELETE;
                long changed = changes && result instanceof CommandResult command ? Math.max(command.rowCount(), 0) : 0;
                metrics.record(kind, System.nanoTime() - started, null, 0, changed);
            }
            return result;
        } catch (SqlException e) {
            metrics.record(kind, System.nanoTime() - started, e.code().sqlState(), 0, 0);
            throw e;
        }
    }

    private StatementResult executeStatement(Statement statement, List<Object> parameters) {
        if (statement instanceof TransactionControl control) {
            return transactionControl(control);
        }
        if (failed) {
            throw new SqlException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (statement instanceof SessionCommand command) {
            return sessionCommand(command);
        }
        return runInTransaction(statement, parameters);
    }

    /**
     * Starts {@code COPY ... FROM STDIN}: the statement stays open while the protocol feeds the
     * client's data to the returned loader, and ends with its {@code finish()} or {@code fail()}
     * (committing or undoing it as any statement, an implicit transaction included).
     */
    public CopyIn beginCopyIn(Copy copy) {
        return beginCopyIn(copy, null);
    }

    /** {@link #beginCopyIn(Copy)} for a protocol that can decode FORMAT binary values with {@code codec}. */
    public CopyIn beginCopyIn(Copy copy, CopyBinaryCodec codec) {
        requireCopy(copy, Copy.Direction.FROM);
        boolean implicit = !explicitBlock;
        if (implicit) {
            transaction = beginTransaction(null, null, true);
        }
        Transaction running = transaction;
        int mark = running.beginStatement(true);
        ScheduledFuture<?> timeout = scheduleTimeout(running);
        try {
            return CopyIn.start(copy, environment(running, List.of()), names(running), settings.timeZone(), codec, notices::add,
                    success -> finishStatement(running, implicit, mark, success, timeout), Session::translate);
        } catch (RuntimeException | StackOverflowError e) {
            SqlException error = translate(e);
            finishStatement(running, implicit, mark, false, timeout);
            throw error;
        }
    }

    /**
     * Starts {@code COPY ... TO STDOUT}: the rows of the table or query stream out one encoded line
     * at a time; the statement ends when they run out or the result is closed.
     */
    public CopyOut beginCopyOut(Copy copy) {
        return beginCopyOut(copy, null);
    }

    /** {@link #beginCopyOut(Copy)} for a protocol that can encode FORMAT binary values with {@code codec}. */
    public CopyOut beginCopyOut(Copy copy, CopyBinaryCodec codec) {
        requireCopy(copy, Copy.Direction.TO);
        var options = CopyOut.options(copy);
        StatementResult result = runInTransaction(CopyOut.query(copy), List.of());
        if (!(result instanceof RowResult rows)) {
            throw new IllegalStateException("a query returned no rows");
        }
        return CopyOut.of(rows, options, settings.timeZone(), codec);
    }

    private void requireCopy(Copy copy, Copy.Direction direction) {
        if (closed || terminateRequested) {
            close();
            throw new SqlException(ErrorCode.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        closeOpenResult();
        requireNotFailed();
        if (copy.direction() != direction) {
            throw new IllegalArgumentException("expected COPY " + direction + ", got " + copy.direction());
        }
        if (copy.fileName() != null) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY to or from a file is not supported");
        }
    }

    /**
     * Starts PostgreSQL's implicit transaction block for a multi-statement query string: the
     * statements up to {@link #endImplicitBlock()} run in one transaction, so an error in any of
     * them undoes them all. Does nothing inside an explicit block. A BEGIN among the statements
     * turns the block into an ordinary one.
     */
    public void beginImplicitBlock() {
        if (explicitBlock || closed) {
            return;
        }
        closeOpenResult();
        transaction = beginTransaction(null, null, false);
        explicitBlock = true;
        implicitBlock = true;
    }

    /** Ends an implicit block: commits it, or rolls it back when one of its statements failed. */
    public void endImplicitBlock() {
        if (!implicitBlock) {
            return;
        }
        closeOpenResult();
        boolean wasFailed = failed;
        Transaction ending = transaction;
        clearBlock();
        if (wasFailed) {
            engine.transactions().rollback(ending);
            return;
        }
        try {
            engine.transactions().commit(ending);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Locks {@code tables} until the open transaction block ends (MySQL's LOCK TABLES): an
     * exclusive table lock, so other sessions' writes and DDL on them wait, while their reads go
     * on from their snapshots. Waits like any lock (lock_timeout, deadlock detection, cancel).
     *
     * @throws SqlException 25P01 outside a transaction block; 42P01 for an unknown table; 42809 for a view
     */
    public void lockTables(List<QualifiedName> tables) {
        if (!explicitBlock || failed) {
            throw new SqlException(failed ? ErrorCode.IN_FAILED_SQL_TRANSACTION : ErrorCode.NO_ACTIVE_SQL_TRANSACTION,
                    failed ? "current transaction is aborted, commands ignored until end of transaction block"
                            : "LOCK TABLE can only be used in transaction blocks");
        }
        closeOpenResult();
        Transaction running = transaction;
        running.beginStatement(true);
        NameContext names = names(running);
        long lockTimeout = settings.millis("lock_timeout");
        if (lockTimeout == 0) {
            lockTimeout = engine.options().defaultLockTimeoutMillis();
        }
        for (QualifiedName name : tables) {
            if (!(names.relation(name, 0) instanceof io.weftdb.engine.catalog.TableDef table)) {
                throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a table");
            }
            try {
                engine.transactions().locks().acquire(running, io.weftdb.engine.txn.LockKey.table(table.id()),
                        io.weftdb.engine.txn.LockManager.Mode.EXCLUSIVE, lockTimeout);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
    }

    /**
     * Plans {@code statement} without running it, for protocols that describe prepared statements
     * (PostgreSQL's Describe). Reads the catalog the session sees now; changes nothing.
     */
    public StatementDescription describe(Statement statement, List<DataType> declaredParameterTypes) {
        ParameterTypes parameterTypes = new ParameterTypes(declaredParameterTypes);
        io.weftdb.engine.catalog.Catalog catalog = explicitBlock ? transaction.catalog() : null;
        if (catalog == null) {
            catalog = engine.transactions().committedCatalog();
        }
        NameContext names = new NameContext(catalog, database, settings.searchPath(), user, tempSchema());
        QueryPlanner planner = new QueryPlanner(names, parameterTypes, engine.statistics());
        List<ResultColumn> columns = switch (statement) {
            case Query query -> columns(planner.plan(query).output());
            case DataChange change -> {
                List<ResultColumn> returning = DmlExecutor.describe(change, planner);
                yield returning.isEmpty() ? null : returning;
            }
            case Explain explain -> List.of(new ResultColumn("QUERY PLAN", DataType.TEXT));
            case SessionCommand.ShowVariable show -> show.name().equalsIgnoreCase("all")
                    ? List.of(new ResultColumn("name", DataType.TEXT), new ResultColumn("setting", DataType.TEXT),
                    new ResultColumn("description", DataType.TEXT))
                    : List.of(new ResultColumn(showColumnName(show.name().toLowerCase(Locale.ROOT)), DataType.TEXT));
            default -> null;
        };
        return new StatementDescription(parameterTypes.resolved(), columns);
    }

    private StatementResult runInTransaction(Statement statement, List<Object> parameters) {
        boolean implicit = !explicitBlock;
        if (implicit) {
            transaction = beginTransaction(null, null, true);
        }
        Transaction running = transaction;
        int mark = running.beginStatement(isCurrentRead(statement));
        ScheduledFuture<?> timeout = scheduleTimeout(running);
        try {
            StatementResult result = dispatch(statement, parameters == null ? List.of() : parameters, running);
            if (result instanceof StatementRows rows) {
                rows.onFinish = success -> finishStatement(running, implicit, mark, success, timeout);
                openResult = rows;
                return rows;
            }
            finishStatement(running, implicit, mark, true, timeout);
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            SqlException error = translate(e);
            finishStatement(running, implicit, mark, false, timeout);
            throw error;
        }
    }

    private ScheduledFuture<?> scheduleTimeout(Transaction running) {
        long millis = settings.millis("statement_timeout");
        return millis > 0 ? engine.timers().schedule(running::requestTimeout, millis, TimeUnit.MILLISECONDS) : null;
    }

    /** Ends a statement: commits an implicit transaction, or undoes the statement and fails the block. */
    private void finishStatement(Transaction running, boolean implicit, int mark, boolean success, ScheduledFuture<?> timeout) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (success) {
            if (implicit) {
                transaction = null;
                endTransaction();
                try {
                    engine.transactions().commit(running);
                } catch (RuntimeException e) {
                    throw translate(e);
                }
            }
            return;
        }
        if (implicit) {
            transaction = null;
            endTransaction();
            engine.transactions().rollback(running);
        } else {
            running.rollbackStatement(mark);
            failed = true;
        }
    }

    private static SqlException translate(Throwable e) {
        return switch (e) {
            case SqlException sql -> sql;
            case StorageException storage -> new SqlException(ErrorCode.IO_ERROR, "storage failure: " + storage.getMessage(), 0,
                    null, null, storage);
            case StackOverflowError overflow -> new SqlException(ErrorCode.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
            default -> new SqlException(ErrorCode.INTERNAL_ERROR, "internal error: " + e, 0, null, null, e);
        };
    }

    private static final java.util.function.Function<String, Boolean> CURRENT_READS = "current"::equals;

    private Transaction beginTransaction(IsolationLevel isolation, Boolean readOnly, boolean implicit) {
        IsolationLevel level = isolation != null ? isolation : defaultIsolation();
        boolean readOnlyMode = readOnly != null ? readOnly : settings.isOn("default_transaction_read_only");
        transactionStart = Instant.now();
        return engine.transactions().begin(level, readOnlyMode, implicit,
                settings.parsed("weftdb.repeatable_read_writes", CURRENT_READS));
    }

    /**
     * Whether the statement writes or locks rows: under InnoDB's REPEATABLE READ such statements read
     * the latest committed rows (current reads) rather than the transaction's snapshot.
     */
    private static boolean isCurrentRead(Statement statement) {
        return statement instanceof DataChange
                || (statement instanceof Query.Select select && select.lockMode() != Query.LockMode.NONE);
    }

    /** The session's default isolation level, re-read only when a setting changed. */
    private IsolationLevel defaultIsolation() {
        if (defaultIsolationVersion != settings.version()) {
            defaultIsolation = IsolationLevel.valueOf(
                    settings.get("default_transaction_isolation").toUpperCase(Locale.ROOT).replace(' ', '_'));
            defaultIsolationVersion = settings.version();
        }
        return defaultIsolation;
    }

    private void endTransaction() {
        settings.endTransaction();
    }

    private StatementResult dispatch(Statement statement, List<Object> parameters, Transaction running) {
        ExecutionEnvironment environment = environment(running, parameters);
        return switch (statement) {
            case Query query -> {
                PlanNode plan = plans.plan(query, running.catalog(), database, settings.searchPath(),
                        () -> planner(running).plan(query));
                yield new StatementRows(columns(plan.output()), plan.open(environment), "SELECT");
            }
            case DataChange change -> {
                DmlOutcome outcome = new DmlExecutor(environment, planner(running)).execute(change);
                if (outcome.columns().isEmpty()) {
                    yield new CommandResult(outcome.commandTag(), outcome.rowCount(), outcome.updatedOnConflict());
                }
                yield new StatementRows(outcome.columns(), new ListRowSource(outcome.returned()), outcome.commandTag());
            }
            case SchemaChange.CreateTable create when create.temporary() -> {
                DdlExecutor ddl = new DdlExecutor(new DdlContext(environment, names(running), planner(running), notices::add,
                    settings.get("weftdb.index_names").equals("table")));
                yield ddl.execute(inTemporarySchema(create, ddl));
            }
            case SchemaChange change -> new DdlExecutor(new DdlContext(environment, names(running), planner(running), notices::add,
                    settings.get("weftdb.index_names").equals("table")))
                    .execute(change);
            case Explain explain -> explain(explain, planner(running), environment);
            case Copy copy -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, copy.fileName() != null
                    ? "COPY to or from a file is not supported"
                    : "COPY " + (copy.direction() == Copy.Direction.FROM ? "FROM STDIN" : "TO STDOUT")
                    + " needs the client protocol's COPY support");
            case TransactionControl control -> throw new IllegalStateException("handled before dispatch");
            case SessionCommand command -> throw new IllegalStateException("handled before dispatch");
        };
    }

    /** The schema of this session's temporary tables: pg_temp_N, N the session's id, as in PostgreSQL. */
    public String tempSchema() {
        return NameContext.PG_TEMP + "_" + id;
    }

    /**
     * CREATE TEMPORARY TABLE: the session's temporary schema is created with its first table (in the
     * same transaction), and the table goes into it. Naming another schema is an error (42P16), as in
     * PostgreSQL.
     */
    private SchemaChange.CreateTable inTemporarySchema(SchemaChange.CreateTable create, DdlExecutor ddl) {
        QualifiedName name = create.name();
        if (name.size() > 1 && !name.qualifier().equals(NameContext.PG_TEMP) && !name.qualifier().equals(tempSchema())) {
            throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "cannot create temporary relation in non-temporary schema");
        }
        if (catalog().schemaByName(database.id(), tempSchema()) == null) {
            ddl.execute(new SchemaChange.CreateSchema(tempSchema(), true));
        }
        return new SchemaChange.CreateTable(QualifiedName.of(tempSchema(), name.name()), create.ifNotExists(), create.columns(),
                create.constraints(), create.asQuery(), true);
    }

    /**
     * EXPLAIN prints the plan tree; EXPLAIN ANALYZE runs the query to the end first (its rows are
     * discarded) and adds each node's actual rows, loops and time, then the total execution time.
     */
    private StatementResult explain(Explain explain, QueryPlanner planner, ExecutionEnvironment environment) {
        if (!(explain.statement() instanceof Query query)) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN is supported for queries only");
        }
        long planningStart = System.nanoTime();
        PlanNode plan = planner.plan(query);
        long planningNanos = System.nanoTime() - planningStart;
        String text;
        if (explain.analyze()) {
            PlanProfile profile = new PlanProfile();
            long start = System.nanoTime();
            try (RowSource rows = plan.run(environment.withObserver(profile))) {
                while (rows.next()) {
                    environment.checkCancelled();
                }
            }
            long executionNanos = System.nanoTime() - start;
            text = plan.explain(node -> estimate(planner, node) + profile.annotation(node))
                    + subPlans(planner, node -> estimate(planner, node) + profile.annotation(node))
                    + String.format(Locale.ROOT, "Planning Time: %.3f ms%nExecution Time: %.3f ms", planningNanos / 1e6,
                    executionNanos / 1e6);
        } else {
            text = plan.explain(node -> estimate(planner, node)) + subPlans(planner, node -> estimate(planner, node));
        }
        List<Object[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(new Object[] {line});
        }
        return new StatementRows(List.of(new ResultColumn("QUERY PLAN", DataType.TEXT)), new ListRowSource(lines), "EXPLAIN");
    }

    /** The plans of the statement's subqueries, each under its InitPlan/SubPlan line. */
    private static String subPlans(QueryPlanner planner, java.util.function.Function<PlanNode, String> annotation) {
        StringBuilder out = new StringBuilder();
        List<SubPlans.Entry> entries = planner.subPlans().all();
        for (int i = 0; i < entries.size(); i++) {
            out.append(entries.get(i).kind().label(i + 1)).append('\n')
                    .append(entries.get(i).plan().explainAsChild(annotation));
        }
        return out.toString();
    }

    /** The planner's row estimate as EXPLAIN shows it after each node. */
    private static String estimate(QueryPlanner planner, PlanNode node) {
        return "  (rows=" + planner.estimatedRows(node) + ")";
    }

    private static List<ResultColumn> columns(Scope scope) {
        List<Scope.Column> columns = scope.columns();
        ResultColumn[] result = new ResultColumn[columns.size()];
        for (int i = 0; i < result.length; i++) {
            Scope.Column column = columns.get(i);
            result[i] = new ResultColumn(column.name(), column.type(), column.origin());
        }
        return List.of(result);
    }

    /** A planner for one statement (a cached plan needs none). */
    private QueryPlanner planner(Transaction running) {
        return new QueryPlanner(names(running), ParameterTypes.none(), engine.statistics());
    }

    private NameContext names(Transaction running) {
        return new NameContext(running.catalog(), database, settings.searchPath(), user, tempSchema());
    }

    private ExecutionEnvironment environment(Transaction running, List<Object> parameters) {
        long lockTimeout = settings.millis("lock_timeout");
        if (lockTimeout == 0) {
            lockTimeout = engine.options().defaultLockTimeoutMillis();
        }
        return new ExecutionEnvironment(running, engine.transactions(), new TransactionReader(running, engine.transactions()),
                engine.sequences(), engine.statistics(), new StatementContext(running, parameters, Instant.now()), lockTimeout,
                settings.bytes("work_mem"));
    }

    private StatementResult transactionControl(TransactionControl control) {
        return switch (control) {
            case TransactionControl.Begin begin -> {
                if (implicitBlock) {
                    implicitBlock = false;
                } else if (explicitBlock) {
                    notices.add(new Notice("WARNING", "there is already a transaction in progress"));
                } else {
                    transaction = beginTransaction(begin.isolation(), begin.readOnly(), false);
                    explicitBlock = true;
                }
                yield CommandResult.of("BEGIN");
            }
            case TransactionControl.Commit commit -> {
                if (!explicitBlock) {
                    notices.add(new Notice("WARNING", "there is no transaction in progress"));
                    yield CommandResult.of("COMMIT");
                }
                boolean wasFailed = failed;
                Transaction ending = transaction;
                clearBlock();
                if (wasFailed) {
                    engine.transactions().rollback(ending);
                    yield CommandResult.of("ROLLBACK");
                }
                try {
                    engine.transactions().commit(ending);
                } catch (RuntimeException e) {
                    throw translate(e);
                }
                if (commit.chain()) {
                    transaction = beginTransaction(ending.isolation(), ending.isReadOnly(), false);
                    explicitBlock = true;
                }
                yield CommandResult.of("COMMIT");
            }
            case TransactionControl.Rollback rollback -> {
                if (!explicitBlock) {
                    notices.add(new Notice("WARNING", "there is no transaction in progress"));
                    yield CommandResult.of("ROLLBACK");
                }
                Transaction ending = transaction;
                clearBlock();
                engine.transactions().rollback(ending);
                if (rollback.chain()) {
                    transaction = beginTransaction(ending.isolation(), ending.isReadOnly(), false);
                    explicitBlock = true;
                }
                yield CommandResult.of("ROLLBACK");
            }
            case TransactionControl.Savepoint savepoint -> {
                requireBlock("SAVEPOINT");
                requireNotFailed();
                transaction.defineSavepoint(savepoint.name());
                yield CommandResult.of("SAVEPOINT");
            }
            case TransactionControl.ReleaseSavepoint release -> {
                requireBlock("RELEASE SAVEPOINT");
                requireNotFailed();
                transaction.releaseSavepoint(release.name());
                yield CommandResult.of("RELEASE");
            }
            case TransactionControl.RollbackToSavepoint rollbackTo -> {
                requireBlock("ROLLBACK TO SAVEPOINT");
                transaction.rollbackToSavepoint(rollbackTo.name());
                failed = false;
                yield CommandResult.of("ROLLBACK");
            }
            case TransactionControl.SetTransaction set -> setTransaction(set);
        };
    }

    private StatementResult setTransaction(TransactionControl.SetTransaction set) {
        if (set.sessionDefault()) {
            if (set.isolation() != null) {
                settings.set("default_transaction_isolation", set.isolation().sqlName(), false);
            }
            if (set.readOnly() != null) {
                settings.set("default_transaction_read_only", set.readOnly() ? "on" : "off", false);
            }
            return CommandResult.of("SET");
        }
        requireNotFailed();
        if (!explicitBlock) {
            notices.add(new Notice("WARNING", "SET TRANSACTION can only be used in transaction blocks"));
            return CommandResult.of("SET");
        }
        if (transaction.hasStarted() && set.isolation() != null && set.isolation() != transaction.isolation()) {
            throw new SqlException(ErrorCode.ACTIVE_SQL_TRANSACTION, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        if (!transaction.hasStarted()) {
            Transaction previous = transaction;
            transaction = beginTransaction(set.isolation() != null ? set.isolation() : previous.isolation(),
                    set.readOnly() != null ? set.readOnly() : previous.isReadOnly(), false);
            engine.transactions().rollback(previous);
        } else if (set.readOnly() != null && set.readOnly() != transaction.isReadOnly()) {
            throw new SqlException(ErrorCode.ACTIVE_SQL_TRANSACTION, "transaction read-write mode must be set before any query");
        }
        return CommandResult.of("SET");
    }

    private void requireBlock(String command) {
        if (!explicitBlock) {
            throw new SqlException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, command + " can only be used in transaction blocks");
        }
    }

    private void requireNotFailed() {
        if (failed) {
            throw new SqlException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    private void clearBlock() {
        transaction = null;
        explicitBlock = false;
        implicitBlock = false;
        failed = false;
        endTransaction();
    }

    private StatementResult sessionCommand(SessionCommand command) {
        return switch (command) {
            case SessionCommand.SetVariable set -> setVariable(set);
            case SessionCommand.ShowVariable show -> show(show.name());
            case SessionCommand.ResetVariable reset -> {
                settings.reset(reset.name());
                yield CommandResult.of("RESET");
            }
            case SessionCommand.UseDatabase use -> {
                if (explicitBlock) {
                    throw new SqlException(ErrorCode.ACTIVE_SQL_TRANSACTION, "cannot change database inside a transaction block");
                }
                DatabaseDef target = engine.transactions().committedCatalog().databaseByName(use.name());
                if (target == null) {
                    throw new SqlException(ErrorCode.UNDEFINED_DATABASE, "database \"" + use.name() + "\" does not exist");
                }
                database = target;
                yield CommandResult.of("SET");
            }
        };
    }

    private StatementResult setVariable(SessionCommand.SetVariable set) {
        String name = set.name().toLowerCase(Locale.ROOT);
        if (set.values().isEmpty()) {
            settings.reset(name);
            return CommandResult.of("SET");
        }
        List<String> parts = new ArrayList<>();
        for (Expr value : set.values()) {
            parts.add(settingText(value));
        }
        String text = String.join(", ", parts);
        if (name.equals("transaction_isolation") || name.equals("transaction_read_only")) {
            IsolationLevel level = name.equals("transaction_isolation")
                    ? IsolationLevel.valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_')) : null;
            Boolean readOnly = name.equals("transaction_read_only") ? text.equalsIgnoreCase("on") || text.equalsIgnoreCase("true") : null;
            return setTransaction(new TransactionControl.SetTransaction(level, readOnly, false));
        }
        if (set.local() && !explicitBlock) {
            notices.add(new Notice("WARNING", "SET LOCAL can only be used in transaction blocks"));
            return CommandResult.of("SET");
        }
        settings.set(name, text, set.local());
        return CommandResult.of("SET");
    }

    /** The text of a SET value: literals as written, numbers as digits, identifiers as names. */
    private static String settingText(Expr value) {
        return switch (value) {
            case Expr.Literal literal when literal.value() == null -> "";
            case Expr.Literal literal -> TextFormat.format(literal.value(), literal.type());
            case Expr.Unary unary when unary.operand() instanceof Expr.Literal literal -> "-" + literal.value();
            case Expr.ColumnRef ref -> ref.name().toString();
            default -> throw new SqlException(ErrorCode.SYNTAX_ERROR, "SET requires a constant value", value.position());
        };
    }

    private StatementResult show(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("all")) {
            List<Object[]> rows = new ArrayList<>();
            for (String[] row : settings.all()) {
                rows.add(new Object[] {row[0], row[1], row[2]});
            }
            return new StatementRows(List.of(new ResultColumn("name", DataType.TEXT), new ResultColumn("setting", DataType.TEXT),
                    new ResultColumn("description", DataType.TEXT)), new ListRowSource(rows), "SHOW");
        }
        String value;
        if (key.equals("transaction_isolation") && transaction != null) {
            value = transaction.isolation().sqlName();
        } else if (key.equals("transaction_read_only") && transaction != null) {
            value = transaction.isReadOnly() ? "on" : "off";
        } else {
            value = displayValue(key, settings.get(key));
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value});
        return new StatementRows(List.of(new ResultColumn(showColumnName(key), DataType.TEXT)), new ListRowSource(rows), "SHOW");
    }

    /** SHOW's column is named after the parameter, with PostgreSQL's capitalisation of a few. */
    private static String showColumnName(String key) {
        return switch (key) {
            case "timezone" -> "TimeZone";
            case "datestyle" -> "DateStyle";
            case "intervalstyle" -> "IntervalStyle";
            default -> key;
        };
    }

    private static String displayValue(String key, String value) {
        if ((key.equals("statement_timeout") || key.equals("lock_timeout")) && !value.equals("0")) {
            long millis = Long.parseLong(value);
            return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
        }
        return value;
    }

    private void closeOpenResult() {
        if (openResult != null) {
            openResult.close();
        }
    }

    /** Ends the session: an open transaction is rolled back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            closeOpenResult();
        } catch (SqlException ignored) {
            // The session is going away; the statement's failure has nowhere to go.
        }
        Transaction open = transaction;
        if (open != null) {
            transaction = null;
            engine.transactions().rollback(open);
        }
        dropTemporarySchema();
        closed = true;
        engine.sessionClosed(this);
    }

    /** The session's temporary tables go with it (a crash leaves them to {@link Engine}'s start-up). */
    private void dropTemporarySchema() {
        if (engine.transactions().committedCatalog().schemaByName(database.id(), tempSchema()) == null) {
            return;
        }
        explicitBlock = false;
        failed = false;
        try {
            execute(new SchemaChange.DropSchema(List.of(tempSchema()), true, true), List.of());
        } catch (SqlException e) {
            // Left for the next start-up's clean-up: the session is going away either way.
        }
        notices.clear();
    }

    /** Streaming rows of one statement; ending them ends the statement. */
    private final class StatementRows implements RowResult {
        private final List<ResultColumn> columns;
        private final RowSource source;
        private final String command;
        private java.util.function.Consumer<Boolean> onFinish;
        private long count;
        private boolean finished;
        /** Set when the rows go to a caller: the statement is counted in the metrics when they end. */
        private StatementMetrics.Kind kind;
        private long started;
        private SqlException failure;

        void countIn(StatementMetrics.Kind statementKind, long startedNanos) {
            kind = statementKind;
            started = startedNanos;
        }

        StatementRows(List<ResultColumn> columns, RowSource source, String command) {
            this.columns = columns;
            this.source = source;
            this.command = command;
        }

        @Override
        public List<ResultColumn> columns() {
            return columns;
        }

        @Override
        public boolean next() {
            if (finished) {
                return false;
            }
            try {
                if (source.next()) {
                    count++;
                    return true;
                }
            } catch (RuntimeException | StackOverflowError e) {
                SqlException error = translate(e);
                failure = error;
                finish(false);
                throw error;
            }
            finish(true);
            return false;
        }

        @Override
        public Object[] row() {
            return source.row();
        }

        @Override
        public long rowCount() {
            return count;
        }

        @Override
        public String commandTag() {
            return command.equals("SELECT") ? "SELECT " + count : command;
        }

        @Override
        public void close() {
            finish(true);
        }

        @Override
        public void abort() {
            finish(false);
        }

        private void finish(boolean success) {
            if (finished) {
                return;
            }
            finished = true;
            if (openResult == this) {
                openResult = null;
            }
            if (kind != null) {
                // A SELECT returns its rows; INSERT/UPDATE/DELETE ... RETURNING changed as many as it returned.
                boolean returning = kind == StatementMetrics.Kind.INSERT || kind == StatementMetrics.Kind.UPDATE
                        || kind == StatementMetrics.Kind.DELETE;
                metrics.record(kind, System.nanoTime() - started,
                        failure == null ? null : failure.code().sqlState(), count, returning ? count : 0);
            }
            try {
                source.close();
            } finally {
                if (onFinish != null) {
                    onFinish.accept(success);
                }
            }
        }
    }

    /** Expression context of one statement: its parameters, times and the session's sequences. */
    private final class StatementContext implements EvaluationContext {
        private final boolean strictAssignments;
        private final Transaction running;
        private final List<Object> parameters;
        private final Instant statementStart;
        private DataType[] convertedTypes;
        private Object[] converted;

        StatementContext(Transaction running, List<Object> parameters, Instant statementStart) {
            this.running = running;
            this.parameters = parameters;
            this.statementStart = statementStart;
            this.strictAssignments = settings.isOn("weftdb.strict_assignments");
        }

        @Override
        public boolean strictAssignments() {
            return strictAssignments;
        }

        @Override
        public void warn(Notice notice) {
            // MySQL lists the first max_error_count (64) warnings of a statement.
            if (notices.size() < 64) {
                notices.add(notice);
            }
        }

        @Override
        public List<Object> parameters() {
            return parameters;
        }

        /** Each parameter converted once per statement (and type), not at every evaluation. */
        @Override
        public Object parameter(int index, DataType type) {
            if (convertedTypes == null) {
                convertedTypes = new DataType[parameters.size() + 1];
                converted = new Object[parameters.size() + 1];
            }
            if (index < convertedTypes.length && convertedTypes[index] == type) {
                return converted[index];
            }
            Object value = EvaluationContext.super.parameter(index, type);
            convertedTypes[index] = type;
            converted[index] = value;
            return value;
        }

        @Override
        public Instant statementTimestamp() {
            return statementStart;
        }

        @Override
        public Instant transactionTimestamp() {
            return transactionStart;
        }

        @Override
        public ZoneId timeZone() {
            return settings.timeZone();
        }

        @Override
        public String currentUser() {
            return user;
        }

        @Override
        public String currentDatabase() {
            return database.name();
        }

        @Override
        public String currentSchema() {
            var schemas = names(running).searchSchemas();
            return schemas.isEmpty() ? null : schemas.get(0).name();
        }

        @Override
        public Object callSessionFunction(String name, Object[] arguments) {
            if (name.equals("lastval")) {
                if (lastValue == null) {
                    throw new SqlException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
                }
                return lastValue;
            }
            // Session facts the system catalog (io.weftdb.engine.system) and its functions read.
            switch (name) {
                case "current_setting" -> {
                    return settings.get(arguments[0].toString());
                }
                case "set_config" -> {
                    // set_config(name, value, is_local): SET, or SET LOCAL for the rest of the transaction.
                    String setting = arguments[0].toString();
                    settings.set(setting, arguments[1] == null ? "" : arguments[1].toString(), Boolean.TRUE.equals(arguments[2]));
                    return settings.get(setting);
                }
                case "pg_backend_pid" -> {
                    return (long) id;
                }
                case "open_sessions" -> {
                    return List.copyOf(engine.sessions().values());
                }
                case "key_range_size" -> {
                    long indexId = (Long) arguments[0];
                    return engine.storage().approximateSize(io.weftdb.engine.storage.Keyspace.DATA,
                            io.weftdb.engine.table.TableCodec.indexPrefix(indexId), io.weftdb.engine.table.TableCodec.indexEnd(indexId));
                }
                case "relation_scans" -> {
                    return engine.statistics().scans((Long) arguments[0]);
                }
                case "comments" -> {
                    return io.weftdb.engine.ddl.Comments.all(new TransactionReader(running, engine.transactions()));
                }
                case "comment" -> {
                    return io.weftdb.engine.ddl.Comments.get(new TransactionReader(running, engine.transactions()),
                            (Long) arguments[0], (Integer) arguments[1]);
                }
                default -> {
                }
            }
            SequenceDef sequence = sequence(arguments[0].toString());
            return switch (name) {
                case "nextval" -> {
                    long value = engine.sequences().nextValue(sequence);
                    currentValues.put(sequence.id(), value);
                    lastValue = value;
                    sequenceCalls++;
                    yield value;
                }
                case "currval" -> {
                    Long value = currentValues.get(sequence.id());
                    if (value == null) {
                        throw new SqlException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "currval of sequence \""
                                + sequence.name() + "\" is not yet defined in this session");
                    }
                    yield value;
                }
                case "setval" -> {
                    long value = ((Number) io.weftdb.engine.value.Casts.cast(arguments[1], DataType.BIGINT, DataType.BIGINT,
                            io.weftdb.engine.value.Casts.Context.IMPLICIT, timeZone())).longValue();
                    boolean called = arguments.length < 3 || Boolean.TRUE.equals(arguments[2]);
                    engine.sequences().setValue(sequence, value, called);
                    if (called) {
                        currentValues.put(sequence.id(), value);
                        lastValue = value;
                    }
                    yield value;
                }
                default -> throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + " does not exist");
            };
        }

        private SequenceDef sequence(String text) {
            List<String> parts = new ArrayList<>();
            for (String part : text.split("\\.")) {
                parts.add(part.startsWith("\"") && part.endsWith("\"") && part.length() > 1
                        ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT));
            }
            CatalogObject relation = names(running).findRelation(new QualifiedName(parts), 0);
            if (relation instanceof SequenceDef sequence) {
                return sequence;
            }
            if (relation == null) {
                throw new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
            }
            throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + text + "\" is not a sequence");
        }
    }
}
