package io.weftdb.mysql.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.weftdb.engine.CommandResult;
import io.weftdb.engine.DetachedRows;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementDescription;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.copy.CopyIn;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.type.DataType;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import io.weftdb.mysql.sql.MysqlCommand;
import io.weftdb.mysql.sql.ParsedCommand;
import io.weftdb.mysql.sql.SessionFacts;
import io.weftdb.mysql.wire.protocol.Capabilities;
import io.weftdb.mysql.wire.protocol.ColumnDefinition;
import io.weftdb.mysql.wire.protocol.Command;
import io.weftdb.mysql.wire.protocol.EofPacket;
import io.weftdb.mysql.wire.protocol.ErrPacket;
import io.weftdb.mysql.wire.protocol.HandshakeResponse;
import io.weftdb.mysql.wire.protocol.HandshakeV10;
import io.weftdb.mysql.wire.protocol.LocalInfileRequest;
import io.weftdb.mysql.wire.protocol.MalformedPacketException;
import io.weftdb.mysql.wire.protocol.MysqlBuffers;
import io.weftdb.mysql.wire.protocol.OkPacket;
import io.weftdb.mysql.wire.protocol.OversizedPacket;
import io.weftdb.mysql.wire.protocol.Packet;
import io.weftdb.mysql.wire.protocol.PrepareOkPacket;
import io.weftdb.mysql.wire.protocol.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One MySQL connection's state machine, run as tasks on the connection's thread (one packet at a time):
 *
 * <pre>
 * HANDSHAKE       server greeting (HandshakeV10) sent; the client answers with
 *                 SSLRequest (TLS starts, a full response follows) or HandshakeResponse41
 * AUTHENTICATING  the {@link Authenticator} exchange: AuthSwitchRequest, AuthMoreData ... -> OK | ERR 1045
 * COMMAND         one command packet, one reply: COM_QUERY (one result per statement,
 *                 SERVER_MORE_RESULTS_EXISTS between them), COM_STMT_* (binary protocol),
 *                 COM_INIT_DB, COM_PING, COM_SET_OPTION, COM_RESET_CONNECTION, COM_PROCESS_KILL ...
 * CLOSED          COM_QUIT, a fatal error, or the client went away
 * </pre>
 *
 * Statements run through the engine {@link Session}; what the engine has no statement for (SHOW,
 * SET of MySQL variables, USE, KILL) is answered here. A MySQL database is a schema of the
 * engine's database "postgres": USE sets the search path to it.
 */
final class MysqlSession {
    private enum Phase { HANDSHAKE, AUTHENTICATING, COMMAND, CLOSED }

    private final MysqlServerContext server;
    private final Channel channel;
    private final int connectionId;
    private final PacketOutput output;
    private final byte[] scramble = Scrambles.newScramble();
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();
    private final SessionFacts facts = new Facts();
    private final String host;
    private Phase phase = Phase.HANDSHAKE;
    private boolean tls;
    private int capabilities;
    private Authenticator authenticator;
    private String requestedDatabase;
    private boolean sentPassword;
    private volatile Session session;
    private SystemVariables variables;
    private String user = "";
    private volatile String database;
    private long lastInsertId;
    /** What ROW_COUNT() and FOUND_ROWS() answer: the previous statement's changed rows (-1: it returned rows or failed) and result rows. */
    private long previousRowCount = -1;
    private long previousFoundRows;
    /** SQL_CALC_FOUND_ROWS: the count FOUND_ROWS() is to give once the query's rows are sent. */
    private Query pendingFoundRowsCount;
    /** LOCK TABLES holds locks in a transaction block that UNLOCK TABLES commits. */
    private boolean tablesLocked;
    /** The ids of the tables LOCK TABLES locked for READ: this session may not write them (1099). */
    private Set<Long> readLockedTables = Set.of();
    /** User variables ({@code @name}) by lower-case name: Long, BigDecimal, Double or String values. */
    private final Map<String, Object> userVariables = new HashMap<>();
    private List<Notice> warnings = List.of();
    private int nextStatementId = 1;
    /** The open cursors (prepared statements executed with a read-only cursor) by statement id, fetched by COM_STMT_FETCH. */
    private final Map<Integer, Cursor> cursors = new HashMap<>();
    /** A LOAD DATA LOCAL INFILE whose file the client is sending; null otherwise. */
    private LocalInfile localInfile;
    private volatile String runningQuery;
    private volatile Instant commandStarted = Instant.now();

    MysqlSession(MysqlServerContext server, Channel channel, int connectionId) {
        this.server = server;
        this.channel = channel;
        this.connectionId = connectionId;
        this.output = new PacketOutput(channel, server.config().flushThresholdBytes(), server.config().rowsPerFlush());
        this.host = channel.remoteAddress() instanceof java.net.InetSocketAddress address
                ? address.getHostString() : "localhost";
    }

    int connectionId() {
        return connectionId;
    }

    /** Sends the greeting (HandshakeV10). */
    void start() {
        int offered = Capabilities.SERVER_DEFAULT | (server.tlsAvailable() ? Capabilities.SSL : 0);
        output.startReply(-1);
        output.send(new HandshakeV10(server.serverVersion(), connectionId, scramble, offered, MysqlTypes.UTF8MB4_GENERAL_CI,
                ServerStatus.AUTOCOMMIT, Authenticator.CACHING_SHA2));
        output.flush();
    }

    void handle(Object message) {
        if (phase == Phase.CLOSED) {
            if (message instanceof Packet packet) {
                packet.payload().release();
            }
            return;
        }
        try {
            switch (message) {
                case OversizedPacket oversized -> {
                    output.startReply(oversized.sequenceId());
                    fatal(MysqlVendorError.ER_NET_PACKET_TOO_LARGE, "Got a packet bigger than 'max_allowed_packet' bytes ("
                            + oversized.announcedBytes() + " > " + oversized.limitBytes() + ")");
                }
                case Packet packet -> {
                    try {
                        output.startReply(packet.sequenceId());
                        dispatch(packet.payload());
                    } finally {
                        packet.payload().release();
                    }
                }
                default -> throw new IllegalArgumentException("unexpected message " + message);
            }
            output.flush();
        } catch (PacketOutput.ClientGone gone) {
            phase = Phase.CLOSED;
            channel.close();
        } catch (MalformedPacketException malformed) {
            fatal(MysqlVendorError.ER_HANDSHAKE_ERROR, "Malformed packet: " + malformed.getMessage());
        }
    }

    private void dispatch(ByteBuf payload) {
        switch (phase) {
            case HANDSHAKE -> handshake(HandshakeResponse.decode(payload));
            case AUTHENTICATING -> authenticated(authenticator.next(MysqlBuffers.readBytes(payload, payload.readableBytes())));
            case COMMAND -> {
                if (localInfile != null) {
                    localInfileData(payload);
                } else {
                    command(payload);
                }
            }
            case CLOSED -> { }
        }
    }

    // ---------------------------------------------------------------------------------------- connection phase

    private void handshake(HandshakeResponse response) {
        if (response.sslRequest()) {
            if (!server.tlsAvailable() || tls) {
                fatal(MysqlVendorError.ER_HANDSHAKE_ERROR, "Bad handshake: TLS is not available");
                return;
            }
            // The frame decoder has already put TLS in front of it; the full response follows over TLS.
            tls = true;
            return;
        }
        capabilities = response.capabilities() & (Capabilities.SERVER_DEFAULT | (tls ? Capabilities.SSL : 0));
        user = response.user() == null ? "" : response.user();
        sentPassword = response.authResponse().length > 0;
        requestedDatabase = response.database();
        authenticator = new Authenticator(server.access(), output, tls, user, scramble);
        phase = Phase.AUTHENTICATING;
        Authenticator.Outcome outcome = authenticator.start(response.authPluginName(), response.authResponse());
        if (outcome == Authenticator.Outcome.SUCCEEDED) {
            login();
        } else if (outcome == Authenticator.Outcome.FAILED) {
            accessDenied();
        }
    }

    private void authenticated(Authenticator.Outcome outcome) {
        sentPassword = true;
        switch (outcome) {
            case SUCCEEDED -> login();
            case FAILED -> accessDenied();
            case CONTINUE -> { }
        }
    }

    private void accessDenied() {
        fatal(MysqlVendorError.ER_ACCESS_DENIED_ERROR, "Access denied for user '" + user + "'@'" + host + "' (using password: "
                + (sentPassword ? "YES" : "NO") + ")");
    }

    /** Opens the engine session and selects the database the handshake response named, if any. */
    private void login() {
        try {
            session = server.engine().openSession(new SessionOptions(user.isEmpty() ? SessionOptions.DEFAULT_USER : user,
                    SessionOptions.DEFAULT_DATABASE, "mysql"));
            // Terminated from elsewhere (HTTP DELETE /v1/sessions): the connection goes at once, as after KILL.
            session.onTerminate(this::killConnection);
            variables = new SystemVariables(session, server.config(), server.serverVersion(), server.tlsAvailable(),
                    server.port().getAsInt());
            applyMysqlDefaults();
            if (requestedDatabase != null) {
                useDatabase(requestedDatabase);
            }
        } catch (RuntimeException e) {
            output.send(errorPacket(e));
            output.flush();
            close();
            channel.close();
            phase = Phase.CLOSED;
            return;
        }
        phase = Phase.COMMAND;
        server.connections().add(connectionId, this);
        output.send(new OkPacket(false, 0, 0, status(), 0));
    }

    // ---------------------------------------------------------------------------------------- command phase

    private void command(ByteBuf payload) {
        MysqlBuffers.require(payload, 1);
        Command command = Command.of(payload.readUnsignedByte());
        commandStarted = Instant.now();
        server.questions().incrementAndGet();
        if (command == null) {
            sendError(new MysqlException(MysqlVendorError.ER_UNKNOWN_COM_ERROR, "Unknown command"));
            return;
        }
        if (!cursors.isEmpty() && !keepsCursorOpen(command)) {
            // The engine streams one statement at a time: a cursor still streaming reads its rest ahead.
            detachCursors();
        }
        try {
            switch (command) {
                case COM_QUIT -> {
                    phase = Phase.CLOSED;
                    channel.close();
                }
                case COM_PING -> ok();
                case COM_QUERY -> query(MysqlBuffers.readRestAsString(payload));
                case COM_INIT_DB -> {
                    useDatabase(MysqlBuffers.readRestAsString(payload));
                    ok();
                }
                case COM_FIELD_LIST -> fieldList(MysqlBuffers.readNullTerminatedString(payload));
                case COM_STATISTICS -> statistics();
                case COM_PROCESS_KILL -> {
                    MysqlBuffers.require(payload, 4);
                    if (kill(new MysqlCommand.Kill(payload.readUnsignedIntLE(), false))) {
                        ok();
                    }
                }
                case COM_SET_OPTION -> setOption(payload);
                case COM_RESET_CONNECTION -> resetConnection();
                case COM_STMT_PREPARE -> prepare(MysqlBuffers.readRestAsString(payload));
                case COM_STMT_EXECUTE -> execute(payload);
                case COM_STMT_SEND_LONG_DATA -> sendLongData(payload);
                case COM_STMT_CLOSE -> {
                    MysqlBuffers.require(payload, 4);
                    int id = payload.readIntLE();
                    closeCursor(id);
                    statements.remove(id);
                }
                case COM_STMT_RESET -> {
                    MysqlBuffers.require(payload, 4);
                    int id = payload.readIntLE();
                    closeCursor(id);
                    statement(id, "mysqld_stmt_reset").clearLongData();
                    ok();
                }
                case COM_STMT_FETCH -> fetch(payload);
                case COM_CHANGE_USER -> changeUser(payload);
                case COM_SLEEP -> throw new MysqlException(MysqlVendorError.ER_UNKNOWN_COM_ERROR, "Unknown command");
            }
        } catch (PacketOutput.ClientGone | MalformedPacketException e) {
            throw e;
        } catch (RuntimeException e) {
            sendError(e);
        } catch (StackOverflowError e) {
            // Input nested deeper than the parser or planner can follow.
            sendError(new MysqlException(MysqlVendorError.ER_STACK_OVERRUN_NEED_MORE,
                    "Thread stack overrun: the statement is nested too deeply"));
        } finally {
            runningQuery = null;
        }
    }

    private void ok() {
        output.send(new OkPacket(false, 0, 0, status(), warnings.size()));
    }

    /** COM_QUERY: each statement gets its own result; the next ones only run while they succeed. */
    private void query(String sql) {
        runningQuery = sql;
        List<ParsedCommand> parsed = server.parser().parseCommands(sql, facts);
        if (parsed.isEmpty()) {
            throw new MysqlException(MysqlVendorError.ER_EMPTY_QUERY, "Query was empty");
        }
        List<List<ParsedCommand>> groups = byStatement(parsed);
        if (groups.size() > 1 && !Capabilities.has(capabilities, Capabilities.MULTI_STATEMENTS)) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; multiple statements "
                    + "need the client's CLIENT_MULTI_STATEMENTS option near '" + groups.get(1).getFirst().text() + "'");
        }
        for (int i = 0; i < groups.size() - 1; i++) {
            if (groups.get(i).stream().anyMatch(command -> command.command() instanceof MysqlCommand.LoadData)) {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "LOAD DATA must be the last statement of a query that holds several");
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            // Later statements are translated again when their turn comes: @@variables, DATABASE()
            // and LAST_INSERT_ID() read what the statements before them changed.
            List<ParsedCommand> group = i == 0 ? groups.get(i) : reparse(groups.get(i).getFirst().text());
            boolean more = i < groups.size() - 1;
            if (!runAndReply(group, List.of(), false, more)) {
                return;
            }
        }
    }

    private List<ParsedCommand> reparse(String text) {
        return server.parser().parseCommands(text, facts);
    }

    /** Groups the translated commands by the statement they came from (CREATE TABLE ... KEY gives two). */
    private static List<List<ParsedCommand>> byStatement(List<ParsedCommand> parsed) {
        List<List<ParsedCommand>> groups = new ArrayList<>();
        int offset = -1;
        for (ParsedCommand command : parsed) {
            if (command.offset() != offset) {
                groups.add(new ArrayList<>());
                offset = command.offset();
            }
            groups.getLast().add(command);
        }
        return groups;
    }

    /**
     * Runs one statement's commands and sends its one reply (the last command's result).
     *
     * @return whether it succeeded, so a multi-statement query goes on
     */
    private boolean runAndReply(List<ParsedCommand> commands, List<Object> parameters, boolean binary, boolean more) {
        return runAndReply(commands, parameters, binary, more, NO_CURSOR);
    }

    /** {@code cursorStatement}: the prepared statement whose rows are to be kept as a cursor, or {@link #NO_CURSOR}. */
    private boolean runAndReply(List<ParsedCommand> commands, List<Object> parameters, boolean binary, boolean more,
                                int cursorStatement) {
        Outcome outcome = null;
        try {
            for (ParsedCommand command : commands) {
                if (outcome != null && outcome.rows() != null) {
                    outcome.rows().close();
                }
                outcome = run(command.command(), parameters);
            }
        } catch (PacketOutput.ClientGone gone) {
            throw gone;
        } catch (RuntimeException e) {
            previousRowCount = -1;
            takeWarnings();
            sendError(e);
            return false;
        }
        if (outcome != null && outcome.rows() != null && cursorStatement != NO_CURSOR) {
            openCursor(outcome, cursorStatement);
            return true;
        }
        return outcome != null && reply(outcome, binary, more);
    }

    /** A command's result: rows to stream, or the counts of an OK packet. */
    private record Outcome(RowResult rows, long affectedRows, long lastInsertId, StatementGuard guard) {
        static Outcome ok() {
            return new Outcome(null, 0, 0, StatementGuard.NONE);
        }

        static Outcome rows(RowResult rows) {
            return new Outcome(rows, 0, 0, StatementGuard.NONE);
        }
    }

    private Outcome run(MysqlCommand command, List<Object> parameters) {
        return switch (command) {
            case MysqlCommand.EngineStatement engine -> runEngine(engine.statement(), parameters);
            case MysqlCommand.Replace replace -> replace(replace.insert(), parameters);
            case MysqlCommand.UseDatabase use -> {
                useDatabase(use.name());
                yield Outcome.ok();
            }
            case MysqlCommand.SetVariables set -> {
                setVariables(set);
                yield Outcome.ok();
            }
            case MysqlCommand.SetNames names -> {
                variables.setNames(names.charset(), names.collation());
                yield Outcome.ok();
            }
            case MysqlCommand.LockTables lock -> {
                lockTables(lock.tables());
                yield Outcome.ok();
            }
            case MysqlCommand.UnlockTables unlock -> {
                unlockTables();
                yield Outcome.ok();
            }
            case MysqlCommand.Kill kill -> kill(kill) ? Outcome.ok() : null;
            case MysqlCommand.CalcFoundRows calc -> {
                Outcome outcome = runEngine(calc.query(), parameters);
                pendingFoundRowsCount = calc.countAll();
                yield outcome;
            }
            case MysqlCommand.LoadData load -> {
                startLocalInfile(load);
                yield null;
            }
            case MysqlCommand.ShowDatabases show -> Outcome.rows(show().databases(show.like()));
            case MysqlCommand.ShowTables show -> Outcome.rows(show().tables(show));
            case MysqlCommand.ShowColumns show -> Outcome.rows(showColumns(show));
            case MysqlCommand.ShowIndex show -> Outcome.rows(show().index(show.table()));
            case MysqlCommand.ShowCreateTable show -> {
                ViewDef view = show().view(show.table());
                yield Outcome.rows(view != null ? ShowCommands.createView(view)
                        : show().createTable(show.table(), nextAutoIncrement(show.table())));
            }
            case MysqlCommand.ShowTriggers show -> Outcome.rows(ShowCommands.triggers());
            case MysqlCommand.AnalyzeTables analyze -> Outcome.rows(analyzeTables(analyze));
            case MysqlCommand.ShowTableStatus show -> Outcome.rows(show().tableStatus(show));
            case MysqlCommand.SetAutoIncrement set -> {
                setAutoIncrement(set);
                yield Outcome.ok();
            }
            case MysqlCommand.NoChange unchanged -> {
                show().tableColumns(unchanged.table()); // 1146 when there is no such table
                yield Outcome.ok();
            }
            case MysqlCommand.ShowCreateDatabase show -> Outcome.rows(show().createDatabase(show.name()));
            case MysqlCommand.CreateTableLike like -> {
                if (!like.ifNotExists() || !tableExists(like.table())) {
                    createTableLike(like);
                }
                takeWarnings();
                yield Outcome.ok();
            }
            case MysqlCommand.UnlessTableExists unless -> {
                if (!tableExists(unless.table())) {
                    for (MysqlCommand inner : unless.commands()) {
                        run(inner, parameters);
                    }
                }
                takeWarnings();
                yield Outcome.ok();
            }
            case MysqlCommand.ShowWhere where -> Outcome.rows(showWhere(where, parameters));
            case MysqlCommand.ShowStatus show -> Outcome.rows(ShowCommands.variables(statusCounters(), show.like()));
            case MysqlCommand.ShowVariables show -> Outcome.rows(ShowCommands.variables(allVariables(show.global()),
                    show.like()));
            case MysqlCommand.ShowWarnings show -> Outcome.rows(ShowCommands.warnings(warnings));
            case MysqlCommand.ShowCharacterSets show -> Outcome.rows(ShowCommands.characterSets(show.like()));
            case MysqlCommand.ShowCollations show -> Outcome.rows(ShowCommands.collations(show.like()));
            case MysqlCommand.ShowEngines show -> Outcome.rows(ShowCommands.engines());
            case MysqlCommand.ShowProcessList show -> Outcome.rows(processList());
        };
    }

    /**
     * The AUTO_INCREMENT value SHOW CREATE TABLE shows: one past the largest value in the column (the
     * engine does not expose a sequence's position without drawing from it), so a dump restored
     * elsewhere goes on after its rows. Null when the table has no such column.
     */
    private Long nextAutoIncrement(io.weftdb.ir.QualifiedName table) {
        ShowCommands show = show();
        SequenceDef sequence = show.autoIncrementSequence(table);
        if (sequence == null) {
            return null;
        }
        Expr column = new Expr.ColumnRef(io.weftdb.ir.QualifiedName.of(show.columnName(table, sequence)), 0);
        Expr next = new Expr.Binary(io.weftdb.ir.expr.BinaryOperator.ADD, Expr.FunctionCall.of("coalesce", List.of(
                Expr.FunctionCall.of("max", List.of(column), 0), new Expr.Literal(0L, DataType.BIGINT, 0)), 0),
                new Expr.Literal(1L, DataType.BIGINT, 0), 0);
        Query select = new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(next, null)),
                List.of(new io.weftdb.ir.stmt.FromItem.TableRef(table, null, List.of(), 0)), null, List.of(), null,
                List.of(), null, null, Query.LockMode.NONE);
        return internalQuery(select, rows -> rows.next() ? ((Number) rows.row()[0]).longValue() : null);
    }

    /** AUTO_INCREMENT=n: the owned sequence's next value becomes n, as MySQL's table option sets the counter. */
    private void setAutoIncrement(MysqlCommand.SetAutoIncrement set) {
        ShowCommands show = show();
        SequenceDef sequence = show.autoIncrementSequence(set.table());
        if (sequence == null) {
            return;
        }
        String name = "\"" + show.schemaName(sequence).replace("\"", "\"\"") + "\".\""
                + sequence.name().replace("\"", "\"\"") + "\"";
        Query select = new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(Expr.FunctionCall.of("setval",
                List.of(new Expr.Literal(name, DataType.TEXT, 0), new Expr.Literal(set.next(), DataType.BIGINT, 0),
                        new Expr.Literal(false, DataType.BOOLEAN, 0)), 0), null)), List.of(), null, List.of(), null,
                List.of(), null, null, Query.LockMode.NONE);
        internalQuery(select, RowResult::next);
    }

    /** SHOW COLUMNS: a table's from the catalog, a view's from the columns its query gives. */
    private LocalRows showColumns(MysqlCommand.ShowColumns show) {
        if (show().view(show.table()) == null) {
            return show().columns(show);
        }
        Query select = new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(new Expr.Star(null, 0), null)),
                List.of(new io.weftdb.ir.stmt.FromItem.TableRef(show.table(), null, List.of(), 0)), null, List.of(), null,
                List.of(), new Expr.Literal(0L, DataType.BIGINT, 0), null, Query.LockMode.NONE);
        return internalQuery(select, rows -> ShowCommands.viewColumns(rows.columns(), show));
    }

    /**
     * Runs a query the listener needs for itself (a SET value, SHOW details, AUTO_INCREMENT=n) under
     * the statement guard, so that its failure inside a transaction undoes only it, as for a client's.
     */
    private <T> T internalQuery(Query select, java.util.function.Function<RowResult, T> read) {
        StatementGuard guard = StatementGuard.begin(session);
        T result;
        try (RowResult rows = (RowResult) session.execute(select, List.of())) {
            result = read.apply(rows);
        } catch (RuntimeException e) {
            guard.failed(e);
            throw e;
        }
        guard.succeeded();
        return result;
    }

    private ShowCommands show() {
        return new ShowCommands(session.catalog(), session.database(), database, session.tempSchema(), session::comment);
    }

    /**
     * Runs IR in the engine with MySQL's transaction rules: with autocommit off a statement opens a
     * transaction that lasts until COMMIT; BEGIN inside a transaction commits it first; a failed
     * statement inside a transaction is undone alone ({@link StatementGuard}).
     */
    private Outcome runEngine(Statement statement, List<Object> parameters) {
        if (statement instanceof DataChange.Insert insert && insert.source() instanceof Query.Values values) {
            checkValueCounts(insert, values);
        }
        if (statement instanceof DataChange change) {
            requireWritable(switch (change) {
                case DataChange.Insert insert -> insert.table();
                case DataChange.Update update -> update.table();
                case DataChange.Delete delete -> delete.table();
            });
        }
        boolean control = statement instanceof TransactionControl;
        if (statement instanceof TransactionControl.Begin
                && session.transactionState() != Session.TransactionState.IDLE) {
            session.execute(new TransactionControl.Commit(false), List.of());
        }
        if (!control && !variables.autocommit() && session.transactionState() == Session.TransactionState.IDLE) {
            session.execute(new TransactionControl.Begin(null, null), List.of());
        }
        StatementGuard guard = control ? StatementGuard.NONE : StatementGuard.begin(session);
        long callsBefore = session.sequenceCalls();
        StatementResult result;
        try {
            result = session.execute(statement, parameters);
        } catch (RuntimeException e) {
            guard.failed(e);
            if (statement instanceof DataChange.Insert insert && e instanceof SqlException sql
                    && sql.code() == ErrorCode.NOT_NULL_VIOLATION) {
                String column = omittedColumn(insert, sql);
                if (column != null) {
                    // MySQL tells a NOT NULL column the INSERT left out (1364) from one it set to NULL (1048).
                    throw new MysqlException(MysqlVendorError.ER_NO_DEFAULT_FOR_FIELD,
                            "Field '" + column + "' doesn't have a default value");
                }
            }
            if (statement instanceof SchemaChange.DropTable drop && e instanceof SqlException sql
                    && sql.code() == ErrorCode.UNDEFINED_TABLE) {
                // MySQL's DROP TABLE names the tables it did not find: 1051, not the 1146 of a query.
                throw new MysqlException(MysqlVendorError.ER_BAD_TABLE_ERROR, "Unknown table '" + String.join(",",
                        drop.names().stream().map(name -> (database == null ? "" : database + ".") + name.name()).toList())
                        + "'");
            }
            throw e;
        }
        return switch (result) {
            case RowResult rows -> new Outcome(rows, 0, 0, guard);
            case CommandResult command -> {
                guard.succeeded();
                afterCommand(statement);
                // MySQL counts a row ON DUPLICATE KEY UPDATE changed as two affected rows.
                long written = Math.max(command.rowCount(), 0);
                long affected = written + command.updatedOnConflict();
                long inserted = written - command.updatedOnConflict();
                long insertId = 0;
                Long sequenceAfter = session.lastSequenceValue();
                if (statement instanceof DataChange.Insert && sequenceAfter != null
                        && session.sequenceCalls() != callsBefore && inserted > 0) {
                    // MySQL reports the first id a multi-row INSERT generated.
                    insertId = sequenceAfter - (inserted - 1);
                    lastInsertId = insertId;
                }
                if (statement instanceof DataChange.Insert insert && session.sequenceCalls() - callsBefore < inserted) {
                    advanceAutoIncrement(insert, parameters);
                }
                takeWarnings();
                yield new Outcome(null, affected, insertId, StatementGuard.NONE);
            }
        };
    }

    private static final java.util.regex.Pattern NULL_COLUMN = java.util.regex.Pattern.compile("^null value in column \"(.+)\" of");

    /** The NOT NULL column a failed INSERT did not name (its column list leaves it out), or null. */
    private static String omittedColumn(DataChange.Insert insert, SqlException failure) {
        java.util.regex.Matcher matcher = NULL_COLUMN.matcher(failure.getMessage());
        if (!matcher.find() || insert.columns().isEmpty() || insert.columns().contains(matcher.group(1))) {
            return null;
        }
        return matcher.group(1);
    }

    /**
     * MySQL wants a value for every column an INSERT names, or for every column of the table when it
     * names none (PostgreSQL fills the missing ones with defaults): 1136 otherwise. {@code VALUES ()}
     * means every default.
     */
    private void checkValueCounts(DataChange.Insert insert, Query.Values values) {
        int expected = insert.columns().isEmpty() ? show().tableDef(insert.table()).columns().size() : insert.columns().size();
        for (int i = 0; i < values.rows().size(); i++) {
            int given = values.rows().get(i).size();
            if (given != expected && given != 0) {
                throw new MysqlException(MysqlVendorError.ER_WRONG_VALUE_COUNT_ON_ROW,
                        "Column count doesn't match value count at row " + (i + 1));
            }
        }
    }

    /**
     * MySQL moves an AUTO_INCREMENT counter past a value inserted explicitly, so the next generated
     * one does not collide with it (PostgreSQL's sequences do not): after an INSERT ... VALUES that
     * gave some rows their own ids, the counter goes past the largest literal or parameter given.
     */
    private void advanceAutoIncrement(DataChange.Insert insert, List<Object> parameters) {
        if (!(insert.source() instanceof Query.Values values)) {
            return;
        }
        ShowCommands show = show();
        SequenceDef sequence = show.autoIncrementSequence(insert.table());
        if (sequence == null) {
            return;
        }
        String column = show.columnName(insert.table(), sequence);
        int position = insert.columns().isEmpty() ? show.tableDef(insert.table()).columnIndex(column)
                : insert.columns().indexOf(column);
        Long largest = null;
        for (List<Expr> row : values.rows()) {
            Object value = position < 0 || position >= row.size() ? null : switch (row.get(position)) {
                case Expr.Literal literal -> literal.value();
                case Expr.Parameter parameter when parameter.index() <= parameters.size() ->
                        parameters.get(parameter.index() - 1);
                default -> null;
            };
            Long number = value instanceof Number n ? Long.valueOf(n.longValue())
                    : value instanceof String text && text.matches("-?\\d{1,18}") ? Long.valueOf(text) : null;
            if (number != null && (largest == null || number > largest)) {
                largest = number;
            }
        }
        if (largest != null) {
            session.advanceSequence(sequence.id(), largest);
        }
    }

    /**
     * LOCK TABLES commits the open transaction and gives up earlier table locks first, as in MySQL.
     * The engine holds locks until a transaction ends, so they live in a transaction block that
     * lasts until UNLOCK TABLES (or COMMIT, ROLLBACK, START TRANSACTION): the statements in between
     * belong to it and other sessions see their changes at UNLOCK TABLES.
     */
    private void lockTables(List<MysqlCommand.TableLock> tables) {
        if (session.transactionState() != Session.TransactionState.IDLE) {
            session.execute(new TransactionControl.Commit(false), List.of());
        }
        tablesLocked = false;
        readLockedTables = Set.of();
        // mysqldump locks the views it dumps too; reading a view needs no lock here.
        ShowCommands show = show();
        List<io.weftdb.ir.QualifiedName> lockable = new ArrayList<>();
        Set<Long> written = new java.util.HashSet<>();
        Set<Long> read = new java.util.HashSet<>();
        for (MysqlCommand.TableLock lock : tables) {
            if (show.view(lock.table()) == null) {
                lockable.add(lock.table());
                (lock.write() ? written : read).add(show.tableDef(lock.table()).id());
            }
        }
        read.removeAll(written);
        session.execute(new TransactionControl.Begin(null, null), List.of());
        try {
            session.lockTables(lockable);
        } catch (RuntimeException e) {
            session.execute(new TransactionControl.Rollback(false), List.of());
            throw e;
        }
        tablesLocked = true;
        readLockedTables = Set.copyOf(read);
    }

    /** 1099 for a write to a table this session locked for READ, as MySQL refuses it. */
    private void requireWritable(io.weftdb.ir.QualifiedName target) {
        if (!tablesLocked || readLockedTables.isEmpty()) {
            return;
        }
        TableDef table = show().tableDef(target);
        if (readLockedTables.contains(table.id())) {
            throw new MysqlException(MysqlVendorError.ER_TABLE_NOT_LOCKED_FOR_WRITE,
                    "Table '" + table.name() + "' was locked with a READ lock and can't be updated");
        }
    }

    /** UNLOCK TABLES commits the block LOCK TABLES opened; without locks it does nothing, as in MySQL. */
    private void unlockTables() {
        if (tablesLocked && session.transactionState() != Session.TransactionState.IDLE) {
            session.execute(new TransactionControl.Commit(false), List.of());
        }
        tablesLocked = false;
        readLockedTables = Set.of();
    }

    /**
     * REPLACE as MySQL does it: for each row, DELETE the rows holding any of its unique key values,
     * then INSERT it; the affected rows count both. All rows are one statement: in a transaction of
     * their own under autocommit, else under the statement's savepoint.
     */
    private Outcome replace(DataChange.Insert insert, List<Object> parameters) {
        requireWritable(insert.table());
        TableDef table = show().tableDef(insert.table());
        List<String> columns = insert.columns().isEmpty()
                ? table.columns().stream().map(ColumnDef::name).toList() : insert.columns();
        boolean idle = session.transactionState() == Session.TransactionState.IDLE;
        boolean own = idle && variables.autocommit();
        if (idle) {
            session.execute(new TransactionControl.Begin(null, null), List.of());
        }
        StatementGuard guard = own ? StatementGuard.NONE : StatementGuard.begin(session);
        long callsBefore = session.sequenceCalls();
        long affected = 0;
        long inserted = 0;
        try {
            List<List<Expr>> rows = switch (insert.source()) {
                case Query.Values values -> values.rows();
                case null -> List.of(List.of());
                // REPLACE ... SELECT: the query's rows first (it may read the table being replaced into), then each as VALUES.
                case Query query -> selectedRows(query, parameters);
            };
            for (List<Expr> row : rows) {
                Expr conflict = ReplaceConflicts.condition(table, columns, row);
                if (conflict != null) {
                    affected += rowCount(session.execute(new DataChange.Delete(List.of(), insert.table(), null, List.of(),
                            conflict, List.of()), parameters));
                }
                Query source = row.isEmpty() ? insert.source() : new Query.Values(List.of(row), List.of(), null, null);
                long count = rowCount(session.execute(new DataChange.Insert(List.of(), insert.table(), null,
                        insert.columns(), source, null, List.of()), parameters));
                affected += count;
                inserted += count;
            }
        } catch (RuntimeException e) {
            if (own) {
                session.execute(new TransactionControl.Rollback(false), List.of());
            } else {
                guard.failed(e);
            }
            throw e;
        }
        guard.succeeded();
        if (own) {
            session.execute(new TransactionControl.Commit(false), List.of());
        }
        long insertId = 0;
        Long sequenceAfter = session.lastSequenceValue();
        if (sequenceAfter != null && session.sequenceCalls() != callsBefore && inserted > 0) {
            insertId = sequenceAfter - (inserted - 1);
            lastInsertId = insertId;
        }
        takeWarnings();
        return new Outcome(null, affected, insertId, StatementGuard.NONE);
    }

    /**
     * SHOW ... WHERE: the SHOW's rows numbered and turned into a VALUES list whose columns carry the
     * SHOW's column names (lower case, as names are), which the engine filters by the condition.
     */
    private LocalRows showWhere(MysqlCommand.ShowWhere where, List<Object> parameters) {
        Outcome shown = run(where.show(), parameters);
        List<ResultColumn> columns = shown.rows().columns();
        List<Object[]> all = new ArrayList<>();
        try (RowResult rows = shown.rows()) {
            while (rows.next()) {
                all.add(rows.row().clone());
            }
        }
        if (all.isEmpty()) {
            return new LocalRows(columns, List.of());
        }
        List<List<Expr>> values = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<Expr> row = new ArrayList<>();
            row.add(new Expr.Literal((long) i, DataType.BIGINT, 0));
            for (int c = 0; c < columns.size(); c++) {
                row.add(new Expr.Literal(all.get(i)[c], columns.get(c).type(), 0));
            }
            values.add(row);
        }
        List<String> names = new ArrayList<>();
        names.add("?row?");
        columns.forEach(column -> names.add(column.name().toLowerCase(java.util.Locale.ROOT)));
        Query query = new Query.Select(List.of(), false, List.of(),
                List.of(new Query.SelectItem(new Expr.ColumnRef(QualifiedName.of("?row?"), 0), null)),
                List.of(new FromItem.DerivedTable(new Query.Values(values, List.of(), null, null), "shown", names, false, 0)),
                where.condition(), List.of(), null, List.of(), null, null, Query.LockMode.NONE);
        List<Object[]> kept = new ArrayList<>();
        try (RowResult rows = (RowResult) session.execute(query, parameters)) {
            while (rows.next()) {
                kept.add(all.get((int) (long) (Long) rows.row()[0]));
            }
        }
        return new LocalRows(columns, kept);
    }

    /** The rows of a query as typed literals, to be inserted one at a time. */
    private List<List<Expr>> selectedRows(Query query, List<Object> parameters) {
        List<List<Expr>> rows = new ArrayList<>();
        try (RowResult result = (RowResult) session.execute(query, parameters)) {
            List<ResultColumn> columns = result.columns();
            while (result.next()) {
                List<Expr> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(new Expr.Literal(result.row()[i], columns.get(i).type(), 0));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long rowCount(StatementResult result) {
        return result instanceof CommandResult command ? Math.max(command.rowCount(), 0) : 0;
    }

    /** DROP DATABASE of the current database leaves none selected, as in MySQL. */
    private void afterCommand(Statement statement) {
        if (statement instanceof SchemaChange.DropSchema drop && database != null && drop.names().contains(database)) {
            database = null;
            session.settings().set("search_path", "", false);
        }
    }

    private boolean reply(Outcome outcome, boolean binary, boolean more) {
        if (outcome.rows() == null) {
            previousRowCount = outcome.affectedRows();
            output.send(new OkPacket(false, outcome.affectedRows(), outcome.lastInsertId(), status(more), warnings.size()));
            return true;
        }
        previousRowCount = -1;
        RowResult rows = outcome.rows();
        List<ResultColumn> columns = rows.columns();
        ByteBuf count = output.payloadBuffer();
        MysqlBuffers.writeLengthEncodedInteger(count, columns.size());
        output.sendPayload(count);
        for (ResultColumn column : columns) {
            output.send(MysqlTypes.column(column, database));
        }
        boolean deprecateEof = Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF);
        if (!deprecateEof) {
            output.send(new EofPacket(0, status(more)));
        }
        try {
            sendRows(rows, columns, binary, Long.MAX_VALUE);
        } catch (PacketOutput.ClientGone gone) {
            rows.close();
            throw gone;
        } catch (RuntimeException e) {
            rows.close();
            outcome.guard().failed(e);
            takeWarnings();
            sendError(e);
            return false;
        }
        outcome.guard().succeeded();
        previousFoundRows = rows.rowCount();
        if (pendingFoundRowsCount != null) {
            Query countAll = pendingFoundRowsCount;
            pendingFoundRowsCount = null;
            previousFoundRows = internalQuery(countAll, all -> all.next() ? ((Number) all.row()[0]).longValue() : 0L);
        }
        takeWarnings();
        sendEndOfRows(status(more));
        return true;
    }

    /** Sends up to {@code limit} rows; true when the rows ran out. */
    private boolean sendRows(RowResult rows, List<ResultColumn> columns, boolean binary, long limit) {
        ZoneId zone = session.settings().timeZone();
        for (long sent = 0; sent < limit; sent++) {
            if (!rows.next()) {
                return true;
            }
            ByteBuf row = output.payloadBuffer();
            if (binary) {
                RowPackets.writeBinary(row, columns, rows.row(), zone);
            } else {
                RowPackets.writeText(row, columns, rows.row(), zone);
            }
            output.sendRow(row);
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------- LOAD DATA LOCAL INFILE

    /**
     * The COPY the client's file feeds (through the LOAD DATA line handling when IGNORE n LINES or
     * LINES STARTING BY ask for it), and the error that ended it early while the rest of the file
     * still arrives.
     */
    private static final class LocalInfile {
        private final CopyIn copy;
        private final LoadDataLines lines;
        private RuntimeException failure;

        LocalInfile(CopyIn copy, MysqlCommand.LoadData load) {
            this.copy = copy;
            this.lines = load.skipLines() == 0 && load.linesStartingBy().isEmpty() ? null
                    : new LoadDataLines(load.skipLines(), load.linesStartingBy(), line -> copy.accept(line, 0, line.length));
        }

        void accept(byte[] data) {
            if (lines == null) {
                copy.accept(data, 0, data.length);
            } else {
                lines.accept(data, 0, data.length);
            }
        }

        long finish() {
            if (lines != null) {
                lines.finish();
            }
            return copy.finish();
        }
    }

    /**
     * LOAD DATA LOCAL INFILE: starts the COPY its options translate to and asks the client for the
     * file; its packets arrive as {@link #localInfileData}. A file on the server is not read.
     */
    private void startLocalInfile(MysqlCommand.LoadData load) {
        if (!load.local()) {
            throw new MysqlException(MysqlVendorError.ER_NOT_SUPPORTED_YET,
                    "LOAD DATA INFILE reads no files on the server here; use LOAD DATA LOCAL INFILE");
        }
        if (!Capabilities.has(capabilities, Capabilities.LOCAL_FILES)) {
            throw new MysqlException(MysqlVendorError.ER_CLIENT_LOCAL_FILES_DISABLED,
                    "Loading local data is disabled; this must be enabled on both the client and server sides");
        }
        localInfile = new LocalInfile(session.beginCopyIn(load.copy()), load);
        output.send(new LocalInfileRequest(load.fileName()));
    }

    /**
     * A packet of the file: its bytes go to the COPY; the empty packet ends it with an OK (the rows
     * loaded) or, when a row failed, the error (the whole load is undone).
     */
    private void localInfileData(ByteBuf payload) {
        LocalInfile load = localInfile;
        if (payload.readableBytes() > 0) {
            if (load.failure == null) {
                try {
                    load.accept(MysqlBuffers.readBytes(payload, payload.readableBytes()));
                } catch (SqlException e) {
                    // MySQL's error packet has no detail field: the line the COPY context names goes into the message.
                    load.failure = e.detail() == null ? e : new SqlException(e.code(), e.getMessage() + " (" + e.detail() + ")");
                } catch (RuntimeException e) {
                    load.failure = e;
                }
            }
            return;
        }
        localInfile = null;
        if (load.failure != null) {
            takeWarnings();
            sendError(load.failure);
            return;
        }
        long rows;
        try {
            rows = load.finish();
        } catch (RuntimeException e) {
            takeWarnings();
            sendError(e);
            return;
        }
        takeWarnings();
        // The variables of the field list keep what the last line put in them, as MySQL's do.
        userVariables.putAll(load.copy.variables());
        // REPLACE counts each deleted row as well, as MySQL does. MySQL adds a "Records: n ..." info
        // string; drivers parse that field differently, so it is left out.
        long affected = rows + load.copy.replacedRows();
        previousRowCount = affected;
        output.send(new OkPacket(false, affected, 0, status(), warnings.size()));
    }

    // ---------------------------------------------------------------------------------------- cursors

    private static final int NO_CURSOR = -1;
    /** COM_STMT_EXECUTE's flag asking for the rows to stay on the server until COM_STMT_FETCH asks for them. */
    private static final int CURSOR_TYPE_READ_ONLY = 1;

    /**
     * A cursor's rows: the statement's own while it streams, then (once another statement has run)
     * its rest read ahead, its statement ended.
     */
    private static final class Cursor {
        private RowResult rows;
        private final StatementGuard guard;

        Cursor(RowResult rows, StatementGuard guard) {
            this.rows = rows;
            this.guard = guard;
        }

        /** Reads the rest ahead, so the engine can run another statement; ends the statement. */
        void detach(long memoryBytes) {
            if (rows instanceof DetachedRows) {
                return;
            }
            DetachedRows rest = DetachedRows.drain(rows, memoryBytes);
            rows = rest;
            if (rest.failure() != null) {
                guard.failed(rest.failure());
            } else {
                guard.succeeded();
            }
        }

        /** Ends the cursor; its statement only read, so it counts as done. */
        void close() {
            rows.close();
            guard.succeeded();
        }
    }

    /**
     * Answers an execute that asked for a cursor: the column definitions, then a status packet
     * saying a cursor exists (sent even when EOF packets are deprecated, as MySQL does); the rows
     * wait for COM_STMT_FETCH.
     */
    private void openCursor(Outcome outcome, int statementId) {
        List<ResultColumn> columns = outcome.rows().columns();
        ByteBuf count = output.payloadBuffer();
        MysqlBuffers.writeLengthEncodedInteger(count, columns.size());
        output.sendPayload(count);
        for (ResultColumn column : columns) {
            output.send(MysqlTypes.column(column, database));
        }
        closeCursor(statementId);
        cursors.put(statementId, new Cursor(outcome.rows(), outcome.guard()));
        previousRowCount = -1;
        sendEndOfRows(status() | ServerStatus.CURSOR_EXISTS);
    }

    /** COM_STMT_FETCH: statement id and row count; the next rows of the cursor, then a status packet. */
    private void fetch(ByteBuf payload) {
        MysqlBuffers.require(payload, 8);
        int id = payload.readIntLE();
        long wanted = payload.readUnsignedIntLE();
        statement(id, "mysqld_stmt_fetch");
        Cursor open = cursors.get(id);
        if (open == null) {
            throw new MysqlException(MysqlVendorError.ER_STMT_HAS_NO_OPEN_CURSOR,
                    "The statement (" + Integer.toUnsignedString(id) + ") has no open cursor.");
        }
        boolean exhausted;
        try {
            exhausted = sendRows(open.rows, open.rows.columns(), true, Math.max(wanted, 1));
        } catch (PacketOutput.ClientGone gone) {
            closeCursor(id);
            throw gone;
        } catch (RuntimeException e) {
            cursors.remove(id);
            open.rows.close();
            open.guard.failed(e);
            takeWarnings();
            throw e;
        }
        int status = status() | ServerStatus.CURSOR_EXISTS;
        if (exhausted) {
            closeCursor(id);
            status |= ServerStatus.LAST_ROW_SENT;
        }
        sendEndOfRows(status);
    }

    private void sendEndOfRows(int status) {
        output.send(Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF)
                ? new OkPacket(true, 0, 0, status, warnings.size()) : new EofPacket(warnings.size(), status));
    }

    /** Ends the cursor of statement {@code id}, if it has one. */
    private void closeCursor(int id) {
        Cursor open = cursors.remove(id);
        if (open != null) {
            open.close();
        }
    }

    /** Drops every cursor's rows (a spill file is deleted); the statement they belong to ends with the session or the reset. */
    private void discardCursors() {
        for (Cursor open : cursors.values()) {
            open.rows.close();
        }
        cursors.clear();
    }

    private void detachCursors() {
        long memoryBytes = session.settings().bytes("work_mem");
        for (Cursor open : cursors.values()) {
            open.detach(memoryBytes);
        }
    }

    /** Whether {@code command} leaves an open cursor alone: fetching it, or commands that run no statement. */
    private static boolean keepsCursorOpen(Command command) {
        return switch (command) {
            case COM_STMT_FETCH, COM_PING, COM_STMT_SEND_LONG_DATA, COM_STMT_CLOSE, COM_STMT_RESET -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------------------------------- session commands

    private void useDatabase(String name) {
        DatabaseDef engineDatabase = session.catalog().databaseByName(session.database());
        if (session.catalog().schemaByName(engineDatabase.id(), name) == null) {
            throw new MysqlException(MysqlVendorError.ER_BAD_DB_ERROR, "Unknown database '" + name + "'");
        }
        session.settings().set("search_path", "\"" + name.replace("\"", "\"\"") + "\"", false);
        database = name;
    }

    private void setVariables(MysqlCommand.SetVariables set) {
        List<Notice> notices = new ArrayList<>();
        for (MysqlCommand.VariableAssignment item : set.assignments()) {
            MysqlCommand.Assignment assignment;
            switch (item) {
                case MysqlCommand.UserAssignment user -> {
                    userVariables.put(user.name(), evaluate(user.value()));
                    continue;
                }
                case MysqlCommand.NamesAssignment names -> {
                    variables.setNames(names.charset(), names.collation());
                    continue;
                }
                case MysqlCommand.Assignment system -> assignment = system;
            }
            if (assignment.global()) {
                throw new MysqlException(MysqlVendorError.ER_NOT_SUPPORTED_YET,
                        "This version of WeftDB doesn't yet support SET GLOBAL");
            }
            boolean commit = variables.set(assignment.name(), setValue(assignment.value()));
            if (commit && session.transactionState() != Session.TransactionState.IDLE) {
                session.execute(new TransactionControl.Commit(false), List.of());
            }
            if (variables.checkSwitchedOff(assignment.name())) {
                notices.add(new Notice("WARNING", assignment.name().toLowerCase(java.util.Locale.ROOT)
                        + " = 0 is accepted, but every constraint is still checked"));
            }
        }
        warnings = notices;
    }

    /** The value of an expression for a user variable: constants as they are, anything else through the engine. */
    private Object evaluate(Expr value) {
        Object result;
        if (value instanceof Expr.Literal literal) {
            result = literal.value();
        } else {
            Query select = new Query.Select(List.of(), false, List.of(), List.of(new Query.SelectItem(value, null)), List.of(),
                    null, List.of(), null, List.of(), null, null, Query.LockMode.NONE);
            result = internalQuery(select, rows -> rows.next() ? rows.row()[0] : null);
        }
        return switch (result) {
            case null -> null;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Boolean truth -> truth ? 1L : 0L;
            case java.math.BigDecimal number -> number;
            case Double number -> number;
            case Float number -> number.doubleValue();
            default -> result.toString();
        };
    }

    /**
     * A SET value: constants as themselves, bare words (ON, utf8mb4) as text, NULL as "null", DEFAULT
     * as null; anything else is computed (sql_mode = CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES')).
     */
    private Object setValue(Expr value) {
        return switch (value) {
            case null -> null;
            case Expr.Literal literal when literal.value() == null -> "null";
            case Expr.Literal literal -> literal.value();
            case Expr.ColumnRef name -> name.name().toString();
            case Expr.Unary unary when unary.operator() == UnaryOperator.MINUS
                    && unary.operand() instanceof Expr.Literal literal && literal.value() instanceof Long number -> -number;
            default -> evaluate(value);
        };
    }

    private Map<String, Object> allVariables(boolean global) {
        Map<String, Object> all = variables.all(global);
        all.put("warning_count", (long) warnings.size());
        all.put("last_insert_id", lastInsertId);
        return all;
    }

    /** KILL [QUERY]; false when the connection killed itself and gets no reply. */
    private boolean kill(MysqlCommand.Kill kill) {
        MysqlSession target = server.connections().find(kill.connectionId());
        if (target == null) {
            throw new MysqlException(MysqlVendorError.ER_NO_SUCH_THREAD, "Unknown thread id: " + kill.connectionId());
        }
        if (target == this && !kill.queryOnly()) {
            phase = Phase.CLOSED;
            channel.close();
            return false;
        }
        if (kill.queryOnly()) {
            target.cancelQuery();
        } else {
            target.killConnection();
        }
        return true;
    }

    /** KILL QUERY from another connection: the running statement fails with ER_QUERY_INTERRUPTED. */
    void cancelQuery() {
        Session running = session;
        if (running != null) {
            running.cancel();
        }
    }

    /** KILL CONNECTION from another connection. */
    void killConnection() {
        cancelQuery();
        channel.close();
    }

    private void setOption(ByteBuf payload) {
        MysqlBuffers.require(payload, 2);
        int option = payload.readUnsignedShortLE();
        switch (option) {
            case 0 -> capabilities |= Capabilities.MULTI_STATEMENTS;
            case 1 -> capabilities &= ~Capabilities.MULTI_STATEMENTS;
            default -> throw new MysqlException(MysqlVendorError.ER_UNKNOWN_COM_ERROR, "Unknown option " + option);
        }
        if (Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF)) {
            output.send(new OkPacket(true, 0, 0, status(), 0));
        } else {
            output.send(new EofPacket(0, status()));
        }
    }

    /**
     * What a MySQL session starts with where the engine's defaults are PostgreSQL's: no database
     * selected, and InnoDB's REPEATABLE READ (plain reads keep the transaction's snapshot; DML and
     * locking reads work on the latest committed rows instead of failing with a serialization error).
     */
    private void applyMysqlDefaults() {
        session.settings().set("search_path", "", false);
        session.settings().set("default_transaction_isolation", SystemVariables.DEFAULT_ISOLATION, false);
        session.settings().set("weftdb.repeatable_read_writes", "current", false);
        session.settings().set("weftdb.index_names", "table", false);
    }

    /**
     * ANALYZE TABLE: each table analyzed on its own (a missing one does not stop the others), one
     * result row per table as MySQL answers (an error row then "Operation failed" for a failure).
     */
    private LocalRows analyzeTables(MysqlCommand.AnalyzeTables analyze) {
        List<Object[]> rows = new ArrayList<>();
        for (QualifiedName table : analyze.tables()) {
            String shown = (table.qualifier() != null ? table.qualifier() : database) + "." + table.name();
            try {
                runEngine(new SchemaChange.Analyze(List.of(table), false), List.of());
                rows.add(new Object[] {shown, "analyze", "status", "OK"});
            } catch (SqlException e) {
                String message = e.code() == ErrorCode.UNDEFINED_TABLE ? "Table '" + shown + "' doesn't exist" : e.getMessage();
                rows.add(new Object[] {shown, "analyze", "Error", message});
                rows.add(new Object[] {shown, "analyze", "status", "Operation failed"});
            }
        }
        return new LocalRows(List.of(ShowCommands.text("Table"), ShowCommands.text("Op"), ShowCommands.text("Msg_type"),
                ShowCommands.text("Msg_text")), rows);
    }

    /** COM_RESET_CONNECTION: the transaction rolled back, prepared statements and variables gone; the database stays. */
    private void resetConnection() {
        if (session.transactionState() != Session.TransactionState.IDLE) {
            session.execute(new TransactionControl.Rollback(false), List.of());
        }
        tablesLocked = false;
        readLockedTables = Set.of();
        userVariables.clear();
        discardCursors();
        statements.clear();
        session.execute(new SessionCommand.ResetVariable("all"), List.of());
        variables.reset();
        String current = database;
        database = null;
        applyMysqlDefaults();
        if (current != null) {
            useDatabase(current);
        }
        lastInsertId = 0;
        warnings = List.of();
        ok();
    }

    /**
     * COM_CHANGE_USER: the connection starts over as another user (or the same one), as a new
     * connection would: the old session ends as at a disconnect (its transaction rolls back, its
     * temporary tables and prepared statements go), then the user authenticates against the
     * handshake's scramble (an AuthSwitchRequest may follow) and the new session opens in the
     * database the packet names.
     */
    private void changeUser(ByteBuf payload) {
        String newUser = MysqlBuffers.readNullTerminatedString(payload);
        byte[] authResponse;
        if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            MysqlBuffers.require(payload, 1);
            authResponse = MysqlBuffers.readBytes(payload, payload.readUnsignedByte());
        } else {
            authResponse = MysqlBuffers.readNullTerminatedString(payload).getBytes(StandardCharsets.UTF_8);
        }
        String newDatabase = payload.isReadable() ? MysqlBuffers.readNullTerminatedString(payload) : "";
        if (payload.readableBytes() >= 2) {
            payload.skipBytes(2); // the character set: the server speaks utf8mb4
        }
        String plugin = Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) && payload.isReadable()
                ? MysqlBuffers.readNullTerminatedString(payload) : null;
        discardCursors();
        statements.clear();
        userVariables.clear();
        tablesLocked = false;
        readLockedTables = Set.of();
        server.connections().remove(connectionId);
        Session ending = session;
        session = null;
        ending.close();
        database = null;
        lastInsertId = 0;
        warnings = List.of();
        user = newUser;
        sentPassword = authResponse.length > 0;
        requestedDatabase = newDatabase.isEmpty() ? null : newDatabase;
        authenticator = new Authenticator(server.access(), output, tls, user, scramble);
        phase = Phase.AUTHENTICATING;
        Authenticator.Outcome outcome = authenticator.start(plugin, authResponse);
        if (outcome == Authenticator.Outcome.SUCCEEDED) {
            login();
        } else if (outcome == Authenticator.Outcome.FAILED) {
            accessDenied();
        }
    }

    /** COM_FIELD_LIST (deprecated, still used for the mariadb client's name completion): column definitions. */
    private void fieldList(String table) {
        for (ResultColumn column : show().tableColumns(io.weftdb.ir.QualifiedName.of(table.toLowerCase(java.util.Locale.ROOT)))) {
            ColumnDefinition definition = MysqlTypes.column(column, database);
            ByteBuf payload = output.payloadBuffer();
            new ColumnDefinition(definition.schema(), table, table, column.name(), column.name(), definition.characterSet(),
                    definition.length(), definition.type(), definition.flags(), definition.decimals()).writePayload(payload);
            payload.writeByte(MysqlBuffers.NULL_MARKER);
            output.sendPayload(payload);
        }
        if (Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF)) {
            output.send(new OkPacket(true, 0, 0, status(), 0));
        } else {
            output.send(new EofPacket(0, status()));
        }
    }

    /** Whether {@code table} names an existing table (a note says so, as MySQL's 1050 warning for IF NOT EXISTS). */
    private boolean tableExists(QualifiedName table) {
        try {
            show().tableDef(table);
        } catch (MysqlException | SqlException absent) {
            return false;
        }
        session.addNotice(new Notice("NOTE", "Table '" + table.name() + "' already exists", ErrorCode.DUPLICATE_TABLE));
        return true;
    }

    /**
     * CREATE TABLE ... LIKE: the source's definition as SHOW CREATE TABLE gives it, under the new
     * name, run as a CREATE TABLE: columns with their types, defaults and AUTO_INCREMENT (starting
     * again at 1), keys and indexes with their names, CHECKs and comments; no foreign keys, as in MySQL.
     */
    private void createTableLike(MysqlCommand.CreateTableLike like) {
        LocalRows shown = show().createTable(like.source(), null);
        shown.next();
        String ddl = TableDefinitionCopy.of((String) shown.row()[1], like.table(), like.ifNotExists(), like.temporary());
        for (ParsedCommand command : server.parser().parseCommands(ddl, facts)) {
            run(command.command(), List.of());
        }
    }

    /**
     * SHOW STATUS: the counters the server keeps (global and session alike). Counters it does not
     * keep (Com_*, Bytes_*, Innodb_*) are left out rather than shown as zero.
     */
    private Map<String, Object> statusCounters() {
        long uptime = Duration.between(server.startedAt(), Instant.now()).toSeconds();
        java.util.Collection<MysqlSession> all = server.connections().all();
        long running = all.stream().filter(other -> other.runningQuery != null).count();
        Map<String, Object> status = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        status.put("Connections", server.connections().connectionsMade());
        status.put("Queries", server.questions().get());
        status.put("Questions", server.questions().get());
        io.netty.handler.ssl.SslHandler ssl = tls ? channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) : null;
        status.put("Ssl_cipher", ssl == null ? "" : ssl.engine().getSession().getCipherSuite());
        status.put("Ssl_version", ssl == null ? "" : ssl.engine().getSession().getProtocol());
        status.put("Threads_connected", (long) all.size());
        status.put("Threads_running", running);
        status.put("Uptime", uptime);
        status.put("Uptime_since_flush_status", uptime);
        return status;
    }

    private void statistics() {
        long uptime = Duration.between(server.startedAt(), Instant.now()).toSeconds();
        long questions = server.questions().get();
        String text = "Uptime: " + uptime + "  Threads: " + server.connections().all().size() + "  Questions: " + questions
                + "  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: "
                + String.format("%.3f", uptime == 0 ? 0.0 : (double) questions / uptime);
        ByteBuf payload = output.payloadBuffer();
        payload.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        output.sendPayload(payload);
    }

    private LocalRows processList() {
        List<ShowCommands.Connection> connections = new ArrayList<>();
        for (MysqlSession other : server.connections().all()) {
            connections.add(new ShowCommands.Connection(other.connectionId, other.user, other.host, other.database,
                    other.runningQuery, Duration.between(other.commandStarted, Instant.now()).toSeconds()));
        }
        return ShowCommands.processList(connections);
    }

    // ---------------------------------------------------------------------------------------- prepared statements

    private void prepare(String sql) {
        runningQuery = sql;
        List<ParsedCommand> parsed = server.parser().parseCommands(sql, facts);
        if (parsed.isEmpty()) {
            throw new MysqlException(MysqlVendorError.ER_EMPTY_QUERY, "Query was empty");
        }
        if (byStatement(parsed).size() > 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; a prepared statement "
                    + "holds one statement");
        }
        int parameterCount = parsed.getFirst().parameterCount();
        List<DataType> parameterTypes = new ArrayList<>();
        List<ResultColumn> columns = null;
        if (parsed.size() == 1 && parsed.getFirst().command() instanceof MysqlCommand.EngineStatement engine
                && !(engine.statement() instanceof TransactionControl)) {
            StatementDescription description = session.describe(engine.statement(), List.of());
            parameterTypes.addAll(description.parameterTypes());
            columns = description.columns();
        } else if (parsed.size() == 1 && parsed.getFirst().command() instanceof MysqlCommand.Replace replace) {
            parameterTypes.addAll(session.describe(replace.insert(), List.of()).parameterTypes());
        } else if (parameterCount > 0) {
            throw new MysqlException(MysqlVendorError.ER_NOT_SUPPORTED_YET,
                    "This version of WeftDB doesn't yet support parameters in this statement");
        }
        while (parameterTypes.size() < parameterCount) {
            parameterTypes.add(DataType.UNKNOWN);
        }
        int id = nextStatementId++;
        PreparedStatement prepared = new PreparedStatement(id, parsed, parameterTypes, columns);
        statements.put(id, prepared);
        output.send(new PrepareOkPacket(id, prepared.columns().size(), parameterCount, 0));
        boolean deprecateEof = Capabilities.has(capabilities, Capabilities.DEPRECATE_EOF);
        if (parameterCount > 0) {
            for (DataType type : parameterTypes) {
                output.send(MysqlTypes.column(new ResultColumn("?", type), null));
            }
            if (!deprecateEof) {
                output.send(new EofPacket(0, status()));
            }
        }
        if (!prepared.columns().isEmpty()) {
            for (ResultColumn column : prepared.columns()) {
                output.send(MysqlTypes.column(column, database));
            }
            if (!deprecateEof) {
                output.send(new EofPacket(0, status()));
            }
        }
    }

    private PreparedStatement statement(int id, String command) {
        PreparedStatement prepared = statements.get(id);
        if (prepared == null) {
            throw new MysqlException(MysqlVendorError.ER_UNKNOWN_STMT_HANDLER,
                    "Unknown prepared statement handler (" + Integer.toUnsignedString(id) + ") given to " + command);
        }
        return prepared;
    }

    /** COM_STMT_EXECUTE: statement id, flags and iteration count, then the parameters. */
    private void execute(ByteBuf payload) {
        MysqlBuffers.require(payload, 9);
        int id = payload.readIntLE();
        PreparedStatement prepared = statement(id, "mysqld_stmt_execute");
        boolean cursorRequested = (payload.readUnsignedByte() & CURSOR_TYPE_READ_ONLY) != 0;
        payload.skipBytes(4);
        runningQuery = prepared.commands().getFirst().text();
        List<Object> parameters;
        try {
            parameters = ParameterValues.read(payload, prepared, session.settings().timeZone());
        } finally {
            prepared.clearLongData();
        }
        runAndReply(prepared.commands(), parameters, true, false, cursorRequested ? id : NO_CURSOR);
    }

    /** COM_STMT_SEND_LONG_DATA: a piece of one parameter's value; it has no reply. */
    private void sendLongData(ByteBuf payload) {
        MysqlBuffers.require(payload, 6);
        PreparedStatement prepared = statements.get(payload.readIntLE());
        int parameter = payload.readUnsignedShortLE();
        if (prepared != null) {
            prepared.appendLongData(parameter, MysqlBuffers.readBytes(payload, payload.readableBytes()));
        }
    }

    // ---------------------------------------------------------------------------------------- replies and errors

    private int status() {
        return status(false);
    }

    private int status(boolean more) {
        int status = 0;
        if (variables == null || variables.autocommit()) {
            status |= ServerStatus.AUTOCOMMIT;
        }
        if (session != null && session.transactionState() != Session.TransactionState.IDLE) {
            status |= ServerStatus.IN_TRANS;
        }
        if (more) {
            status |= ServerStatus.MORE_RESULTS_EXISTS;
        }
        return status;
    }

    private void takeWarnings() {
        warnings = session == null ? List.of() : session.takeNotices();
    }

    private void sendError(Throwable error) {
        output.send(errorPacket(error));
    }

    private ErrPacket errorPacket(Throwable error) {
        return ErrorPackets.of(error, database == null);
    }

    private void fatal(MysqlVendorError error, String message) {
        try {
            output.send(new ErrPacket(error.code(), error.sqlState(), message));
            output.flush();
        } catch (PacketOutput.ClientGone gone) {
            // Nothing more to tell a client that is gone.
        }
        phase = Phase.CLOSED;
        channel.close();
    }

    // ---------------------------------------------------------------------------------------- lifecycle

    /** The connection dropped or the server is stopping (any thread): the running statement is cancelled. */
    void disconnected() {
        cancelQuery();
    }

    /** Ends the session: its transaction rolls back. */
    void close() {
        phase = Phase.CLOSED;
        server.connections().remove(connectionId);
        Session ending = session;
        discardCursors();
        if (ending != null) {
            ending.close();
        }
        output.discard();
    }

    /** What the translator reads from this connection. */
    private final class Facts implements SessionFacts {
        @Override
        public String currentDatabase() {
            return database;
        }

        @Override
        public String userAtHost() {
            return user + "@" + host;
        }

        @Override
        public long connectionId() {
            return connectionId;
        }

        @Override
        public long lastInsertId() {
            return lastInsertId;
        }

        @Override
        public long previousRowCount() {
            return previousRowCount;
        }

        @Override
        public long previousFoundRows() {
            return previousFoundRows;
        }

        @Override
        public Object userVariable(String name) {
            return userVariables.get(name);
        }

        @Override
        public boolean foundRows() {
            return Capabilities.has(capabilities, Capabilities.FOUND_ROWS);
        }

        @Override
        public Object systemVariable(String name, boolean global) {
            return switch (name) {
                case "last_insert_id", "identity" -> lastInsertId;
                case "warning_count" -> (long) warnings.size();
                case "error_count" -> 0L;
                default -> variables.get(name, global);
            };
        }
    }
}
