package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.pg.wire.protocol.Acknowledgement;
import io.weftdb.pg.wire.protocol.BackendKeyData;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.Bind;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.ControlMessage;
import io.weftdb.pg.wire.protocol.DataRow;
import io.weftdb.pg.wire.protocol.Describe;
import io.weftdb.pg.wire.protocol.EncryptionRequest;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.Execute;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.ParameterDescription;
import io.weftdb.pg.wire.protocol.ParameterStatus;
import io.weftdb.pg.wire.protocol.Parse;
import io.weftdb.pg.wire.protocol.PgFrameDecoder;
import io.weftdb.pg.wire.protocol.PgMessageEncoder;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.RowDescription;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import io.weftdb.pg.wire.protocol.StartupMessage;
import io.weftdb.pg.wire.protocol.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (framing, messages, session) on an {@link EmbeddedChannel} over a real
 * engine, with the session's work run on the calling thread so every answer is there as soon as
 * the input is written. Expected bytes are spelled out by hand.
 */
class PgSessionWireTest {
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final ReadyForQuery IDLE = new ReadyForQuery(ReadyForQuery.Status.IDLE);
    private static final ReadyForQuery IN_TRANSACTION = new ReadyForQuery(ReadyForQuery.Status.IN_TRANSACTION);

    @TempDir
    Path directory;
    private EngineFixture fixture;
    private final BackendKeys keys = new BackendKeys();
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(directory);
        channel = newChannel();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        fixture.close();
    }

    private EmbeddedChannel newChannel() {
        PgServerConfig config = PgServerConfig.defaults().withMaxMessageBytes(MAX_MESSAGE_BYTES);
        return new EmbeddedChannel(new PgFrameDecoder(MAX_MESSAGE_BYTES), PgMessageEncoder.INSTANCE,
                new PgEncryptionNegotiator(Optional.empty()),
                new PgChannelHandler(fixture.engine(), config, keys, Optional.empty(), Runnable::run));
    }

    private void send(FrontendMessage... messages) {
        ByteBuf buffer = Unpooled.buffer();
        for (FrontendMessage message : messages) {
            message.write(buffer);
        }
        channel.writeInbound(buffer);
    }

    /** Everything the server wrote since the last call, as one buffer. */
    private ByteBuf output() {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return all;
    }

    private List<BackendMessage> responses() {
        return BackendMessages.decodeAll(output());
    }

    private List<BackendMessage> startup() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        return responses();
    }

    private static String message(char type, String bodyHex) {
        return String.format("%02x%08x", (int) type, 4 + bodyHex.length() / 2) + bodyHex;
    }

    private static String text(String value) {
        return HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "00";
    }

    private static String parameterStatus(String name, String value) {
        return message('S', text(name) + text(value));
    }

    @Test
    void startupAnswersAuthenticationOkTheParametersTheKeyAndReadyForQuery() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        String hex = ByteBufUtil.hexDump(output());

        String expectedBeforeKey = "5200000008" + "00000000"
                + parameterStatus("application_name", "")
                + parameterStatus("client_encoding", "UTF8")
                + parameterStatus("DateStyle", "ISO, MDY")
                + parameterStatus("default_transaction_read_only", "off")
                + parameterStatus("in_hot_standby", "off")
                + parameterStatus("integer_datetimes", "on")
                + parameterStatus("IntervalStyle", "postgres")
                + parameterStatus("is_superuser", "on")
                + parameterStatus("server_encoding", "UTF8")
                + parameterStatus("server_version", "15.0")
                + parameterStatus("session_authorization", "alice")
                + parameterStatus("standard_conforming_strings", "on")
                + parameterStatus("TimeZone", "UTC");
        int processId = fixture.engine().sessions().keySet().iterator().next();
        assertThat(hex).startsWith(expectedBeforeKey);
        String rest = hex.substring(expectedBeforeKey.length());
        assertThat(rest).startsWith("4b" + "0000000c" + String.format("%08x", processId));
        assertThat(rest.substring(2 + 8 + 8 + 8)).isEqualTo("5a" + "00000005" + "49");
    }

    @Test
    void startupParametersAreAppliedAndReported() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres", "TimeZone", "Europe/Paris",
                "application_name", "tests")));

        assertThat(responses()).contains(new ParameterStatus("TimeZone", "Europe/Paris"),
                new ParameterStatus("application_name", "tests"));
    }

    @Test
    void anSslRequestIsRefusedWithNAndTheStartupMessageFollows() {
        send(EncryptionRequest.SSL);
        assertThat(ByteBufUtil.hexDump(output())).isEqualTo("4e");

        assertThat(startup()).last().isEqualTo(IDLE);
    }

    @Test
    void anUnknownDatabaseIsFatal3D000AndClosesTheConnection() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "nope")));

        assertThat(ByteBufUtil.hexDump(output())).isEqualTo(message('E', "53" + text("FATAL") + "56" + text("FATAL")
                + "43" + text("3D000") + "4d" + text("database \"nope\" does not exist") + "00"));
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aSimpleQueryAnswersRowDescriptionDataRowCommandCompleteAndReadyForQuery() {
        startup();
        send(new SimpleQuery("SELECT 1 AS one"));

        assertThat(ByteBufUtil.hexDump(output())).isEqualTo(
                message('T', "0001" + text("one") + "00000000" + "0000" + "00000017" + "0004" + "ffffffff" + "0000")
                        + message('D', "0001" + "00000001" + "31")
                        + message('C', text("SELECT 1"))
                        + message('Z', "49"));
    }

    @Test
    void aSimpleQueryStopsAtTheFirstErrorAndUndoesTheWholeString() {
        startup();
        send(new SimpleQuery("CREATE TABLE t (n integer); INSERT INTO t VALUES (1), (2); SELECT * FROM missing; INSERT INTO t VALUES (3)"));

        List<BackendMessage> responses = responses();
        assertThat(responses).hasSize(4);
        assertThat(responses.get(0)).isEqualTo(new CommandComplete("CREATE TABLE"));
        assertThat(responses.get(1)).isEqualTo(new CommandComplete("INSERT 0 2"));
        assertThat(responses.get(2)).isInstanceOfSatisfying(ErrorResponse.class, error -> {
            assertThat(error.sqlState()).isEqualTo("42P01");
            assertThat(error.position()).isEqualTo(74);
        });
        assertThat(responses.get(3)).isEqualTo(IDLE);

        // The string ran as one implicit transaction: the CREATE TABLE went with the failure.
        send(new SimpleQuery("SELECT n FROM t ORDER BY n"));
        assertThat(responses().get(0)).isInstanceOfSatisfying(ErrorResponse.class,
                error -> assertThat(error.sqlState()).isEqualTo("42P01"));
    }

    @Test
    void anEmptyQueryStringAnswersEmptyQueryResponse() {
        startup();
        send(new SimpleQuery("  ;  "));

        assertThat(responses()).containsExactly(Acknowledgement.EMPTY_QUERY_RESPONSE, IDLE);
    }

    @Test
    void readyForQueryReportsTheTransactionState() {
        startup();
        send(new SimpleQuery("BEGIN"));
        assertThat(responses()).containsExactly(new CommandComplete("BEGIN"), IN_TRANSACTION);

        send(new SimpleQuery("SELECT 1/0"));
        assertThat(responses()).last().isEqualTo(new ReadyForQuery(ReadyForQuery.Status.FAILED));

        send(new SimpleQuery("ROLLBACK"));
        assertThat(responses()).containsExactly(new CommandComplete("ROLLBACK"), IDLE);
    }

    @Test
    void noticesArriveAsNoticeResponsesBeforeTheCommandCompletes() {
        startup();
        send(new SimpleQuery("COMMIT"));

        List<BackendMessage> responses = responses();
        assertThat(responses.getFirst()).isInstanceOfSatisfying(ErrorResponse.class, notice -> {
            assertThat(notice.kind()).isEqualTo(ErrorResponse.Kind.NOTICE);
            assertThat(notice.severity()).isEqualTo("WARNING");
            assertThat(notice.message()).isEqualTo("there is no transaction in progress");
        });
        assertThat(responses.subList(1, 3)).containsExactly(new CommandComplete("COMMIT"), IDLE);
    }

    @Test
    void aSetOfAReportedParameterSendsParameterStatus() {
        startup();
        send(new SimpleQuery("SET TimeZone = 'Asia/Tokyo'"));

        assertThat(responses()).containsExactly(new CommandComplete("SET"), new ParameterStatus("TimeZone", "Asia/Tokyo"), IDLE);
    }

    @Test
    void anOversizedMessageLengthIsFatal08P01AndClosesTheConnection() {
        startup();
        channel.writeInbound(Unpooled.buffer().writeByte('Q').writeInt(MAX_MESSAGE_BYTES + 1));

        assertThat(ByteBufUtil.hexDump(output())).isEqualTo(message('E', "53" + text("FATAL") + "56" + text("FATAL")
                + "43" + text("08P01") + "4d" + text("invalid message length 1048577 for message type 'Q'") + "00"));
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void theExtendedProtocolParsesBindsDescribesAndExecutes() {
        startup();
        send(new SimpleQuery("CREATE TABLE items (id integer PRIMARY KEY, name text)"));
        responses();

        send(new Parse("insert", "INSERT INTO items VALUES ($1, $2)", List.of(23, 0)),
                new Bind("", "insert", List.of(0), List.of(bytes("7"), bytes("seven")), List.of()),
                new Describe(Target.PORTAL, ""),
                new Execute("", 0),
                ControlMessage.SYNC);
        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.BIND_COMPLETE,
                Acknowledgement.NO_DATA, new CommandComplete("INSERT 0 1"), IDLE);

        send(new SimpleQuery("SELECT 'items'::regclass::oid"));
        int itemsOid = Integer.parseInt(new String(responses().stream().filter(DataRow.class::isInstance)
                .map(DataRow.class::cast).findFirst().orElseThrow().value(0), java.nio.charset.StandardCharsets.UTF_8));

        send(new Parse("", "SELECT id, name FROM items WHERE id = $1", List.of()),
                new Describe(Target.STATEMENT, ""),
                new Bind("", "", List.of(), List.of(bytes("7")), List.of()),
                new Execute("", 0),
                ControlMessage.SYNC);
        // $1 is compared with an integer column, so the engine infers int4 for it; both columns name their table.
        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE,
                new ParameterDescription(List.of(PgTypes.INT4)),
                new RowDescription(List.of(new RowDescription.Field("id", itemsOid, 1, PgTypes.INT4, 4, -1, 0),
                        new RowDescription.Field("name", itemsOid, 2, PgTypes.TEXT, -1, -1, 0))),
                Acknowledgement.BIND_COMPLETE,
                new DataRow(new byte[][] {bytes("7"), bytes("seven")}),
                new CommandComplete("SELECT 1"),
                IDLE);
    }

    @Test
    void describingAStatementReportsDeclaredParameterTypesAndNoDataForCommands() {
        startup();
        send(new SimpleQuery("CREATE TABLE items (id integer PRIMARY KEY, name text)"));
        responses();

        send(new Parse("update", "UPDATE items SET name = $2 WHERE id = $1", List.of(23)),
                new Describe(Target.STATEMENT, "update"),
                ControlMessage.SYNC);

        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE,
                new ParameterDescription(List.of(PgTypes.INT4, PgTypes.TEXT)), Acknowledgement.NO_DATA, IDLE);
    }

    @Test
    void describingAStatementWithReturningReportsItsColumnsWithoutRunningIt() {
        startup();
        send(new SimpleQuery("CREATE TABLE items (id bigint PRIMARY KEY, name varchar(10))"));
        responses();

        send(new Parse("insert", "INSERT INTO items VALUES ($1, $2) RETURNING id, name", List.of()),
                new Describe(Target.STATEMENT, "insert"),
                ControlMessage.SYNC);
        assertThat(responses()).contains(new RowDescription(List.of(
                new RowDescription.Field("id", 0, 0, PgTypes.INT8, 8, -1, 0),
                new RowDescription.Field("name", 0, 0, PgTypes.VARCHAR, -1, 14, 0))));

        send(new SimpleQuery("SELECT id FROM items"));
        assertThat(responses()).contains(new CommandComplete("SELECT 0"));
    }

    @Test
    void aMultiStatementQueryRunsAsOneTransactionThatAnErrorUndoesWhole() {
        startup();
        send(new SimpleQuery("CREATE TABLE kept (id integer PRIMARY KEY)"));
        responses();

        send(new SimpleQuery("INSERT INTO kept VALUES (1); INSERT INTO kept VALUES (2); INSERT INTO kept VALUES (1); INSERT INTO kept VALUES (3)"));
        List<BackendMessage> failed = responses();
        assertThat(failed).filteredOn(ErrorResponse.class::isInstance).singleElement()
                .satisfies(error -> assertThat(((ErrorResponse) error).sqlState()).isEqualTo("23505"));
        assertThat(failed).last().isEqualTo(IDLE);

        send(new SimpleQuery("INSERT INTO kept VALUES (4); INSERT INTO kept VALUES (5)"));
        assertThat(responses()).last().isEqualTo(IDLE);
        send(new SimpleQuery("SELECT id FROM kept"));
        assertThat(responses()).contains(new CommandComplete("SELECT 2"));
    }

    @Test
    void describingAStatementOnAMissingTableReportsUndefinedTable() {
        startup();
        send(new SimpleQuery("BEGIN"));
        responses();

        send(new Parse("", "SELECT * FROM missing", List.of()), new Describe(Target.STATEMENT, ""), ControlMessage.SYNC);
        List<BackendMessage> responses = responses();
        assertThat(responses.get(1)).isInstanceOfSatisfying(ErrorResponse.class,
                error -> assertThat(error.sqlState()).isEqualTo("42P01"));
        assertThat(responses).last().isInstanceOf(ReadyForQuery.class);
    }

    @Test
    void afterAnErrorEverythingUpToSyncIsDiscarded() {
        startup();
        send(new Parse("", "SELEC 1", List.of()),
                new Bind("", "", List.of(), List.of(), List.of()),
                new Execute("", 0),
                ControlMessage.SYNC,
                new Parse("", "SELECT 2", List.of()),
                ControlMessage.SYNC);

        List<BackendMessage> responses = responses();
        assertThat(responses.getFirst()).isInstanceOfSatisfying(ErrorResponse.class, error -> {
            assertThat(error.sqlState()).isEqualTo("42601");
            assertThat(error.severity()).isEqualTo("ERROR");
        });
        assertThat(responses.subList(1, responses.size())).containsExactly(IDLE, Acknowledgement.PARSE_COMPLETE, IDLE);
    }

    @Test
    void executeWithMaxRowsSuspendsThePortalAndTheNextExecuteResumesIt() {
        startup();
        send(new SimpleQuery("CREATE TABLE t (n integer); INSERT INTO t VALUES (1), (2), (3), (4), (5); BEGIN"));
        responses();

        send(new Parse("", "SELECT n FROM t ORDER BY n", List.of()), new Bind("c", "", List.of(), List.of(), List.of()),
                new Execute("c", 2), ControlMessage.SYNC);
        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.BIND_COMPLETE,
                row("1"), row("2"), Acknowledgement.PORTAL_SUSPENDED, IN_TRANSACTION);

        send(new Execute("c", 2), ControlMessage.SYNC);
        assertThat(responses()).containsExactly(row("3"), row("4"), Acknowledgement.PORTAL_SUSPENDED, IN_TRANSACTION);

        send(new Execute("c", 2), ControlMessage.SYNC);
        assertThat(responses()).containsExactly(row("5"), new CommandComplete("SELECT 1"), IN_TRANSACTION);
    }

    @Test
    void aSuspendedPortalSurvivesAnotherStatementRunningInBetween() {
        startup();
        send(new SimpleQuery("CREATE TABLE t (n integer); INSERT INTO t VALUES (1), (2), (3); BEGIN"));
        responses();
        send(new Parse("", "SELECT n FROM t ORDER BY n", List.of()), new Bind("c", "", List.of(), List.of(), List.of()),
                new Execute("c", 1), ControlMessage.SYNC);
        responses();

        send(new SimpleQuery("INSERT INTO t VALUES (4)"));
        assertThat(responses()).containsExactly(new CommandComplete("INSERT 0 1"), IN_TRANSACTION);

        send(new Execute("c", 0), ControlMessage.SYNC);
        assertThat(responses()).containsExactly(row("2"), row("3"), new CommandComplete("SELECT 2"), IN_TRANSACTION);
    }

    @Test
    void portalsEndAtSyncOutsideATransactionBlock() {
        startup();
        send(new Parse("", "SELECT 1", List.of()), new Bind("c", "", List.of(), List.of(), List.of()), ControlMessage.SYNC);
        responses();

        send(new Execute("c", 0), ControlMessage.SYNC);

        assertThat(responses().getFirst()).isInstanceOfSatisfying(ErrorResponse.class,
                error -> assertThat(error.sqlState()).isEqualTo("34000"));
    }

    @Test
    void binaryResultFormatsEncodeValuesInBinary() {
        startup();
        send(new Parse("", "SELECT CAST(42 AS bigint), true, 'x'", List.of()),
                new Bind("", "", List.of(), List.of(), List.of(1)),
                new Describe(Target.PORTAL, ""),
                new Execute("", 0),
                ControlMessage.SYNC);

        List<BackendMessage> responses = responses();
        assertThat(responses.get(2)).isInstanceOfSatisfying(RowDescription.class, description ->
                assertThat(description.fields()).extracting(RowDescription.Field::format).containsOnly(1));
        assertThat(responses.get(3)).isEqualTo(new DataRow(new byte[][] {{0, 0, 0, 0, 0, 0, 0, 42}, {1}, {'x'}}));
    }

    @Test
    void binaryParametersAreDecodedWithTheirDeclaredType() {
        startup();
        send(new Parse("", "SELECT $1 + 1", List.of(PgTypes.INT4)),
                new Bind("", "", List.of(1), List.of(new byte[] {0, 0, 1, 0}), List.of()),
                new Execute("", 0),
                ControlMessage.SYNC);

        assertThat(responses()).contains(row("257"));
    }

    @Test
    void aBindWithTheWrongNumberOfParametersIsAProtocolError() {
        startup();
        send(new Parse("", "SELECT $1", List.of()), new Bind("", "", List.of(), List.of(), List.of()), ControlMessage.SYNC);

        assertThat(responses().get(1)).isInstanceOfSatisfying(ErrorResponse.class, error -> {
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(error.message()).isEqualTo("bind message supplies 0 parameters, but prepared statement \"\" requires 1");
        });
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void closingAStatementMakesItUnknown() {
        startup();
        send(new Parse("s", "SELECT 1", List.of()), new io.weftdb.pg.wire.protocol.Close(Target.STATEMENT, "s"),
                new Bind("", "s", List.of(), List.of(), List.of()), ControlMessage.SYNC);

        List<BackendMessage> responses = responses();
        assertThat(responses.subList(0, 2)).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.CLOSE_COMPLETE);
        assertThat(responses.get(2)).isInstanceOfSatisfying(ErrorResponse.class,
                error -> assertThat(error.sqlState()).isEqualTo("26000"));
    }

    @Test
    void anEmptyPreparedStatementExecutesToEmptyQueryResponse() {
        startup();
        send(new Parse("", "", List.of()), new Bind("", "", List.of(), List.of(), List.of()), new Describe(Target.PORTAL, ""),
                new Execute("", 0), ControlMessage.SYNC);

        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.BIND_COMPLETE,
                Acknowledgement.NO_DATA, Acknowledgement.EMPTY_QUERY_RESPONSE, IDLE);
    }

    @Test
    void terminateClosesTheConnectionAndTheEngineSession() {
        startup();
        assertThat(fixture.engine().sessions()).hasSize(1);

        send(ControlMessage.TERMINATE);

        assertThat(channel.isActive()).isFalse();
        assertThat(fixture.engine().sessions()).isEmpty();
    }

    @Test
    void aCancelRequestNeedsTheRightSecret() {
        List<BackendMessage> startup = startup();
        BackendKeyData key = startup.stream().filter(BackendKeyData.class::isInstance).map(BackendKeyData.class::cast)
                .findFirst().orElseThrow();

        assertThat(keys.cancel(key.processId(), key.secretKey() + 1)).isFalse();
        assertThat(keys.cancel(key.processId() + 1, key.secretKey())).isFalse();
        assertThat(keys.cancel(key.processId(), key.secretKey())).isTrue();
    }

    @Test
    void aCancelRequestConnectionIsClosedWithoutAnswer() {
        EmbeddedChannel canceller = newChannel();
        ByteBuf request = Unpooled.buffer();
        new io.weftdb.pg.wire.protocol.CancelRequest(12345, 678).write(request);
        canceller.writeInbound(request);

        assertThat((Object) canceller.readOutbound()).isNull();
        assertThat(canceller.isActive()).isFalse();
    }

    @Test
    void backendKeysCancelTheRegisteredSession() {
        Session session = fixture.engine().openSession(SessionOptions.defaults());
        try {
            int secret = keys.register(session.id(), session);
            assertThat(keys.cancel(session.id(), secret)).isTrue();
            keys.unregister(session.id());
            assertThat(keys.cancel(session.id(), secret)).isFalse();
        } finally {
            session.close();
        }
    }

    private static DataRow row(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = bytes(values[i]);
        }
        return new DataRow(bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
