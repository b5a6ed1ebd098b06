package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB Connector/J 4 against {@code weftdb serve}: it wants verified TLS by default, which it
 * gets by trusting the certificate the server generated in its data directory (serverSslCert).
 */
class MariadbConnectorJTest {
    private static final String TOKEN = "mariadb-token";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.mysqlPort() + "/public?serverSslCert="
                + directory.resolve("data").resolve("server-cert.pem"), "maria", password);
    }

    @Test
    void connectsOverVerifiedTlsWithItsDefaults() throws SQLException {
        try (Connection connection = connect(TOKEN); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DATABASE(), VERSION()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("public");
            assertThat(rows.getString(2)).startsWith("8.0.36-WeftDB");
        }
        // Without the certificate the driver refuses the self-signed one: the connection really is verified TLS.
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.mysqlPort() + "/public",
                "maria", TOKEN).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void preparedStatementsBatchesAndTransactions() throws SQLException {
        try (Connection connection = connect(TOKEN); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE maria_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2),"
                    + " at DATETIME)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO maria_items VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "item " + i);
                    insert.setBigDecimal(3, new BigDecimal(i + ".25"));
                    insert.setObject(4, LocalDateTime.of(2024, 1, i, 8, 0));
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(3);
            }
            connection.rollback();
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM maria_items")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
            statement.executeUpdate("INSERT INTO maria_items VALUES (7, 'kept', 9.99, '2024-06-01 12:00:00')");
            connection.commit();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, price, at FROM maria_items WHERE id = ?")) {
                select.setInt(1, 7);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("kept");
                    assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("9.99");
                    assertThat(rows.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 6, 1, 12, 0));
                }
            }
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO maria_items (id) VALUES (7)"))
                    .isInstanceOfSatisfying(SQLIntegrityConstraintViolationException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1062));
        }
    }

    @Test
    void databaseAndResultMetadataDescribeTheSchema() throws SQLException {
        try (Connection connection = connect(TOKEN); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE maria_meta (id INT PRIMARY KEY, name VARCHAR(30) NOT NULL)");
            java.util.List<String> columns = new java.util.ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, "maria_meta", "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + " "
                            + rows.getString("IS_NULLABLE"));
                }
            }
            assertThat(columns).containsExactly("id INT NO", "name VARCHAR NO");
            try (ResultSet rows = statement.executeQuery("SELECT id, name FROM maria_meta")) {
                java.sql.ResultSetMetaData meta = rows.getMetaData();
                assertThat(meta.getColumnCount()).isEqualTo(2);
                assertThat(meta.getColumnLabel(2) + " " + meta.getColumnTypeName(2) + " " + meta.isNullable(2))
                        .isEqualTo("name VARCHAR " + java.sql.ResultSetMetaData.columnNoNulls);
            }
        }
    }

    @Test
    void aWrongPasswordIsAccessDenied() {
        assertThatThrownBy(() -> connect("wrong").close()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(1045));
    }
}
