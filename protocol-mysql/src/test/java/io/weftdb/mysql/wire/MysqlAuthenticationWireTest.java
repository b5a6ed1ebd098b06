package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.mysql.wire.protocol.Capabilities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authentication exchanges packet by packet, with an access token and no TLS. */
class MysqlAuthenticationWireTest {
    private static final String TOKEN = "wire-token";
    private static final int CLIENT = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
            | Capabilities.DEPRECATE_EOF;

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults(), Optional.empty(), Optional.of(TOKEN));
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    @Test
    void anUnknownPluginIsSwitchedThenFullAuthenticationUsesTheRsaKeyAndTheNextLoginIsFast() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.read();
            client.sendHandshakeResponse(CLIENT, "switcher", new byte[] {1}, "sha256_password");
            RawMysqlClient.Packet switchRequest = client.read();
            assertThat(switchRequest.sequenceId()).isEqualTo(2);
            assertThat(switchRequest.first()).isEqualTo(0xFE);
            String body = new String(switchRequest.payload(), 1, switchRequest.payload().length - 1, StandardCharsets.ISO_8859_1);
            assertThat(body).startsWith("caching_sha2_password\0");
            byte[] scramble = Arrays.copyOfRange(switchRequest.payload(), 1 + "caching_sha2_password".length() + 1,
                    switchRequest.payload().length - 1);
            assertThat(scramble).hasSize(20);
            client.write(3, Scrambles.cachingSha2Password(TOKEN, scramble));
            RawMysqlClient.Packet fullAuth = client.read();
            assertThat(fullAuth.payload()).containsExactly(1, 4);
            client.write(5, new byte[] {2});
            RawMysqlClient.Packet key = client.read();
            assertThat(key.first()).isEqualTo(1);
            String pem = new String(key.payload(), 1, key.payload().length - 1, StandardCharsets.US_ASCII);
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
            byte[] password = (TOKEN + "\0").getBytes(StandardCharsets.UTF_8);
            client.write(7, encrypt(pem, Scrambles.xor(password, scramble)));
            RawMysqlClient.Packet ok = client.read();
            assertThat(ok.first()).isZero();
            assertThat(ok.sequenceId()).isEqualTo(8);
        }
        try (RawMysqlClient again = new RawMysqlClient(server.port())) {
            byte[] scramble = RawMysqlClient.scramble(again.read());
            again.sendHandshakeResponse(CLIENT, "switcher", Scrambles.cachingSha2Password(TOKEN, scramble),
                    "caching_sha2_password");
            assertThat(again.read().payload()).as("fast auth success").containsExactly(1, 3);
            assertThat(again.read().first()).isZero();
        }
    }

    @Test
    void aNativePasswordLoginDoesNotFillTheFastAuthCache() throws Exception {
        try (RawMysqlClient first = new RawMysqlClient(server.port())) {
            byte[] scramble = RawMysqlClient.scramble(first.read());
            first.sendHandshakeResponse(CLIENT, "cached", Scrambles.nativePassword(TOKEN, scramble), "mysql_native_password");
            assertThat(first.read().first()).isZero();
        }
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            byte[] scramble = RawMysqlClient.scramble(client.read());
            client.sendHandshakeResponse(CLIENT, "cached", Scrambles.cachingSha2Password("not-it", scramble),
                    "caching_sha2_password");
            RawMysqlClient.Packet reply = client.read();
            assertThat(reply.payload()).as("not cached yet: full authentication").containsExactly(1, 4);
        }
    }

    @Test
    void nativePasswordIsCheckedAgainstTheScramble() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            byte[] scramble = RawMysqlClient.scramble(client.read());
            client.sendHandshakeResponse(CLIENT, "native", Scrambles.nativePassword("wrong", scramble),
                    "mysql_native_password");
            RawMysqlClient.Packet denied = client.read();
            assertThat(denied.errorCode()).isEqualTo(1045);
            assertThat(denied.sqlState()).isEqualTo("28000");
            assertThat(new String(denied.payload(), StandardCharsets.UTF_8)).contains("(using password: YES)");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void fullAuthenticationWithoutTlsRefusesAPlainPassword() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            byte[] scramble = RawMysqlClient.scramble(client.read());
            client.sendHandshakeResponse(CLIENT, "plain", Scrambles.cachingSha2Password(TOKEN, scramble),
                    "caching_sha2_password");
            assertThat(client.read().payload()).containsExactly(1, 4);
            client.write(3, (TOKEN + "\0").getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().errorCode()).isEqualTo(1045);
        }
    }

    private static byte[] encrypt(String pem, byte[] data) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }
}
