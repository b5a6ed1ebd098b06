package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password logins with an access token, without TLS (TLS logins are tested with the server's certificate). */
class MysqlAuthenticationTest {
    private static final String TOKEN = "s3cret-token";

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

    private static Connection connect(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/?useSSL=false" + options,
                user, password);
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT USER()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void theDatabaseOfTheUrlIsSelectedAfterAFullAuthentication() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?useSSL=false&allowPublicKeyRetrieval=true", "db_user", TOKEN);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("public");
        }
    }

    @Test
    void cachingSha2FullAuthenticationUsesTheRsaKeyThenLaterLoginsTakeTheFastPath() throws SQLException {
        try (Connection first = connect("rsa_user", TOKEN, "&allowPublicKeyRetrieval=true")) {
            assertThat(currentUser(first)).startsWith("rsa_user@");
        }
        // Without public key retrieval only the fast path can work: it does, since the user is now cached.
        try (Connection second = connect("rsa_user", TOKEN, "")) {
            assertThat(currentUser(second)).startsWith("rsa_user@");
        }
    }

    @Test
    void nativePasswordLoginsAreChecked() throws SQLException {
        try (Connection connection = connect("native_user", TOKEN,
                "&defaultAuthenticationPlugin=mysql_native_password")) {
            assertThat(currentUser(connection)).startsWith("native_user@");
        }
        assertThatThrownBy(() -> connect("native_user", "wrong", "&defaultAuthenticationPlugin=mysql_native_password"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                });
    }

    @Test
    void aWrongPasswordIsAccessDenied() {
        assertThatThrownBy(() -> connect("someone", "not-the-token", "&allowPublicKeyRetrieval=true"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getMessage()).contains("Access denied for user 'someone'");
                });
    }

    @Test
    void anUnknownClientPluginIsSwitchedToCachingSha2() throws SQLException {
        try (Connection connection = connect("switched_user", TOKEN,
                "&defaultAuthenticationPlugin=sha256_password&allowPublicKeyRetrieval=true")) {
            assertThat(currentUser(connection)).startsWith("switched_user@");
        }
    }
}
