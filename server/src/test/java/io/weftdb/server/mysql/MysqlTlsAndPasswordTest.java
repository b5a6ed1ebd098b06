package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector/J over TLS (the server's self-signed certificate) with WEFTDB_TOKEN as the password. */
class MysqlTlsAndPasswordTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.mysqlPort() + "/?sslMode=REQUIRED",
                user, password);
    }

    private static String serverHasTlsAndConnectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@have_ssl, CONNECTION_ID() > 0")) {
            rows.next();
            return rows.getString(1) + "/" + rows.getString(2);
        }
    }

    /** sslMode=REQUIRED makes Connector/J fail unless the connection is encrypted. */
    @Test
    void cachingSha2FullAuthenticationRunsOverTls() throws SQLException {
        try (Connection connection = connect("tls_user", TOKEN)) {
            assertThat(serverHasTlsAndConnectionId(connection)).isEqualTo("YES/1");
        }
        try (Connection again = connect("tls_user", TOKEN)) {
            assertThat(serverHasTlsAndConnectionId(again)).isEqualTo("YES/1");
        }
    }

    @Test
    void aWrongPasswordOverTlsIsError1045() {
        assertThatThrownBy(() -> connect("tls_user", "wrong"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                });
    }

    @Test
    void changeUserAuthenticatesTheNewUserWithThePassword() throws SQLException {
        try (Connection connection = connect("tls_user", TOKEN)) {
            com.mysql.cj.jdbc.JdbcConnection jdbc = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
            jdbc.changeUser("second_user", TOKEN);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT USER()")) {
                rows.next();
                assertThat(rows.getString(1)).startsWith("second_user@");
            }
            assertThatThrownBy(() -> jdbc.changeUser("third_user", "wrong"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
        }
    }
}
