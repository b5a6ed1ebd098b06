package io.weftdb.pg.wire;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.weftdb.engine.Engine;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.Session;
import io.weftdb.engine.StatementDescription;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.copy.CopyIn;
import io.weftdb.engine.expr.ColumnOrigin;
import io.weftdb.engine.copy.CopyOut;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.Statement;
import io.weftdb.ir.stmt.TransactionControl;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.pg.sql.PostgresSqlLexer;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.pg.wire.auth.AuthenticationExchange;
import io.weftdb.pg.wire.auth.PasswordAuthenticator;
import io.weftdb.pg.wire.protocol.Acknowledgement;
import io.weftdb.pg.wire.protocol.AuthenticationOk;
import io.weftdb.pg.wire.protocol.BackendKeyData;
import io.weftdb.pg.wire.protocol.Bind;
import io.weftdb.pg.wire.protocol.CancelRequest;
import io.weftdb.pg.wire.protocol.Close;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.ControlMessage;
import io.weftdb.pg.wire.protocol.CopyData;
import io.weftdb.pg.wire.protocol.CopyDone;
import io.weftdb.pg.wire.protocol.CopyFail;
import io.weftdb.pg.wire.protocol.CopyResponse;
import io.weftdb.pg.wire.protocol.DataRow;
import io.weftdb.pg.wire.protocol.Describe;
import io.weftdb.pg.wire.protocol.EncryptionRequest;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.Execute;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.NegotiateProtocolVersion;
import io.weftdb.pg.wire.protocol.ParameterDescription;
import io.weftdb.pg.wire.protocol.ParameterStatus;
import io.weftdb.pg.wire.protocol.Parse;
import io.weftdb.pg.wire.protocol.PasswordMessage;
import io.weftdb.pg.wire.protocol.ProtocolViolation;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.RowDescription;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import io.weftdb.pg.wire.protocol.StartupMessage;
import io.weftdb.pg.wire.protocol.UnsupportedMessage;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The state machine of one PostgreSQL connection: it turns frontend messages into calls on an
 * engine {@link Session} and the results into backend messages. All its methods but
 * {@link #disconnected()} run as tasks on the connection's thread, one message at a time in
 * arrival order; reading only decodes and queues messages.
 *
 * <pre>
 *  (SSLRequest ──> 'S' and TLS, or 'N'; GSSENCRequest ──> 'N': answered while reading by
 *   PgEncryptionNegotiator before anything reaches the session)
 *  STARTUP ── CancelRequest ──> cancel the session with that pid + secret, close (no reply)
 *     │    ── StartupMessage(user, database, options...)
 *     │         protocol 3.n with n > 0, or _pq_.* options ──> NegotiateProtocolVersion(0, options)
 *     │         no password configured ("trust") ──> open the engine session (below)
 *     v         else ──> the first authentication request of the method
 *  AUTHENTICATING
 *     │    PasswordMessage / SASLInitialResponse / SASLResponse ──> AuthenticationSASLContinue,
 *     │         wait for the next answer | wrong password ──> FATAL 28P01, close
 *     │         | right ──> [AuthenticationSASLFinal], open the engine session:
 *     │    unknown database ──> ErrorResponse FATAL 3D000, close
 *     v    ok ──> AuthenticationOk, ParameterStatus*, BackendKeyData, ReadyForQuery('I')
 *   READY
 *     │  Query(sql) ──> per statement: [RowDescription, DataRow*] CommandComplete
 *     │               | EmptyQueryResponse (empty string) | ErrorResponse (stops the rest)
 *     │               then NoticeResponse* / ParameterStatus* as they arise, ReadyForQuery(I|T|E)
 *     │
 *     │  extended query cycle, each answer buffered until Sync or Flush:
 *     │  Parse ──> ParseComplete          Bind ──> BindComplete
 *     │  Describe S ──> ParameterDescription, RowDescription | NoData
 *     │  Describe P ──> RowDescription | NoData (starts the portal's statement)
 *     │  Execute(portal, max rows) ──> DataRow* then CommandComplete
 *     │                              | PortalSuspended (max rows reached; the next Execute resumes)
 *     │                              | EmptyQueryResponse
 *     │  Close S|P ──> CloseComplete      Flush ──> (output sent)
 *     │
 *     │  COPY ... TO STDOUT (Query or Execute) ──> CopyOutResponse, CopyData per row, CopyDone,
 *     │                                            CommandComplete "COPY n"
 *     │  COPY ... FROM STDIN (Query or Execute) ──> CopyInResponse, then COPY_IN:
 *     │     CopyData* ──> rows loaded as they arrive     Flush, Sync ──> ignored
 *     │     CopyDone ──> CommandComplete "COPY n" (a Query then runs its remaining statements)
 *     │     CopyFail, a bad row ──> ErrorResponse (the COPY is undone); a Query ends with
 *     │                             ReadyForQuery, Execute discards until Sync; the CopyData the
 *     │                             client still sends is ignored, as outside COPY mode
 *     │     any other message ──> ErrorResponse 08P01, the COPY is undone
 *     │  Sync ──> ReadyForQuery(I|T|E); outside a transaction block every portal is closed
 *     │  any error ──> ErrorResponse, then every message up to the next Sync is discarded
 *     │
 *     │  Terminate, or the client going away ──> the engine session closes (open transaction
 *     v  rolled back; a statement still running is cancelled first)
 *   CLOSED
 * </pre>
 *
 * <p>A Query string with several statements runs them in one implicit transaction block, as
 * PostgreSQL does: an error stops the string and undoes all of it. Describing a statement plans it in the
 * engine without running it ({@code Session.describe}). Only one
 * statement streams at a time: a portal interrupted by another statement has its remaining rows
 * read into memory.
 */
final class PgSession {
    private static final String TERMINATED = "terminating connection due to administrator command";
    private Runnable terminationHook = () -> { };

    /** Where the connection is in its life. */
    private enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

    private static final int PARSE_CACHE_SIZE = 128;
    private static final int MAX_PARAMETERS = 65_535;

    private final Engine engine;
    private final BackendKeys keys;
    private final Optional<PasswordAuthenticator> passwords;
    private final Channel channel;
    private final MessageOutput out;
    private final PostgresSqlParser parser = new PostgresSqlParser();
    private final Map<String, ParsedSql> parseCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedSql> eldest) {
            return size() > PARSE_CACHE_SIZE;
        }
    };
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private final Map<String, String> reportedParameters = new HashMap<>();
    /** The settings version last reported; -1 so the first report always runs. */
    private long reportedSettingsVersion = -1;
    private Phase phase = Phase.STARTUP;
    /** Whether the client has got past startup and authentication (read by the authentication deadline). */
    private volatile boolean admitted;
    /** While AUTHENTICATING: the client's StartupMessage and the exchange proving its password. */
    private StartupMessage pendingStartup;
    private AuthenticationExchange authentication;
    private volatile Session session;
    private boolean discardUntilSync;
    /** The COPY FROM STDIN receiving the client's data, or null. */
    private CopyInProgress copyIn;

    /**
     * A COPY FROM STDIN in progress: in a Query, the statements of the string still to run after
     * it; in the extended protocol, null (the client's Sync follows).
     */
    private record CopyInProgress(CopyIn copy, List<ParsedStatement> remainingStatements) {
        boolean simpleQuery() {
            return remainingStatements != null;
        }
    }

    /** A statement text parsed once: its IR (null when the text holds none) and its highest {@code $n}. */
    private record ParsedSql(Statement statement, int highestParameter) {}

    PgSession(Engine engine, PgServerConfig config, BackendKeys keys, Optional<PasswordAuthenticator> passwords,
              Channel channel) {
        this.engine = engine;
        this.keys = keys;
        this.passwords = passwords;
        this.channel = channel;
        this.out = new MessageOutput(channel, config.flushThresholdBytes(), config.rowsPerFlush());
    }

    /** Handles one frontend message (connection's thread). */
    void handle(FrontendMessage message) {
        if (phase == Phase.CLOSED) {
            return;
        }
        try {
            switch (phase) {
                case STARTUP -> startupPhase(message);
                case AUTHENTICATING -> authenticatingPhase(message);
                case READY -> readyPhase(message);
                case CLOSED -> {
                }
            }
        } catch (MessageOutput.ClientGone gone) {
            close();
        } catch (ProtocolViolation violation) {
            fatal(violation.sqlState(), violation.getMessage());
        } catch (RuntimeException e) {
            fatal(ErrorCode.INTERNAL_ERROR.sqlState(), "internal error: " + e);
        } catch (StackOverflowError e) {
            // Input nested deeper than the parser or planner can follow (PostgreSQL's max_stack_depth).
            fatal("54001", "stack depth limit exceeded");
        }
    }

    /**
     * Runs {@code hook} when an administrator terminates this connection's engine session; the
     * channel handler passes one that calls {@link #terminated()} on the connection's thread.
     */
    void whenTerminated(Runnable hook) {
        this.terminationHook = hook;
    }

    /** On the session thread, after a termination: ends the connection with FATAL 57P01 unless already closed. */
    void terminated() {
        fatal(ErrorCode.ADMIN_SHUTDOWN.sqlState(), TERMINATED);
    }

    /** Ends the connection with a FATAL error (connection's thread). */
    void fatal(String sqlState, String message) {
        if (phase == Phase.CLOSED) {
            return;
        }
        try {
            out.send(ErrorResponse.fatal(sqlState, message));
            out.flush();
        } catch (MessageOutput.ClientGone ignored) {
            // Nobody is left to read it.
        }
        close();
        channel.close();
    }

    /** Whether the client has been let in: its engine session is open (any thread). */
    boolean admitted() {
        return admitted;
    }

    /**
     * The client went away or the server is stopping (any thread): stop whatever runs for it;
     * {@link #close()} follows.
     */
    void disconnected() {
        Session current = session;
        if (current != null) {
            current.cancel();
        }
    }

    /** Closes portals and the engine session, rolling back an open transaction (connection's thread). */
    void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        copyIn = null;
        authentication = null;
        pendingStartup = null;
        portals.values().forEach(Portal::close);
        portals.clear();
        statements.clear();
        Session current = session;
        if (current != null) {
            keys.unregister(current.id());
            current.close();
        }
        out.discard();
    }

    // ---- startup ----------------------------------------------------------------------------

    private void startupPhase(FrontendMessage message) {
        if (message instanceof CancelRequest cancel) {
            keys.cancel(cancel.processId(), cancel.secretKey());
            phase = Phase.CLOSED;
            channel.close();
        } else if (message instanceof StartupMessage startup) {
            startup(startup);
        } else {
            throw new ProtocolViolation("expected a startup message");
        }
    }

    private void startup(StartupMessage startup) {
        if (startup.majorVersion() != 3) {
            throw new ProtocolViolation(ProtocolViolation.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
                    + startup.majorVersion() + "." + startup.minorVersion() + ": server supports 3.0 to 3.0");
        }
        Map<String, String> parameters = startup.parameters();
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            fatal("28000", "no PostgreSQL user name specified in startup packet");
            return;
        }
        List<String> unrecognizedOptions = parameters.keySet().stream().filter(name -> name.startsWith("_pq_.")).toList();
        if (startup.minorVersion() > 0 || !unrecognizedOptions.isEmpty()) {
            // The newest minor version this server speaks is 0; the client falls back to 3.0.
            out.send(new NegotiateProtocolVersion(0, unrecognizedOptions));
        }
        if (passwords.isEmpty()) {
            openSession(startup);
            return;
        }
        pendingStartup = startup;
        authentication = passwords.get().begin(user, serverCertificate());
        phase = Phase.AUTHENTICATING;
        out.send(authentication.firstRequest());
        out.flush();
    }

    /** The certificate this server presented, when the connection uses TLS. */
    private X509Certificate serverCertificate() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return null;
        }
        Certificate[] presented = tls.engine().getSession().getLocalCertificates();
        return presented != null && presented.length > 0 && presented[0] instanceof X509Certificate certificate
                ? certificate : null;
    }

    private void authenticatingPhase(FrontendMessage message) {
        if (message == ControlMessage.TERMINATE) {
            // A client that finds it has no password (psql asking the user) hangs up and retries.
            close();
            channel.close();
            return;
        }
        if (!(message instanceof PasswordMessage answer)) {
            throw new ProtocolViolation("expected password response");
        }
        switch (authentication.respond(answer)) {
            case AuthenticationExchange.Step.Challenge challenge -> {
                out.send(challenge.request());
                out.flush();
            }
            case AuthenticationExchange.Step.Accepted accepted -> {
                if (accepted.finalMessage() != null) {
                    out.send(accepted.finalMessage());
                }
                StartupMessage startup = pendingStartup;
                authentication = null;
                pendingStartup = null;
                openSession(startup);
            }
            case AuthenticationExchange.Step.Rejected rejected ->
                    fatal("28P01", "password authentication failed for user \"" + pendingStartup.parameters().get("user") + "\"");
        }
    }

    /** Opens the engine session for a client that has been let in, applies its parameters and reports them. */
    private void openSession(StartupMessage startup) {
        Map<String, String> parameters = startup.parameters();
        String user = parameters.get("user");
        String database = parameters.getOrDefault("database", "");
        if (database.isEmpty()) {
            database = user;
        }
        Session opened;
        try {
            opened = engine.openSession(new SessionOptions(user, database, "postgresql"));
        } catch (SqlException e) {
            fatal(e.code().sqlState(), e.getMessage());
            return;
        }
        session = opened;
        opened.onTerminate(terminationHook);
        try {
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                String name = parameter.getKey();
                if (name.equals("options")) {
                    applyCommandLineOptions(parameter.getValue());
                } else if (!name.startsWith("_pq_.") && !name.equals("user") && !name.equals("database")
                        && !name.equals("replication")) {
                    applyStartupParameter(name, parameter.getValue());
                }
            }
        } catch (SqlException e) {
            fatal(e.code().sqlState(), e.getMessage());
            return;
        }
        int secret = keys.register(opened.id(), opened);
        phase = Phase.READY;
        admitted = true;
        out.send(AuthenticationOk.INSTANCE);
        reportParameters();
        out.send(new BackendKeyData(opened.id(), secret));
        readyForQuery();
    }

    /** A run-time parameter sent at startup; names the engine does not know are ignored. */
    private void applyStartupParameter(String name, String value) {
        try {
            session.settings().set(name, value, false);
        } catch (SqlException e) {
            if (e.code() != ErrorCode.UNDEFINED_OBJECT) {
                throw e;
            }
        }
    }

    /** The {@code options} startup parameter: {@code -c name=value} and {@code --name=value} switches. */
    private void applyCommandLineOptions(String options) {
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String setting = null;
            if (words[i].equals("-c") && i + 1 < words.length) {
                setting = words[++i];
            } else if (words[i].startsWith("-c")) {
                setting = words[i].substring(2);
            } else if (words[i].startsWith("--")) {
                setting = words[i].substring(2);
            }
            int equals = setting == null ? -1 : setting.indexOf('=');
            if (equals > 0) {
                applyStartupParameter(setting.substring(0, equals).replace('-', '_'), setting.substring(equals + 1));
            }
        }
    }

    // ---- ready: dispatch ----------------------------------------------------------------------

    private void readyPhase(FrontendMessage message) {
        if (copyIn != null && message != ControlMessage.TERMINATE) {
            copyInPhase(message);
            return;
        }
        if (discardUntilSync && message != ControlMessage.SYNC && message != ControlMessage.TERMINATE) {
            return;
        }
        switch (message) {
            case SimpleQuery query -> simpleQuery(query.sql());
            case Parse parse -> extended(() -> parse(parse));
            case Bind bind -> extended(() -> bind(bind));
            case Describe describe -> extended(() -> describe(describe));
            case Execute execute -> extended(() -> execute(execute));
            case Close close -> extended(() -> close(close));
            case ControlMessage.SYNC -> sync();
            case ControlMessage.FLUSH -> out.flush();
            case ControlMessage.TERMINATE -> {
                close();
                channel.close();
            }
            case UnsupportedMessage unsupported -> {
                out.send(ErrorResponse.error(PgError.FEATURE_NOT_SUPPORTED, "function call messages are not supported"));
                readyForQuery();
            }
            case CopyData data -> {
                // Outside COPY mode (a COPY that failed early) the rest of its data is ignored, as in PostgreSQL.
            }
            case CopyDone done -> {
            }
            case CopyFail fail -> {
            }
            case StartupMessage startup -> throw new ProtocolViolation("unexpected startup message");
            case EncryptionRequest request -> throw new ProtocolViolation("unexpected encryption request");
            case CancelRequest cancel -> throw new ProtocolViolation("unexpected cancel request");
            case PasswordMessage password -> throw new ProtocolViolation("invalid frontend message type " + (int) PasswordMessage.TYPE);
        }
    }

    /** Runs one extended-protocol step; an error is reported and starts discarding until Sync. */
    private void extended(Runnable step) {
        try {
            step.run();
        } catch (SqlException e) {
            sendError(e);
            discardUntilSync = true;
        } catch (PgError e) {
            out.send(ErrorResponse.error(e.sqlState(), e.getMessage()));
            discardUntilSync = true;
        } catch (MessageOutput.ClientGone | ProtocolViolation e) {
            throw e;
        } catch (RuntimeException e) {
            out.send(ErrorResponse.error(ErrorCode.INTERNAL_ERROR.sqlState(), "internal error: " + e));
            discardUntilSync = true;
        }
        afterStatement();
    }

    // ---- simple query -------------------------------------------------------------------------

    private void simpleQuery(String sql) {
        // As in PostgreSQL, a simple query replaces the unnamed statement and portal.
        statements.remove("");
        Portal unnamed = portals.remove("");
        if (unnamed != null) {
            unnamed.close();
        }
        List<ParsedStatement> parsed;
        try {
            parsed = parser.parse(sql);
        } catch (SqlException e) {
            sendError(e);
            endSimpleQuery();
            return;
        }
        if (parsed.isEmpty()) {
            out.send(Acknowledgement.EMPTY_QUERY_RESPONSE);
        }
        if (parsed.size() > 1) {
            session.beginImplicitBlock();
        }
        runStatements(parsed);
    }

    /**
     * Runs the statements of a Query string in order and ends the query, unless one is a COPY FROM
     * STDIN: the query then waits for the client's data and resumes with the rest when it is in.
     */
    private void runStatements(List<ParsedStatement> parsed) {
        try {
            for (int i = 0; i < parsed.size(); i++) {
                Statement statement = parsed.get(i).statement();
                if (statement instanceof Copy copy && copy.fileName() != null) {
                    // Left to the engine, which refuses it.
                } else if (statement instanceof Copy copy && copy.direction() == Copy.Direction.FROM) {
                    startCopyIn(copy, parsed.subList(i + 1, parsed.size()));
                    return;
                } else if (statement instanceof Copy copy) {
                    copyOut(copy);
                    afterStatement();
                    continue;
                }
                Portal portal = new Portal("", null, List.of(), List.of());
                portal.start(run(statement, List.of()));
                sendNotices();
                if (portal.columns() == null) {
                    out.send(new CommandComplete(portal.commandTag()));
                } else {
                    int[] formats = new int[portal.columns().size()];
                    out.send(rowDescription(portal.columns(), formats));
                    long sent = sendRows(portal, formats, 0);
                    sendNotices();
                    out.send(new CommandComplete(commandTag(portal, sent)));
                }
                afterStatement();
            }
        } catch (SqlException e) {
            sendError(e);
        } catch (MessageOutput.ClientGone e) {
            throw e;
        } catch (RuntimeException e) {
            out.send(ErrorResponse.error(ErrorCode.INTERNAL_ERROR.sqlState(), "internal error: " + e));
        }
        endSimpleQuery();
    }

    /** Ends a Query: its implicit block commits (or rolls back after an error), then ReadyForQuery. */
    private void endSimpleQuery() {
        try {
            session.endImplicitBlock();
        } catch (SqlException e) {
            sendError(e);
        }
        afterStatement();
        readyForQuery();
    }

    // ---- COPY -------------------------------------------------------------------------------

    /** Starts a COPY FROM STDIN and tells the client to send its data (errors reach the caller). */
    private void startCopyIn(Copy copy, List<ParsedStatement> remainingStatements) {
        detachStreamingPortals(false);
        CopyIn started = session.beginCopyIn(copy, PgCopyBinaryCodec.INSTANCE);
        copyIn = new CopyInProgress(started, remainingStatements == null ? null : List.copyOf(remainingStatements));
        out.send(CopyResponse.of(CopyResponse.Direction.IN, started.format().isBinary(), started.columns().size()));
        out.flush();
    }

    /** A message while the client sends COPY data. */
    private void copyInPhase(FrontendMessage message) {
        CopyInProgress running = copyIn;
        try {
            switch (message) {
                case CopyData data -> running.copy().accept(data.data(), 0, data.data().length);
                case CopyDone done -> {
                    long rows = running.copy().finish();
                    copyIn = null;
                    out.send(new CommandComplete("COPY " + rows));
                    afterStatement();
                    if (running.simpleQuery()) {
                        runStatements(running.remainingStatements());
                    }
                }
                case CopyFail fail -> running.copy().fail(fail.message());
                case ControlMessage.SYNC, ControlMessage.FLUSH -> {
                    // PostgreSQL ignores them during COPY IN: clients may send them after CopyData.
                }
                default -> {
                    copyIn = null;
                    if (!running.copy().isDone()) {
                        try {
                            running.copy().fail("unexpected message during COPY");
                        } catch (SqlException ignored) {
                            // The protocol error below is what the client needs to hear.
                        }
                    }
                    copyFailed(running, null, "unexpected message " + message.getClass().getSimpleName()
                            + " during COPY from stdin");
                }
            }
        } catch (SqlException e) {
            copyFailed(running, e, null);
        }
    }

    /** The COPY ended in an error (it is already undone): report it and leave COPY mode. */
    private void copyFailed(CopyInProgress running, SqlException error, String protocolError) {
        copyIn = null;
        if (error != null) {
            sendError(error);
        } else {
            out.send(ErrorResponse.error(PgError.PROTOCOL_VIOLATION, protocolError));
        }
        if (running.simpleQuery()) {
            endSimpleQuery();
        } else {
            discardUntilSync = true;
            afterStatement();
            // The client is still streaming data and reads nothing until it is done: tell it now.
            out.flush();
        }
    }

    /** Runs a COPY TO STDOUT to the end: CopyOutResponse, one CopyData per row, CopyDone, CommandComplete. */
    private void copyOut(Copy copy) {
        detachStreamingPortals(false);
        try (CopyOut copyOut = session.beginCopyOut(copy, PgCopyBinaryCodec.INSTANCE)) {
            out.send(CopyResponse.of(CopyResponse.Direction.OUT, copyOut.format().isBinary(), copyOut.columns().size()));
            byte[] chunk;
            while ((chunk = copyOut.nextChunk()) != null) {
                out.sendRow(new CopyData(chunk));
            }
            out.send(CopyDone.INSTANCE);
            out.send(new CommandComplete("COPY " + copyOut.finish()));
        }
    }

    // ---- extended query -----------------------------------------------------------------------

    private void parse(Parse parse) {
        String name = parse.statementName();
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgError(PgError.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
        }
        ParsedSql parsed = parsed(parse.sql());
        int parameterCount = Math.max(parse.parameterTypes().size(), parsed.highestParameter());
        statements.put(name, new PreparedStatement(name, parse.sql(), parsed.statement(), parse.parameterTypes(),
                parameterCount));
        out.send(Acknowledgement.PARSE_COMPLETE);
    }

    private ParsedSql parsed(String sql) {
        ParsedSql cached = parseCache.get(sql);
        if (cached != null) {
            return cached;
        }
        List<ParsedStatement> statements = parser.parse(sql);
        if (statements.size() > 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement",
                    statements.get(1).offset() + 1);
        }
        ParsedSql parsed = new ParsedSql(statements.isEmpty() ? null : statements.getFirst().statement(),
                highestParameter(sql));
        parseCache.put(sql, parsed);
        return parsed;
    }

    /** The highest {@code $n} in the text (0 when none), found by the dialect's own lexer. */
    private static int highestParameter(String sql) {
        PostgresSqlLexer lexer = new PostgresSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        int highest = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getType() == PostgresSqlLexer.PARAMETER) {
                String digits = token.getText().substring(1);
                int number = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (number > MAX_PARAMETERS) {
                    throw new SqlException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + digits,
                            token.getStartIndex() + 1);
                }
                highest = Math.max(highest, number);
            }
        }
        return highest;
    }

    private void bind(Bind bind) {
        PreparedStatement statement = statements.get(bind.statementName());
        if (statement == null) {
            throw new PgError(PgError.INVALID_SQL_STATEMENT_NAME, bind.statementName().isEmpty()
                    ? "unnamed prepared statement does not exist"
                    : "prepared statement \"" + bind.statementName() + "\" does not exist");
        }
        String portalName = bind.portalName();
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new PgError(PgError.DUPLICATE_CURSOR, "cursor \"" + portalName + "\" already exists");
        }
        List<byte[]> values = bind.parameterValues();
        List<Integer> formats = bind.parameterFormats();
        if (formats.size() > 1 && formats.size() != values.size()) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message has " + formats.size()
                    + " parameter formats but " + values.size() + " parameters");
        }
        if (values.size() != statement.parameterCount()) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message supplies " + values.size()
                    + " parameters, but prepared statement \"" + statement.name() + "\" requires " + statement.parameterCount());
        }
        checkFormatCodes(formats);
        checkFormatCodes(bind.resultFormats());
        List<Object> parameters = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            int format = formats.isEmpty() ? 0 : formats.size() == 1 ? formats.getFirst() : formats.get(i);
            if (value == null) {
                parameters.add(null);
            } else if (format == 0) {
                // Text goes to the engine as it is: it parses it as the type it infers for the parameter.
                parameters.add(new String(value, StandardCharsets.UTF_8));
            } else {
                DataType type = statement.declaredType(i);
                if (type == null) {
                    // Not declared: the client sends the type we described, which is what the engine infers.
                    type = session.describe(statement.statement(), statement.declaredDataTypes()).parameterTypes().get(i);
                }
                parameters.add(PgBinary.decode(value, type, i + 1));
            }
        }
        Portal previous = portals.remove(portalName);
        if (previous != null) {
            previous.close();
        }
        portals.put(portalName, new Portal(portalName, statement, parameters, bind.resultFormats()));
        out.send(Acknowledgement.BIND_COMPLETE);
    }

    private static void checkFormatCodes(List<Integer> formats) {
        for (int format : formats) {
            if (format != 0 && format != 1) {
                throw new PgError(PgError.INVALID_PARAMETER_VALUE, "unsupported format code: " + format);
            }
        }
    }

    private void describe(Describe describe) {
        switch (describe.target()) {
            case STATEMENT -> {
                PreparedStatement statement = statement(describe.name());
                if (statement.isEmpty()) {
                    out.send(new ParameterDescription(statement.parameterTypeOids()));
                    out.send(Acknowledgement.NO_DATA);
                    return;
                }
                StatementDescription description = session.describe(statement.statement(), statement.declaredDataTypes());
                out.send(new ParameterDescription(statement.parameterTypeOids(description.parameterTypes())));
                List<ResultColumn> columns = description.columns();
                out.send(columns == null ? Acknowledgement.NO_DATA : rowDescription(columns, new int[columns.size()]));
            }
            case PORTAL -> {
                Portal portal = portal(describe.name());
                if (portal.statement().isEmpty() || portal.statement().statement() instanceof Copy) {
                    out.send(Acknowledgement.NO_DATA);
                    return;
                }
                start(portal);
                out.send(portal.columns() == null ? Acknowledgement.NO_DATA : rowDescription(portal.columns(), portal.formats()));
            }
        }
    }

    private void execute(Execute execute) {
        Portal portal = portal(execute.portalName());
        if (portal.statement().isEmpty()) {
            out.send(Acknowledgement.EMPTY_QUERY_RESPONSE);
            return;
        }
        if (!portal.started() && portal.statement().statement() instanceof Copy copy && copy.fileName() == null) {
            // COPY answers with its own sub-protocol rather than rows, so it never becomes a row portal.
            if (copy.direction() == Copy.Direction.FROM) {
                startCopyIn(copy, null);
            } else {
                copyOut(copy);
            }
            return;
        }
        start(portal);
        sendNotices();
        if (portal.columns() == null) {
            out.send(new CommandComplete(portal.commandTag()));
            return;
        }
        long sent = sendRows(portal, portal.formats(), execute.maxRows());
        sendNotices();
        out.send(portal.isExhausted() ? new CommandComplete(commandTag(portal, sent)) : Acknowledgement.PORTAL_SUSPENDED);
    }

    private void close(Close close) {
        switch (close.target()) {
            case STATEMENT -> {
                PreparedStatement removed = statements.remove(close.name());
                if (removed != null) {
                    // Closing a prepared statement closes the portals made from it.
                    portals.values().removeIf(portal -> {
                        if (portal.statement() == removed) {
                            portal.close();
                            return true;
                        }
                        return false;
                    });
                }
            }
            case PORTAL -> {
                Portal removed = portals.remove(close.name());
                if (removed != null) {
                    removed.close();
                }
            }
        }
        out.send(Acknowledgement.CLOSE_COMPLETE);
    }

    private void sync() {
        discardUntilSync = false;
        if (session.transactionState() == Session.TransactionState.IDLE) {
            // The implicit transaction ends here, and with it every portal.
            portals.values().forEach(Portal::close);
            portals.clear();
        }
        afterStatement();
        readyForQuery();
    }

    private PreparedStatement statement(String name) {
        PreparedStatement statement = statements.get(name);
        if (statement == null) {
            throw new PgError(PgError.INVALID_SQL_STATEMENT_NAME, name.isEmpty()
                    ? "unnamed prepared statement does not exist" : "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgError(PgError.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    private void start(Portal portal) {
        if (!portal.started()) {
            portal.start(run(portal.statement().statement(), portal.parameters()));
        }
    }

    // ---- running statements and sending results ----------------------------------------------

    /**
     * Runs a statement in the engine session. The engine streams one statement's rows at a time,
     * so a portal still streaming is first read into memory, or closed when the statement ends the
     * transaction (which ends its portals in PostgreSQL too).
     */
    private StatementResult run(Statement statement, List<Object> parameters) {
        boolean endsTransaction = statement instanceof TransactionControl.Commit
                || statement instanceof TransactionControl.Rollback;
        detachStreamingPortals(endsTransaction);
        return session.execute(statement, parameters);
    }

    /** Reads portals still streaming into memory before another statement runs, or closes them if it ends the transaction. */
    private void detachStreamingPortals(boolean endsTransaction) {
        for (Portal portal : portals.values()) {
            if (portal.isStreaming()) {
                if (endsTransaction) {
                    portal.close();
                } else {
                    portal.detach(session.settings().bytes("work_mem"));
                }
            }
        }
    }

    /** Sends up to {@code maxRows} rows (all when 0 or less) of a started portal; returns how many. */
    private long sendRows(Portal portal, int[] formats, int maxRows) {
        List<ResultColumn> columns = portal.columns();
        DataType[] types = new DataType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        ZoneId zone = session.settings().timeZone();
        long sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            if (!portal.next()) {
                break;
            }
            Object[] row = portal.row();
            byte[][] values = new byte[types.length][];
            for (int i = 0; i < types.length; i++) {
                Object value = row[i];
                if (value != null) {
                    values[i] = formats[i] == 1 ? PgBinary.encode(value, types[i], zone)
                            : PgTypes.text(value, types[i], zone).getBytes(StandardCharsets.UTF_8);
                }
            }
            out.sendRow(new DataRow(values));
            sent++;
        }
        return sent;
    }

    /** The CommandComplete tag: a SELECT reports the rows sent by this Execute, as PostgreSQL does. */
    private static String commandTag(Portal portal, long sent) {
        String tag = portal.commandTag();
        return tag != null && tag.startsWith("SELECT ") ? "SELECT " + sent : tag;
    }

    private static RowDescription rowDescription(List<ResultColumn> columns, int[] formats) {
        List<RowDescription.Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            DataType type = columns.get(i).type();
            // A column read unchanged from a table names it (its pg_class oid and pg_attribute attnum), as PostgreSQL does.
            ColumnOrigin origin = columns.get(i).origin();
            fields.add(new RowDescription.Field(columns.get(i).name(), origin == null ? 0 : (int) origin.tableId(),
                    origin == null ? 0 : (short) origin.columnId(), PgTypes.oid(type), PgTypes.typeLength(type),
                    PgTypes.typeModifier(type), formats[i]));
        }
        return new RowDescription(fields);
    }

    private void sendError(SqlException e) {
        if (session != null && session.terminating()) {
            // pg_terminate_backend / DELETE /v1/sessions: the statement was cancelled to end the connection.
            fatal(ErrorCode.ADMIN_SHUTDOWN.sqlState(), TERMINATED);
            throw new MessageOutput.ClientGone();
        }
        out.send(new ErrorResponse(ErrorResponse.Kind.ERROR, ErrorResponse.SEVERITY_ERROR, e.code().sqlState(),
                e.getMessage(), e.detail(), e.hint(), e.position()));
    }

    /** Sends the notices the engine raised and the reported parameters that changed. */
    private void afterStatement() {
        if (session != null) {
            sendNotices();
            reportParameters();
        }
    }

    /** NoticeResponse for each notice the engine raised since the last call. */
    private void sendNotices() {
        for (Notice notice : session.takeNotices()) {
            if (!session.settings().sendsToClient(notice.severity())) {
                continue;
            }
            String sqlState = notice.code() != null ? notice.code().sqlState()
                    : notice.severity().equals("WARNING") ? "01000" : "00000";
            out.send(ErrorResponse.notice(notice.severity(), sqlState, notice.message()));
        }
    }

    /** ParameterStatus for every reported parameter whose value the client has not been told yet. */
    private void reportParameters() {
        long version = session.settings().version();
        if (version == reportedSettingsVersion) {
            return;
        }
        reportedSettingsVersion = version;
        for (Map.Entry<String, String> parameter : reportedParameterValues().entrySet()) {
            if (!parameter.getValue().equals(reportedParameters.get(parameter.getKey()))) {
                out.send(new ParameterStatus(parameter.getKey(), parameter.getValue()));
                reportedParameters.put(parameter.getKey(), parameter.getValue());
            }
        }
    }

    /** The parameters PostgreSQL reports to clients (GUC_REPORT), with its spelling of their names. */
    private Map<String, String> reportedParameterValues() {
        var settings = session.settings();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("application_name", settings.get("application_name"));
        values.put("client_encoding", settings.get("client_encoding"));
        values.put("DateStyle", settings.get("datestyle"));
        values.put("default_transaction_read_only", settings.get("default_transaction_read_only"));
        values.put("in_hot_standby", "off");
        values.put("integer_datetimes", settings.get("integer_datetimes"));
        values.put("IntervalStyle", settings.get("intervalstyle"));
        values.put("is_superuser", settings.get("is_superuser"));
        values.put("server_encoding", settings.get("server_encoding"));
        values.put("server_version", settings.get("server_version"));
        values.put("session_authorization", session.user());
        values.put("standard_conforming_strings", settings.get("standard_conforming_strings"));
        values.put("TimeZone", settings.get("timezone"));
        return values;
    }

    private void readyForQuery() {
        ReadyForQuery.Status status = switch (session.transactionState()) {
            case IDLE -> ReadyForQuery.Status.IDLE;
            case IN_TRANSACTION -> ReadyForQuery.Status.IN_TRANSACTION;
            case FAILED -> ReadyForQuery.Status.FAILED;
        };
        out.send(new ReadyForQuery(status));
        out.flush();
    }
}
