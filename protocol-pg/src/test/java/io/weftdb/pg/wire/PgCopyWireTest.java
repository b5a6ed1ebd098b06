package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.pg.wire.protocol.Acknowledgement;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.Bind;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.ControlMessage;
import io.weftdb.pg.wire.protocol.CopyData;
import io.weftdb.pg.wire.protocol.CopyDone;
import io.weftdb.pg.wire.protocol.CopyFail;
import io.weftdb.pg.wire.protocol.CopyResponse;
import io.weftdb.pg.wire.protocol.DataRow;
import io.weftdb.pg.wire.protocol.Describe;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.Execute;
import io.weftdb.pg.wire.protocol.FrontendMessage;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COPY sub-protocol, message by message, on an {@link EmbeddedChannel} over a real engine. */
class PgCopyWireTest {
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final ReadyForQuery IDLE = new ReadyForQuery(ReadyForQuery.Status.IDLE);

    @TempDir
    Path directory;
    private EngineFixture fixture;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(directory);
        PgServerConfig config = PgServerConfig.defaults().withMaxMessageBytes(MAX_MESSAGE_BYTES);
        channel = new EmbeddedChannel(new PgFrameDecoder(MAX_MESSAGE_BYTES), PgMessageEncoder.INSTANCE,
                new PgChannelHandler(fixture.engine(), config, new BackendKeys(), Optional.empty(), Runnable::run));
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        responses();
        send(new SimpleQuery("CREATE TABLE t (a integer, b text)"));
        responses();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        fixture.close();
    }

    private void send(FrontendMessage... messages) {
        ByteBuf buffer = Unpooled.buffer();
        for (FrontendMessage message : messages) {
            message.write(buffer);
        }
        channel.writeInbound(buffer);
    }

    private List<BackendMessage> responses() {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return BackendMessages.decodeAll(all);
    }

    private static CopyData data(String text) {
        return new CopyData(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> tableRows() {
        send(new SimpleQuery("SELECT a, b FROM t ORDER BY a"));
        return responses().stream().filter(DataRow.class::isInstance).map(DataRow.class::cast)
                .map(row -> new String(row.value(0), StandardCharsets.UTF_8) + "|"
                        + (row.value(1) == null ? "null" : new String(row.value(1), StandardCharsets.UTF_8)))
                .toList();
    }

    private static void assertError(BackendMessage message, String sqlState) {
        assertThat(message).isInstanceOfSatisfying(ErrorResponse.class, error -> assertThat(error.sqlState()).isEqualTo(sqlState));
    }

    @Test
    void copyInResponseAnnouncesTextFormatAndOneFormatCodePerColumn() {
        send(new SimpleQuery("COPY t FROM STDIN"));

        assertThat(ByteBufUtil.hexDump(Unpooled.wrappedBuffer(readAll()))).isEqualTo("47" + "0000000b" + "00" + "0002" + "0000" + "0000");
        send(CopyDone.INSTANCE);
        assertThat(responses()).containsExactly(new CommandComplete("COPY 0"), IDLE);
    }

    private byte[] readAll() {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return ByteBufUtil.getBytes(all);
    }

    @Test
    void aQueryStringResumesAfterItsCopyWithRowsSplitAcrossCopyDataAndFlushIgnored() {
        send(new SimpleQuery("INSERT INTO t VALUES (0, 'before'); COPY t FROM STDIN; SELECT count(*) FROM t"));
        assertThat(responses()).containsExactly(new CommandComplete("INSERT 0 1"),
                CopyResponse.of(CopyResponse.Direction.IN, false, 2));

        send(data("1\tx\n2\t"), ControlMessage.FLUSH, data("y\n3\t\\N"), ControlMessage.SYNC, CopyDone.INSTANCE);

        List<BackendMessage> responses = responses();
        assertThat(responses.getFirst()).isEqualTo(new CommandComplete("COPY 3"));
        assertThat(responses.get(1)).isInstanceOf(RowDescription.class);
        assertThat(((DataRow) responses.get(2)).value(0)).asString(StandardCharsets.UTF_8).isEqualTo("4");
        assertThat(responses.subList(3, responses.size())).containsExactly(new CommandComplete("SELECT 1"), IDLE);
        assertThat(tableRows()).containsExactly("0|before", "1|x", "2|y", "3|null");
    }

    @Test
    void copyFailUndoesTheCopyAndTheRestOfTheQueryString() {
        send(new SimpleQuery("INSERT INTO t VALUES (0, 'before'); COPY t FROM STDIN"));
        responses();

        send(data("1\tx\n"), new CopyFail("client changed its mind"));

        List<BackendMessage> responses = responses();
        assertThat(responses).hasSize(2);
        assertThat(responses.getFirst()).isInstanceOfSatisfying(ErrorResponse.class, error -> {
            assertThat(error.sqlState()).isEqualTo("57014");
            assertThat(error.message()).isEqualTo("COPY from stdin failed: client changed its mind");
        });
        assertThat(responses.get(1)).isEqualTo(IDLE);
        assertThat(tableRows()).isEmpty();
    }

    @Test
    void aBadRowEndsCopyModeAndTheDataStillInFlightIsIgnored() {
        send(new SimpleQuery("COPY t FROM STDIN"));
        responses();

        send(data("1\tx\nnot a number\ty\n"));
        List<BackendMessage> failed = responses();
        assertError(failed.getFirst(), "22P02");
        assertThat(failed.get(1)).isEqualTo(IDLE);

        send(data("3\tz\n"), CopyDone.INSTANCE);
        assertThat(responses()).isEmpty();
        assertThat(tableRows()).isEmpty();
    }

    @Test
    void anotherMessageDuringCopyInIsAProtocolViolationThatUndoesTheCopy() {
        send(new SimpleQuery("COPY t FROM STDIN"));
        responses();

        send(data("1\tx\n"), new SimpleQuery("SELECT 1"));

        List<BackendMessage> responses = responses();
        assertError(responses.getFirst(), "08P01");
        assertThat(responses.get(1)).isEqualTo(IDLE);
        assertThat(tableRows()).isEmpty();
    }

    @Test
    void extendedCopyInIgnoresSyncUntilCopyDoneThenAnswersTheNextSync() {
        send(new Parse("", "COPY t FROM STDIN", List.of()), new Bind("", "", List.of(), List.of(), List.of()),
                new Describe(Target.PORTAL, ""), new Execute("", 0), ControlMessage.SYNC);
        assertThat(responses()).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.BIND_COMPLETE,
                Acknowledgement.NO_DATA, CopyResponse.of(CopyResponse.Direction.IN, false, 2));

        send(data("1\tone\n"), CopyDone.INSTANCE, ControlMessage.SYNC);

        assertThat(responses()).containsExactly(new CommandComplete("COPY 1"), IDLE);
        assertThat(tableRows()).containsExactly("1|one");
    }

    @Test
    void extendedCopyInErrorDiscardsUntilSync() {
        send(new Parse("", "COPY t FROM STDIN", List.of()), new Bind("", "", List.of(), List.of(), List.of()),
                new Execute("", 0));
        responses();

        send(data("1\n"), CopyDone.INSTANCE, new Execute("", 0));
        List<BackendMessage> failed = responses();
        assertThat(failed).hasSize(1);
        assertError(failed.getFirst(), "22P04");

        send(ControlMessage.SYNC);
        assertThat(responses()).containsExactly(IDLE);
        assertThat(tableRows()).isEmpty();
    }

    @Test
    void copyToStdoutSendsCopyOutResponseOneCopyDataPerRowAndCopyDone() {
        send(new SimpleQuery("INSERT INTO t VALUES (1, 'a'), (2, NULL)"));
        responses();

        send(new SimpleQuery("COPY (SELECT a, b FROM t ORDER BY a) TO STDOUT WITH (FORMAT csv)"));

        List<BackendMessage> responses = responses();
        assertThat(responses.getFirst()).isEqualTo(CopyResponse.of(CopyResponse.Direction.OUT, false, 2));
        assertThat(responses.subList(1, 3)).extracting(message -> new String(((CopyData) message).data(), StandardCharsets.UTF_8))
                .containsExactly("1,a\n", "2,\n");
        assertThat(responses.subList(3, responses.size())).containsExactly(CopyDone.INSTANCE, new CommandComplete("COPY 2"), IDLE);
    }

    @Test
    void extendedCopyOutRunsOnExecute() {
        send(new SimpleQuery("INSERT INTO t VALUES (1, 'a')"));
        responses();

        send(new Parse("", "COPY t TO STDOUT", List.of()), new Bind("", "", List.of(), List.of(), List.of()),
                new Execute("", 0), ControlMessage.SYNC);

        List<BackendMessage> responses = responses();
        assertThat(responses.subList(0, 3)).containsExactly(Acknowledgement.PARSE_COMPLETE, Acknowledgement.BIND_COMPLETE,
                CopyResponse.of(CopyResponse.Direction.OUT, false, 2));
        assertThat(new String(((CopyData) responses.get(3)).data(), StandardCharsets.UTF_8)).isEqualTo("1\ta\n");
        assertThat(responses.subList(4, responses.size())).containsExactly(CopyDone.INSTANCE, new CommandComplete("COPY 1"), IDLE);
    }
}
