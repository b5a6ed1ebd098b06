package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MySQL Connector/J against a listener on an ephemeral port, with server-side prepared statements on and off. */
class MysqlServerJdbcTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults(), Optional.empty(), Optional.empty());
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    static Connection connect(boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/public?useSSL=false"
                + "&useServerPrepStmts=" + serverPrepared + "&allowMultiQueries=true", "app", "");
    }

    private static String table(String stem) {
        return stem + "_" + TABLES.incrementAndGet();
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void connectsAndReadsServerFacts() throws SQLException {
        try (Connection connection = connect(false)) {
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("8.0.36-WeftDB");
            assertThat(column(connection, "SELECT DATABASE()")).containsExactly("public");
            assertThat(column(connection, "SELECT @@version_comment")).containsExactly("WeftDB");
            assertThat(column(connection, "select 1 + 1")).containsExactly("2");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void createsInsertsAndReadsRowsWithAutoIncrement(boolean serverPrepared) throws SQLException {
        String table = table("people");
        try (Connection connection = connect(serverPrepared)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE `" + table + "` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                        + " score DECIMAL(6,2), born DATE, seen DATETIME, active TINYINT(1) DEFAULT 1) ENGINE=InnoDB"
                        + " DEFAULT CHARSET=utf8mb4");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (name, score, born, seen) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "ada");
                insert.setBigDecimal(2, new BigDecimal("12.50"));
                insert.setObject(3, LocalDate.of(1815, 12, 10));
                insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 5, 6, 7, 8, 9)));
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isEqualTo(1);
                }
                insert.setString(1, "grace");
                insert.setNull(2, java.sql.Types.DECIMAL);
                insert.setNull(3, java.sql.Types.DATE);
                insert.setNull(4, java.sql.Types.TIMESTAMP);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, score, born, seen, active FROM "
                    + table + " WHERE id >= ? ORDER BY id")) {
                select.setInt(1, 1);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt("id")).isEqualTo(1);
                    assertThat(rows.getString("name")).isEqualTo("ada");
                    assertThat(rows.getBigDecimal("score")).isEqualByComparingTo("12.50");
                    assertThat(rows.getObject("born", LocalDate.class)).isEqualTo(LocalDate.of(1815, 12, 10));
                    assertThat(rows.getTimestamp("seen").toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
                    assertThat(rows.getInt("active")).isEqualTo(1);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString("name")).isEqualTo("grace");
                    assertThat(rows.getBigDecimal("score")).isNull();
                    assertThat(rows.next()).isFalse();
                }
            }
            assertThat(column(connection, "SELECT LAST_INSERT_ID()")).containsExactly("2");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void duplicateKeyIsError1062AndTheTransactionGoesOn(boolean serverPrepared) throws SQLException {
        String table = table("keys");
        try (Connection connection = connect(serverPrepared)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table + " VALUES (1)");
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO " + table + " VALUES (1)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getErrorCode()).isEqualTo(1062);
                            assertThat(e.getSQLState()).isEqualTo("23000");
                        });
                statement.executeUpdate("INSERT INTO " + table + " VALUES (2)");
            }
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(column(connection, "SELECT id FROM " + table + " ORDER BY id")).containsExactly("1", "2");
        }
    }

    @Test
    void cursorFetchReadsRowsInFetchSizeBatchesInAndOutOfTransactions() throws SQLException {
        String table = table("cursor");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?useSSL=false&useCursorFetch=true&defaultFetchSize=100", "app", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
                StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES ");
                for (int i = 1; i <= 1050; i++) {
                    insert.append(i > 1 ? ", " : "").append('(').append(i).append(", 'n").append(i).append("')");
                }
                statement.execute(insert.toString());
            }
            for (boolean autocommit : new boolean[] {true, false}) {
                connection.setAutoCommit(autocommit);
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, name FROM " + table + " WHERE id > ? ORDER BY id")) {
                    select.setFetchSize(100);
                    select.setInt(1, 25);
                    long sum = 0;
                    int count = 0;
                    String last = null;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sum += rows.getInt(1);
                            count++;
                            last = rows.getString(2);
                        }
                    }
                    assertThat(count).isEqualTo(1025);
                    assertThat(sum).isEqualTo(1050L * 1051 / 2 - 25L * 26 / 2);
                    assertThat(last).isEqualTo("n1050");
                    // The statement runs again on the same connection after its cursor ran out.
                    select.setInt(1, 1049);
                    try (ResultSet rows = select.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getInt(1)).isEqualTo(1050);
                        assertThat(rows.next()).isFalse();
                    }
                }
                if (!autocommit) {
                    connection.commit();
                }
            }
        }
    }

    @Test
    void twoCursorsOnOneConnectionInterleaveAndOutliveOtherStatements() throws SQLException {
        String table = table("cursors");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?useSSL=false&useCursorFetch=true&defaultFetchSize=50", "app", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
                StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES ");
                for (int i = 1; i <= 600; i++) {
                    insert.append(i > 1 ? ", " : "").append('(').append(i).append(", 'n").append(i).append("')");
                }
                statement.execute(insert.toString());
            }
            connection.setAutoCommit(false);
            try (PreparedStatement up = connection.prepareStatement("SELECT id FROM " + table + " WHERE id <= ? ORDER BY id");
                 PreparedStatement down = connection.prepareStatement(
                         "SELECT id FROM " + table + " WHERE id > ? ORDER BY id DESC");
                 Statement other = connection.createStatement()) {
                up.setInt(1, 300);
                down.setInt(1, 300);
                List<Integer> ups = new ArrayList<>();
                List<Integer> downs = new ArrayList<>();
                try (ResultSet ascending = up.executeQuery(); ResultSet descending = down.executeQuery()) {
                    for (int i = 0; i < 300; i++) {
                        assertThat(ascending.next()).isTrue();
                        ups.add(ascending.getInt(1));
                        assertThat(descending.next()).isTrue();
                        downs.add(descending.getInt(1));
                        if (i == 120) {
                            // Another statement in between: both cursors read ahead and go on.
                            assertThat(other.executeUpdate("UPDATE " + table + " SET name = 'x' WHERE id = 1")).isEqualTo(1);
                        }
                    }
                    assertThat(ascending.next()).isFalse();
                    assertThat(descending.next()).isFalse();
                }
                assertThat(ups).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 300).boxed().toList());
                assertThat(downs).isEqualTo(java.util.stream.IntStream.rangeClosed(301, 600).map(i -> 901 - i).boxed().toList());
            }
            connection.commit();
            assertThat(column(connection, "SELECT name FROM " + table + " WHERE id = 1")).containsExactly("x");
        }
    }

    @Test
    void changeUserStartsTheConnectionOverAsAnotherUser() throws SQLException {
        String table = table("changed");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?useSSL=false", "app", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE scratch (id INT)");
                statement.execute("SET @kept = 5");
                statement.execute("CREATE TABLE " + table + " (id INT)");
            }
            connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("other", "");
            assertThat(column(connection, "SELECT CURRENT_USER()")).singleElement().asString().startsWith("other@");
            assertThat(column(connection, "SELECT @kept")).containsExactly((String) null);
            // A new session: the temporary table went with the old one; the database is the one asked for.
            assertThat(column(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'scratch'"))
                    .containsExactly("0");
            assertThat(column(connection, "SELECT DATABASE()")).containsExactly("public");
            assertThat(column(connection, "SELECT count(*) FROM " + table)).containsExactly("0");
        }
    }

    @Test
    void rollbackUndoesTheTransaction() throws SQLException {
        String table = table("undo");
        try (Connection connection = connect(false)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT)");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table + " VALUES (1)");
            }
            connection.rollback();
            connection.setAutoCommit(true);
            assertThat(column(connection, "SELECT COUNT(*) FROM " + table)).containsExactly("0");
        }
    }

    @Test
    void showStatementsDescribeTheCatalog() throws SQLException {
        String table = table("shown");
        try (Connection connection = connect(false)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL AUTO_INCREMENT, email VARCHAR(100),"
                        + " PRIMARY KEY (id), UNIQUE KEY email_key (email))");
            }
            assertThat(column(connection, "SHOW DATABASES")).contains("public");
            assertThat(column(connection, "SHOW TABLES")).contains(table);
            assertThat(column(connection, "SHOW COLUMNS FROM " + table)).containsExactly("id", "email");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("DESCRIBE " + table)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("Type")).isEqualTo("bigint");
                assertThat(rows.getString("Key")).isEqualTo("PRI");
                assertThat(rows.getString("Extra")).isEqualTo("auto_increment");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("Key")).isEqualTo("UNI");
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + table)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).contains("`id` bigint NOT NULL AUTO_INCREMENT", "PRIMARY KEY (`id`)",
                        "UNIQUE KEY `email_key` (`email`)");
            }
            assertThat(column(connection, "SHOW VARIABLES LIKE 'max_allowed%'")).containsExactly("max_allowed_packet");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE 'autocommit'")) {
                rows.next();
                assertThat(rows.getString("Value")).isEqualTo("ON");
            }
            assertThat(column(connection, "SELECT @@autocommit")).containsExactly("1");
        }
    }

    @Test
    void databaseMetadataListsTablesColumnsAndKeys() throws SQLException {
        String table = table("meta");
        // The engine's information_schema is PostgreSQL's; Connector/J's SHOW-based metadata works.
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?sslMode=DISABLED&useInformationSchema=false", "app", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, note TEXT)");
            }
            java.sql.DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet tables = metadata.getTables("public", null, table, null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_NAME")).isEqualTo(table);
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
            }
            try (ResultSet columns = metadata.getColumns("public", null, table, "%")) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(java.sql.Types.INTEGER);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("note");
            }
            try (ResultSet keys = metadata.getPrimaryKeys("public", null, table)) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString("COLUMN_NAME")).isEqualTo("id");
            }
        }
    }

    @Test
    void multiStatementsReturnOneResultEach() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1; SELECT 'two'")).isTrue();
            try (ResultSet first = statement.getResultSet()) {
                first.next();
                assertThat(first.getInt(1)).isEqualTo(1);
            }
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet second = statement.getResultSet()) {
                second.next();
                assertThat(second.getString(1)).isEqualTo("two");
            }
            assertThat(statement.getMoreResults()).isFalse();
        }
    }

    @Test
    void errorsCarryMysqlCodes() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
            assertThatThrownBy(() -> statement.execute("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1064);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                    });
            assertThatThrownBy(() -> statement.execute("USE no_such_database"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
        }
    }
}
