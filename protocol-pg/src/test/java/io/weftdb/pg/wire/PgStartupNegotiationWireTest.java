package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.pg.wire.protocol.AuthenticationOk;
import io.weftdb.pg.wire.protocol.BackendKeyData;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.EncryptionRequest;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.NegotiateProtocolVersion;
import io.weftdb.pg.wire.protocol.ParameterStatus;
import io.weftdb.pg.wire.protocol.PgFrameDecoder;
import io.weftdb.pg.wire.protocol.PgMessageEncoder;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.StartupMessage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens before ReadyForQuery: encryption requests, protocol versions, the reported parameters, the cancel key. */
class PgStartupNegotiationWireTest {
    /** Protocol 3.2, which PostgreSQL 18 clients may ask for. */
    private static final int PROTOCOL_3_2 = (3 << 16) | 2;

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
        PgServerConfig config = PgServerConfig.defaults();
        return new EmbeddedChannel(new PgFrameDecoder(config.maxMessageBytes()), PgMessageEncoder.INSTANCE,
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

    private ByteBuf output() {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return all;
    }

    private static ErrorResponse onlyError(List<BackendMessage> responses) {
        assertThat(responses).hasSize(1).first().isInstanceOf(ErrorResponse.class);
        return (ErrorResponse) responses.getFirst();
    }

    @Test
    void aNewerMinorVersionIsAnsweredWithNegotiateProtocolVersionNamingMinorZeroAndTheUnknownOptions() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "alice");
        parameters.put("database", "postgres");
        parameters.put("_pq_.test_option", "1");
        send(new StartupMessage(PROTOCOL_3_2, parameters));

        List<BackendMessage> responses = BackendMessages.decodeAll(output());
        assertThat(responses.get(0)).isEqualTo(new NegotiateProtocolVersion(0, List.of("_pq_.test_option")));
        assertThat(responses.get(1)).isEqualTo(AuthenticationOk.INSTANCE);
        assertThat(responses).last().isEqualTo(new ReadyForQuery(ReadyForQuery.Status.IDLE));
    }

    @Test
    void version30WithoutOptionsGetsNoNegotiation() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));

        assertThat(BackendMessages.decodeAll(output())).noneMatch(NegotiateProtocolVersion.class::isInstance);
    }

    @Test
    void anotherMajorVersionIsFatal0A000() {
        send(new StartupMessage(2 << 16, Map.of("user", "alice")));

        ErrorResponse error = onlyError(BackendMessages.decodeAll(output()));
        assertThat(error.sqlState()).isEqualTo("0A000");
        assertThat(error.message()).isEqualTo("unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
    }

    @Test
    void everyParameterClientsRelyOnIsReportedAtStartup() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres", "application_name", "report")));

        Map<String, String> reported = new LinkedHashMap<>();
        for (BackendMessage message : BackendMessages.decodeAll(output())) {
            if (message instanceof ParameterStatus status) {
                reported.put(status.name(), status.value());
            }
        }
        assertThat(reported).containsKeys("server_version", "server_encoding", "client_encoding", "DateStyle", "TimeZone",
                "integer_datetimes", "standard_conforming_strings", "application_name", "is_superuser",
                "session_authorization", "IntervalStyle");
        assertThat(reported).containsEntry("application_name", "report").containsEntry("session_authorization", "alice")
                .containsEntry("server_encoding", "UTF8").containsEntry("integer_datetimes", "on");
    }

    @Test
    void eachConnectionGetsItsOwnRandomCancelSecret() {
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        BackendKeyData first = key(BackendMessages.decodeAll(output()));
        EmbeddedChannel other = channel;
        channel = newChannel();
        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        BackendKeyData second = key(BackendMessages.decodeAll(output()));
        other.finishAndReleaseAll();

        assertThat(second.processId()).isNotEqualTo(first.processId());
        assertThat(second.secretKey()).isNotEqualTo(first.secretKey());
    }

    private static BackendKeyData key(List<BackendMessage> responses) {
        return responses.stream().filter(BackendKeyData.class::isInstance).map(BackendKeyData.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aGssEncryptionRequestIsRefusedWithN() {
        send(EncryptionRequest.GSSAPI);

        assertThat(ByteBufUtil.hexDump(output())).isEqualTo("4e");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void aClientMayAskForSslThenGssBeforeStartingUp() {
        send(EncryptionRequest.SSL);
        send(EncryptionRequest.GSSAPI);
        assertThat(ByteBufUtil.hexDump(output())).isEqualTo("4e4e");

        send(StartupMessage.of(Map.of("user", "alice", "database", "postgres")));
        assertThat(BackendMessages.decodeAll(output())).last().isEqualTo(new ReadyForQuery(ReadyForQuery.Status.IDLE));
    }

    @Test
    void aSecondSslRequestIsFatalAsAnUnknownProtocolVersion() {
        send(EncryptionRequest.SSL);
        output().release();
        send(EncryptionRequest.SSL);

        ErrorResponse error = onlyError(BackendMessages.decodeAll(output()));
        assertThat(error.sqlState()).isEqualTo("0A000");
        assertThat(error.message()).isEqualTo("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void bytesSentBehindAnSslRequestWithoutWaitingForTheAnswerAreFatal08P01() {
        send(EncryptionRequest.SSL, StartupMessage.of(Map.of("user", "alice", "database", "postgres")));

        ErrorResponse error = onlyError(BackendMessages.decodeAll(output()));
        assertThat(error.sqlState()).isEqualTo("08P01");
        assertThat(error.message()).isEqualTo("received unencrypted data after SSL request");
        assertThat(fixture.engine().sessions()).isEmpty();
    }
}
