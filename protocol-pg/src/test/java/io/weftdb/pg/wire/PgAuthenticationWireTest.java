package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.pg.wire.auth.PasswordAuthenticator;
import io.weftdb.pg.wire.auth.PgAuthMethod;
import io.weftdb.pg.wire.protocol.AuthenticationOk;
import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.PasswordMessage;
import io.weftdb.pg.wire.protocol.PgFrameDecoder;
import io.weftdb.pg.wire.protocol.PgMessageEncoder;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import io.weftdb.pg.wire.protocol.StartupMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password authentication message by message, on an {@link EmbeddedChannel} over a real engine. */
class PgAuthenticationWireTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(5);
    private static final ReadyForQuery IDLE = new ReadyForQuery(ReadyForQuery.Status.IDLE);

    @TempDir
    Path directory;
    private EngineFixture fixture;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(directory);
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
        fixture.close();
    }

    private void connect(PgAuthMethod method) {
        PgServerConfig config = PgServerConfig.defaults().withAuthenticationTimeout(AUTHENTICATION_TIMEOUT);
        PasswordAuthenticator passwords = new PasswordAuthenticator(PASSWORD, method);
        channel = new EmbeddedChannel(new PgFrameDecoder(config.maxMessageBytes()),
                PgMessageEncoder.INSTANCE, new PgEncryptionNegotiator(Optional.empty()),
                new PgChannelHandler(fixture.engine(), config, new BackendKeys(), Optional.of(passwords), Runnable::run));
    }

    private List<BackendMessage> send(FrontendMessage... messages) {
        ByteBuf buffer = Unpooled.buffer();
        for (FrontendMessage message : messages) {
            message.write(buffer);
        }
        channel.writeInbound(buffer);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        return BackendMessages.decodeAll(all);
    }

    private List<BackendMessage> startup(String database) {
        return send(StartupMessage.of(Map.of("user", "alice", "database", database)));
    }

    private static void assertFatal(List<BackendMessage> responses, String sqlState, String message) {
        assertThat(responses).hasSize(1).first().isInstanceOfSatisfying(ErrorResponse.class, error -> {
            assertThat(error.severity()).isEqualTo("FATAL");
            assertThat(error.sqlState()).isEqualTo(sqlState);
            assertThat(error.message()).startsWith(message).doesNotContain(PASSWORD);
        });
    }

    @Test
    void theCleartextMethodAsksForThePasswordAndLetsTheRightOneIn() {
        connect(PgAuthMethod.PASSWORD);
        assertThat(startup("postgres")).containsExactly(new AuthenticationRequest.CleartextPassword());

        List<BackendMessage> responses = send(PasswordMessage.ofPassword(PASSWORD));
        assertThat(responses).first().isEqualTo(AuthenticationOk.INSTANCE);
        assertThat(responses).last().isEqualTo(IDLE);
    }

    @Test
    void aWrongPasswordIsFatal28P01AndClosesTheConnection() {
        connect(PgAuthMethod.PASSWORD);
        startup("postgres");

        assertFatal(send(PasswordMessage.ofPassword("wrong")), "28P01", "password authentication failed for user \"alice\"");
        assertThat(channel.isActive()).isFalse();
        assertThat(fixture.engine().sessions()).isEmpty();
    }

    @Test
    void theMd5MethodChecksTheSaltedDigestOfPasswordAndUser() throws Exception {
        connect(PgAuthMethod.MD5);
        List<BackendMessage> request = startup("postgres");
        assertThat(request).hasSize(1).first().isInstanceOf(AuthenticationRequest.Md5Password.class);
        byte[] salt = ((AuthenticationRequest.Md5Password) request.getFirst()).salt();

        String inner = md5Hex(bytes(PASSWORD + "alice"));
        byte[] outerInput = concat(bytes(inner), salt);
        List<BackendMessage> responses = send(PasswordMessage.ofPassword("md5" + md5Hex(outerInput)));

        assertThat(responses).first().isEqualTo(AuthenticationOk.INSTANCE);
        assertThat(responses).last().isEqualTo(IDLE);
    }

    @Test
    void theMd5MethodRejectsADigestTakenWithAnotherUserName() throws Exception {
        connect(PgAuthMethod.MD5);
        byte[] salt = ((AuthenticationRequest.Md5Password) startup("postgres").getFirst()).salt();

        String inner = md5Hex(bytes(PASSWORD + "bob"));
        assertFatal(send(PasswordMessage.ofPassword("md5" + md5Hex(concat(bytes(inner), salt)))), "28P01",
                "password authentication failed");
    }

    @Test
    void scramWithoutTlsOffersOnlyTheMechanismWithoutChannelBinding() {
        connect(PgAuthMethod.SCRAM_SHA_256);

        assertThat(startup("postgres")).containsExactly(new AuthenticationRequest.Sasl(List.of("SCRAM-SHA-256")));
    }

    @Test
    void scramProvesTheServerKnowsThePasswordAndLetsTheClientIn() throws Exception {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");
        ScramTestClient client = new ScramTestClient(PASSWORD, "n,,");

        List<BackendMessage> challenge = send(client.initialResponse());
        assertThat(challenge).hasSize(1).first().isInstanceOf(AuthenticationRequest.SaslContinue.class);
        List<BackendMessage> responses = send(client.finalResponse(
                ((AuthenticationRequest.SaslContinue) challenge.getFirst()).data(), null));

        assertThat(responses.getFirst()).isInstanceOfSatisfying(AuthenticationRequest.SaslFinal.class, done -> {
            try {
                assertThat(new String(done.data(), StandardCharsets.UTF_8)).isEqualTo(client.expectedServerFinal());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(responses.get(1)).isEqualTo(AuthenticationOk.INSTANCE);
        assertThat(responses).last().isEqualTo(IDLE);
    }

    @Test
    void scramAcceptsAClientThatCouldBindWhenTheServerHasNoTls() throws Exception {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");
        ScramTestClient client = new ScramTestClient(PASSWORD, "y,,");
        byte[] serverFirst = ((AuthenticationRequest.SaslContinue) send(client.initialResponse()).getFirst()).data();

        assertThat(send(client.finalResponse(serverFirst, null))).last().isEqualTo(IDLE);
    }

    @Test
    void scramWithAWrongPasswordIsFatal28P01() throws Exception {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");
        ScramTestClient client = new ScramTestClient("wrong", "n,,");
        byte[] serverFirst = ((AuthenticationRequest.SaslContinue) send(client.initialResponse()).getFirst()).data();

        assertFatal(send(client.finalResponse(serverFirst, null)), "28P01", "password authentication failed for user \"alice\"");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void scramWithAnotherNonceIsAProtocolViolation() throws Exception {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");
        ScramTestClient client = new ScramTestClient(PASSWORD, "n,,");
        byte[] serverFirst = ((AuthenticationRequest.SaslContinue) send(client.initialResponse()).getFirst()).data();

        assertFatal(send(client.finalResponse(serverFirst, "rOprNGfwEbeRWgbNEkqOforged")), "08P01", "malformed SCRAM message");
    }

    @Test
    void scramRefusesAnUnknownMechanism() {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");

        assertFatal(send(PasswordMessage.ofSaslInitialResponse("SCRAM-SHA-1", bytes("n,,n=,r=abc"))), "08P01",
                "client selected an invalid SASL authentication mechanism");
    }

    @Test
    void aQueryBeforeThePasswordIsAProtocolViolation() {
        connect(PgAuthMethod.PASSWORD);
        startup("postgres");

        assertFatal(send(new SimpleQuery("SELECT 1")), "08P01", "expected password response");
        assertThat(fixture.engine().sessions()).isEmpty();
    }

    @Test
    void theDatabaseIsCheckedOnlyAfterThePassword() {
        connect(PgAuthMethod.PASSWORD);
        assertThat(startup("nope")).containsExactly(new AuthenticationRequest.CleartextPassword());

        assertFatal(send(PasswordMessage.ofPassword(PASSWORD)), "3D000", "database \"nope\" does not exist");
    }

    @Test
    void aClientThatDoesNotAnswerTheRequestInTimeIsDisconnected() {
        connect(PgAuthMethod.SCRAM_SHA_256);
        startup("postgres");

        channel.advanceTimeBy(AUTHENTICATION_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isActive()).isFalse();
        assertThat(fixture.engine().sessions()).isEmpty();
    }

    @Test
    void aClientLetInStaysConnectedPastTheAuthenticationTimeout() {
        connect(PgAuthMethod.PASSWORD);
        startup("postgres");
        send(PasswordMessage.ofPassword(PASSWORD));

        channel.advanceTimeBy(AUTHENTICATION_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isActive()).isTrue();
        assertThat(send(new SimpleQuery("SELECT 1"))).last().isEqualTo(IDLE);
    }

    private static String md5Hex(byte[] input) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
