package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and passwords with pgjdbc against {@code weftdb serve} run as users run it: the default
 * self-signed certificate and SCRAM-SHA-256 with WEFTDB_TOKEN set.
 */
class PgTlsAndPasswordJdbcTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    static Path directory;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Connection connect(ServerProcess target, String host, String password, String urlOptions) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + target.port() + "/postgres?" + urlOptions, properties);
    }

    private static String selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 'one'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void theServerGeneratesItsSelfSignedCertificateAndKeyAtTheFirstStart() throws Exception {
        assertThat(server.generatedCertificate()).content().startsWith("-----BEGIN CERTIFICATE-----");
        Path key = server.dataDirectory().resolve("server-key.pem");
        assertThat(key).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(key)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(server.output()).contains("TLS: self-signed certificate generated into " + server.generatedCertificate())
                .contains("PostgreSQL: scram-sha-256").doesNotContain(TOKEN);
    }

    @Test
    void sslModeRequireConnectsWithTheTokenAsPassword() throws Exception {
        try (Connection connection = connect(server, "127.0.0.1", TOKEN, "ssl=true&sslmode=require")) {
            assertThat(selectOne(connection)).isEqualTo("one");
        }
    }

    @Test
    void verifyFullAcceptsTheGeneratedCertificateForLocalhostAndScramBindsTheChannelToIt() throws Exception {
        String options = "sslmode=verify-full&sslrootcert=" + server.generatedCertificate() + "&channelBinding=require";
        try (Connection connection = connect(server, "localhost", TOKEN, options)) {
            assertThat(selectOne(connection)).isEqualTo("one");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith28P01() {
        assertThatThrownBy(() -> connect(server, "127.0.0.1", "wrong", "sslmode=require"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("28P01");
                    assertThat(e.getMessage()).contains("password authentication failed for user \"alice\"");
                });
    }

    @Test
    void withoutTlsThePasswordIsStillRequiredAndAccepted() throws Exception {
        try (Connection connection = connect(server, "127.0.0.1", TOKEN, "sslmode=disable")) {
            assertThat(selectOne(connection)).isEqualTo("one");
        }
        assertThatThrownBy(() -> connect(server, "127.0.0.1", null, "sslmode=disable")).isInstanceOf(SQLException.class)
                .hasMessageContaining("no password was provided");
    }

    @Test
    void cancelReachesAStatementRunningOverTls() throws Exception {
        try (Connection holder = connect(server, "127.0.0.1", TOKEN, "sslmode=require");
             Connection waiter = connect(server, "127.0.0.1", TOKEN, "sslmode=require")) {
            execute(holder, "CREATE TABLE locked (id int PRIMARY KEY, v int)");
            execute(holder, "INSERT INTO locked VALUES (1, 0)");
            holder.setAutoCommit(false);
            execute(holder, "UPDATE locked SET v = 1 WHERE id = 1");
            try (Statement statement = waiter.createStatement()) {
                CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                    try {
                        return statement.executeUpdate("UPDATE locked SET v = 2 WHERE id = 1");
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                Thread.sleep(500);
                assertThat(update).isNotDone();

                statement.cancel();

                assertThatThrownBy(() -> update.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014"));
            }
            holder.rollback();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void md5AndCleartextAreSelectedWithPgAuth(@TempDir Path other) throws Exception {
        for (String method : new String[] {"md5", "password"}) {
            try (ServerProcess md5 = ServerProcess.start(other.resolve(method), TOKEN, "--pg-auth", method)) {
                assertThat(md5.output()).contains("PostgreSQL: " + method + ")");
                try (Connection connection = connect(md5, "127.0.0.1", TOKEN, "sslmode=require")) {
                    assertThat(selectOne(connection)).isEqualTo("one");
                }
                assertThatThrownBy(() -> connect(md5, "127.0.0.1", "wrong", "sslmode=require"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            }
        }
    }

    @Test
    void withTlsOffSslModeRequireIsRefusedAndNoCertificateIsWritten(@TempDir Path other) throws Exception {
        try (ServerProcess plain = ServerProcess.start(other.resolve("data"), null, "--tls", "off")) {
            assertThat(plain.output()).contains("TLS: off (--tls off)").contains("trusted without a password");
            assertThatThrownBy(() -> connect(plain, "127.0.0.1", null, "sslmode=require")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not support SSL");
            try (Connection connection = connect(plain, "127.0.0.1", null, "sslmode=disable")) {
                assertThat(selectOne(connection)).isEqualTo("one");
            }
            assertThat(plain.generatedCertificate()).doesNotExist();
        }
    }

    @Test
    void aCertificateAndKeyGivenWithTlsCertAndTlsKeyAreServed(@TempDir Path other) throws Exception {
        Path certificate = other.resolve("mine.pem");
        Path key = other.resolve("mine.key");
        // Another server's generated pair stands in for the operator's files.
        Files.copy(server.generatedCertificate(), certificate);
        Files.copy(server.dataDirectory().resolve("server-key.pem"), key);
        try (ServerProcess custom = ServerProcess.start(other.resolve("data"), TOKEN, "--tls-cert", certificate.toString(),
                "--tls-key", key.toString())) {
            assertThat(custom.output()).contains("TLS: certificate " + certificate);
            assertThat(custom.generatedCertificate()).doesNotExist();
            String options = "sslmode=verify-full&sslrootcert=" + certificate + "&channelBinding=require";
            try (Connection connection = connect(custom, "localhost", TOKEN, options)) {
                assertThat(selectOne(connection)).isEqualTo("one");
            }
        }
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateStopsTheStartWithExitCode2(@TempDir Path other) throws Exception {
        // A second server generates a second, different key.
        try (ServerProcess second = ServerProcess.start(other.resolve("second"), null)) {
            assertThat(second.generatedCertificate()).exists();
        }
        Path foreignKey = other.resolve("second").resolve("server-key.pem");

        ServerProcess.Result result = ServerProcess.failToStart(other.resolve("data"), null,
                "--tls-cert", server.generatedCertificate().toString(), "--tls-key", foreignKey.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("weftdb serve: the private key in " + foreignKey + " does not belong to the certificate in "
                + server.generatedCertificate());
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError(@TempDir Path other) throws Exception {
        ServerProcess.Result result = ServerProcess.failToStart(other.resolve("data"), null,
                "--tls-cert", server.generatedCertificate().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void anEmptyTokenIsAUsageErrorRatherThanNoPassword(@TempDir Path other) throws Exception {
        ServerProcess.Result result = ServerProcess.failToStart(other.resolve("data"), "");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("WEFTDB_TOKEN is set but empty");
    }
}
