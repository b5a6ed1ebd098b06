package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.mysql.wire.protocol.Capabilities;
import io.weftdb.mysql.wire.protocol.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection and command phases packet by packet, against a real listener. */
class MysqlCommandWireTest {
    private static final int CLIENT = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
            | Capabilities.LONG_PASSWORD | Capabilities.TRANSACTIONS;
    private static final int DEPRECATE_EOF = CLIENT | Capabilities.DEPRECATE_EOF;

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults().withMaxAllowedPacket(1024),
                Optional.empty(), Optional.empty());
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static RawMysqlClient loggedIn(int capabilities) throws Exception {
        RawMysqlClient client = new RawMysqlClient(server.port());
        client.login(capabilities);
        RawMysqlClient.Packet ok = client.read();
        assertThat(ok.first()).isZero();
        assertThat(ok.sequenceId()).isEqualTo(2);
        return client;
    }

    @Test
    void aClientStartingWithAnUnknownPluginIsSwitchedEvenWithoutAToken() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.read();
            client.sendHandshakeResponse(io.weftdb.mysql.wire.protocol.Capabilities.PROTOCOL_41
                    | io.weftdb.mysql.wire.protocol.Capabilities.SECURE_CONNECTION
                    | io.weftdb.mysql.wire.protocol.Capabilities.PLUGIN_AUTH, "anyone", new byte[0], "dummy_fallback_auth");
            RawMysqlClient.Packet switchRequest = client.read();
            assertThat(switchRequest.first()).isEqualTo(0xFE);
            // libmariadb's fallback plugin answers the switch with an empty packet.
            client.write(3, new byte[0]);
            RawMysqlClient.Packet ok = client.read();
            assertThat(ok.first()).isZero();
            assertThat(ok.sequenceId()).isEqualTo(4);
        }
    }

    @Test
    void theGreetingIsHandshakeV10WithAScrambleAndCachingSha2() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            RawMysqlClient.Packet greeting = client.read();
            byte[] payload = greeting.payload();
            assertThat(greeting.sequenceId()).isZero();
            assertThat(payload[0]).isEqualTo((byte) 10);
            String text = new String(payload, StandardCharsets.ISO_8859_1);
            int versionEnd = text.indexOf('\0');
            assertThat(text.substring(1, versionEnd)).startsWith("8.0.36-WeftDB");
            int capabilitiesLow = (payload[versionEnd + 14] & 0xFF) | (payload[versionEnd + 15] & 0xFF) << 8;
            int capabilitiesHigh = (payload[versionEnd + 19] & 0xFF) | (payload[versionEnd + 20] & 0xFF) << 8;
            int capabilities = capabilitiesLow | capabilitiesHigh << 16;
            assertThat(capabilities & Capabilities.SERVER_DEFAULT).isEqualTo(Capabilities.SERVER_DEFAULT);
            assertThat(capabilities & Capabilities.SSL).as("no TLS context, no SSL").isZero();
            assertThat(payload[versionEnd + 21]).as("scramble length + 1").isEqualTo((byte) 21);
            assertThat(text).endsWith("caching_sha2_password\0");
        }
    }

    @Test
    void pingAnswersOkWithTheNextSequenceId() throws Exception {
        try (RawMysqlClient client = loggedIn(CLIENT)) {
            client.command(0x0E, "");
            RawMysqlClient.Packet ok = client.read();
            assertThat(ok.first()).isZero();
            assertThat(ok.sequenceId()).isEqualTo(1);
            assertThat(ok.okStatus() & ServerStatus.AUTOCOMMIT).isNotZero();
        }
    }

    @Test
    void multipleStatementsNeedTheCapabilityOrSetOption() throws Exception {
        try (RawMysqlClient client = loggedIn(DEPRECATE_EOF)) {
            client.command(0x03, "SELECT 1; SELECT 2");
            RawMysqlClient.Packet refused = client.read();
            assertThat(refused.first()).isEqualTo(0xFF);
            assertThat(refused.errorCode()).isEqualTo(1064);
            client.command(0x1B, "\0\0");
            assertThat(client.read().first()).as("COM_SET_OPTION answers EOF (an OK with 0xFE)").isEqualTo(0xFE);
            client.command(0x03, "SELECT 1; SELECT 2");
            assertThat(client.read().payload()).containsExactly(1);
            client.read();
            assertThat(client.read().payload()).as("text row").containsExactly(1, '1');
            RawMysqlClient.Packet firstEnd = client.read();
            assertThat(firstEnd.first()).isEqualTo(0xFE);
            assertThat(firstEnd.okStatus() & ServerStatus.MORE_RESULTS_EXISTS).isNotZero();
            assertThat(client.read().payload()).containsExactly(1);
            client.read();
            assertThat(client.read().payload()).containsExactly(1, '2');
            RawMysqlClient.Packet lastEnd = client.read();
            assertThat(lastEnd.okStatus() & ServerStatus.MORE_RESULTS_EXISTS).isZero();
        }
    }

    @Test
    void resultSetsEndWithEofForClientsWithoutDeprecateEof() throws Exception {
        try (RawMysqlClient client = loggedIn(CLIENT)) {
            client.command(0x03, "SELECT 'x' AS letter");
            assertThat(client.read().payload()).containsExactly(1);
            assertThat(new String(client.read().payload(), StandardCharsets.UTF_8)).contains("letter");
            assertThat(client.read().first()).as("EOF after the column definitions").isEqualTo(0xFE);
            assertThat(client.read().payload()).containsExactly(1, 'x');
            RawMysqlClient.Packet eof = client.read();
            assertThat(eof.first()).isEqualTo(0xFE);
            assertThat(eof.payload()).hasSize(5);
        }
    }

    @Test
    void initDbResetConnectionAndErrors() throws Exception {
        try (RawMysqlClient client = loggedIn(DEPRECATE_EOF)) {
            client.command(0x03, "CREATE TABLE leftover (a INT)");
            RawMysqlClient.Packet noDatabase = client.read();
            assertThat(noDatabase.errorCode()).isEqualTo(1046);
            assertThat(noDatabase.sqlState()).isEqualTo("3D000");
            client.command(0x02, "nowhere");
            assertThat(client.read().errorCode()).isEqualTo(1049);
            client.command(0x02, "public");
            assertThat(client.read().first()).isZero();
            client.command(0x03, "BEGIN");
            assertThat(client.read().okStatus() & ServerStatus.IN_TRANS).isNotZero();
            client.command(0x1F, "");
            RawMysqlClient.Packet reset = client.read();
            assertThat(reset.first()).isZero();
            assertThat(reset.okStatus() & ServerStatus.IN_TRANS).as("the transaction is rolled back").isZero();
            client.command(0x03, "SELECT DATABASE()");
            client.read();
            client.read();
            assertThat(new String(client.read().payload(), StandardCharsets.UTF_8)).endsWith("public");
            client.read();
            client.command(0x03, "");
            assertThat(client.read().errorCode()).isEqualTo(1065);
            client.command(0x63, "");
            assertThat(client.read().errorCode()).isEqualTo(1047);
        }
    }

    @Test
    void aPacketOverMaxAllowedPacketIsRefusedWith1153AndTheConnectionCloses() throws Exception {
        try (RawMysqlClient client = loggedIn(DEPRECATE_EOF)) {
            client.writeHeader(2000, 0);
            RawMysqlClient.Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1153);
            assertThat(error.sqlState()).isEqualTo("08S01");
            assertThat(new String(error.payload(), StandardCharsets.UTF_8)).contains("max_allowed_packet");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void fieldListDescribesTheColumnsOfATable() throws Exception {
        try (RawMysqlClient client = loggedIn(CLIENT)) {
            client.command(0x02, "public");
            client.read();
            client.command(0x03, "CREATE TABLE listed (id BIGINT, label VARCHAR(9))");
            assertThat(client.read().first()).isZero();
            client.command(0x04, "listed\0");
            RawMysqlClient.Packet id = client.read();
            assertThat(new String(id.payload(), StandardCharsets.UTF_8)).contains("listed", "id");
            assertThat(id.payload()[id.payload().length - 1]).as("no default value").isEqualTo((byte) 0xFB);
            assertThat(new String(client.read().payload(), StandardCharsets.UTF_8)).contains("label");
            assertThat(client.read().first()).isEqualTo(0xFE);
        }
    }

    @Test
    void comQuitClosesTheConnection() throws Exception {
        try (RawMysqlClient client = loggedIn(CLIENT)) {
            client.command(0x01, "");
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
