package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT ... ON DUPLICATE KEY UPDATE, LOCK TABLES and integers as conditions, through MySQL Connector/J. */
class MysqlUpsertAndLockJdbcTest {
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

    /** @param affectedRows Connector/J's useAffectedRows: true leaves out CLIENT_FOUND_ROWS */
    private static Connection connect(boolean affectedRows) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/public?useSSL=false"
                + "&useAffectedRows=" + affectedRows, "app", "");
    }

    private static String table(String stem) {
        return stem + "_" + TABLES.incrementAndGet();
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                values.add(row.toString());
            }
        }
        return values;
    }

    @Test
    void onDuplicateKeyUpdateInsertsOrUpdatesTheRowHoldingAnyUniqueKey() throws SQLException {
        String t = table("upsert");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE, hits INT DEFAULT 0)");
            assertThat(statement.executeUpdate("INSERT INTO " + t + " (id, code) VALUES (1, 'a') "
                    + "ON DUPLICATE KEY UPDATE hits = hits + 1")).isEqualTo(1);
            // A row updated instead of inserted counts twice, as in MySQL.
            assertThat(statement.executeUpdate("INSERT INTO " + t + " (id, code) VALUES (1, 'b') "
                    + "ON DUPLICATE KEY UPDATE hits = hits + 1")).isEqualTo(2);
            // The second unique key finds the row when the primary key does not.
            statement.executeUpdate("INSERT INTO " + t + " (id, code) VALUES (2, 'a') "
                    + "ON DUPLICATE KEY UPDATE code = VALUES(code), hits = hits + 10");
            statement.executeUpdate("INSERT INTO " + t + " (id, code) VALUES (3, 'c') AS new "
                    + "ON DUPLICATE KEY UPDATE code = new.code");
            statement.executeUpdate("INSERT INTO " + t + " (id, code) VALUES (3, 'd') AS new (i, c) "
                    + "ON DUPLICATE KEY UPDATE code = CONCAT(c, i)");
            assertThat(rows(connection, "SELECT id, code, hits FROM " + t + " ORDER BY id"))
                    .containsExactly("1|a|11", "3|d3|0");
        }
    }

    @Test
    void anUnchangedRowCountsOnlyWithClientFoundRows() throws SQLException {
        String t = table("unchanged");
        String upsert = "INSERT INTO " + t + " VALUES (1, 'x') ON DUPLICATE KEY UPDATE v = VALUES(v)";
        try (Connection changedRows = connect(true); Statement statement = changedRows.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, v VARCHAR(10))");
            assertThat(statement.executeUpdate(upsert)).isEqualTo(1);
            assertThat(statement.executeUpdate(upsert)).isZero();
        }
        try (Connection foundRows = connect(false); Statement statement = foundRows.createStatement()) {
            assertThat(statement.executeUpdate(upsert)).isEqualTo(1);
        }
    }

    @Test
    void replaceDeletesEveryRowItConflictsWithThenInserts() throws SQLException {
        String t = table("replaced");
        String child = table("replaced_child");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE, note VARCHAR(10))");
            statement.execute("CREATE TABLE " + child + " (id INT PRIMARY KEY, parent INT REFERENCES " + t
                    + " (id) ON DELETE CASCADE)");
            statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a', 'first'), (2, 'b', 'second')");
            statement.executeUpdate("INSERT INTO " + child + " VALUES (10, 1)");
            assertThat(statement.executeUpdate("REPLACE INTO " + t + " VALUES (3, 'c', 'new')")).isEqualTo(1);
            // Row 1 goes because of its code (and its child with it), as MySQL deletes before inserting.
            assertThat(statement.executeUpdate("REPLACE INTO " + t + " (id, code) VALUES (4, 'a')")).isEqualTo(2);
            // One new row can replace two old ones: id 2 and code 'c' are held by different rows.
            assertThat(statement.executeUpdate("REPLACE INTO " + t + " SET id = 2, code = 'c'")).isEqualTo(3);
            assertThat(rows(connection, "SELECT id, code, note FROM " + t + " ORDER BY id"))
                    .containsExactly("2|c|null", "4|a|null");
            assertThat(rows(connection, "SELECT COUNT(*) FROM " + child)).containsExactly("0");
        }
        try (Connection prepared = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/public?useSSL=false&useServerPrepStmts=true&useAffectedRows=true", "app", "");
             java.sql.PreparedStatement replace = prepared.prepareStatement("REPLACE INTO " + t + " VALUES (?, ?, ?)")) {
            replace.setInt(1, 4);
            replace.setString(2, "z");
            replace.setString(3, "prepared");
            assertThat(replace.executeUpdate()).isEqualTo(2);
            assertThat(rows(prepared, "SELECT id, code, note FROM " + t + " ORDER BY id"))
                    .containsExactly("2|c|null", "4|z|prepared");
        }
    }

    @Test
    void repeatableReadIsInnodbsConsistentReadWithCurrentReadWrites() throws Exception {
        String t = table("rr");
        try (Connection a = connect(false); Connection b = connect(false); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE " + t + " (id int PRIMARY KEY, n int)");
            sa.execute("INSERT INTO " + t + " VALUES (1, 10), (2, 20)");
            assertThat(rows(a, "SELECT @@transaction_isolation, @@global.transaction_isolation"))
                    .containsExactly("REPEATABLE-READ|REPEATABLE-READ");
            assertThat(a.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
            a.setAutoCommit(false);
            assertThat(rows(a, "SELECT n FROM " + t + " WHERE id = 1")).containsExactly("10");
            sb.executeUpdate("UPDATE " + t + " SET n = 15 WHERE id = 1");
            // A consistent read keeps the transaction's snapshot...
            assertThat(rows(a, "SELECT n FROM " + t + " WHERE id = 1")).containsExactly("10");
            // ...an UPDATE reads the latest committed row (no serialization failure), and so does FOR UPDATE.
            assertThat(sa.executeUpdate("UPDATE " + t + " SET n = n + 1 WHERE id = 1")).isEqualTo(1);
            assertThat(rows(a, "SELECT n FROM " + t + " WHERE id = 1")).containsExactly("16");
            assertThat(rows(a, "SELECT n FROM " + t + " WHERE id = 2 FOR UPDATE")).containsExactly("20");
            assertThat(rows(a, "SELECT n FROM " + t + " WHERE id = 2 LOCK IN SHARE MODE")).containsExactly("20");
            // MySQL 8's SKIP LOCKED: b passes over the rows a holds.
            assertThat(rows(b, "SELECT id FROM " + t + " ORDER BY id FOR UPDATE SKIP LOCKED")).isEmpty();
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return sb.executeUpdate("UPDATE " + t + " SET n = 0 WHERE id = 2");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertThat(blocked).isNotDone();
            a.commit();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(rows(b, "SELECT id, n FROM " + t + " ORDER BY id")).containsExactly("1|16", "2|0");
            // READ COMMITTED stays available per session.
            sa.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
            assertThat(rows(a, "SELECT @@transaction_isolation")).containsExactly("READ-COMMITTED");
            a.rollback();
        }
    }

    @Test
    void lockTablesKeepsOtherSessionsWritesWaitingUntilUnlockTables() throws Exception {
        String t = table("locked");
        try (Connection owner = connect(false); Connection other = connect(false);
             Statement locking = owner.createStatement(); Statement waiting = other.createStatement()) {
            locking.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY)");
            locking.execute("LOCK TABLES " + t + " WRITE");
            locking.executeUpdate("INSERT INTO " + t + " VALUES (1)");
            CompletableFuture<Integer> insert = CompletableFuture.supplyAsync(() -> {
                try {
                    return waiting.executeUpdate("INSERT INTO " + t + " VALUES (2)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> insert.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            locking.execute("UNLOCK TABLES");
            assertThat(insert.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(rows(owner, "SELECT id FROM " + t + " ORDER BY id")).containsExactly("1", "2");
            locking.execute("UNLOCK TABLES");
        }
    }

    @Test
    void aTableLockedForReadCannotBeWrittenByItsSession() throws SQLException {
        String t = table("read_locked");
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY)");
            statement.execute("LOCK TABLES " + t + " READ");
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO " + t + " VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1099));
            assertThat(rows(connection, "SELECT COUNT(*) FROM " + t)).containsExactly("0");
            statement.execute("UNLOCK TABLES");
            assertThat(statement.executeUpdate("INSERT INTO " + t + " VALUES (1)")).isEqualTo(1);
        }
    }

    @Test
    void lockingAnUnknownTableFailsAndLocksNothing() throws SQLException {
        String t = table("partly");
        try (Connection connection = connect(false); Connection other = connect(false);
             Statement statement = connection.createStatement(); Statement writer = other.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> statement.execute("LOCK TABLES " + t + " WRITE, no_such_table READ"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
            other.setNetworkTimeout(Runnable::run, 10_000);
            assertThat(writer.executeUpdate("INSERT INTO " + t + " VALUES (1)")).isEqualTo(1);
        }
    }

    @Test
    void userVariablesKeepValuesAndAFailingOneLeavesTheTransactionUsable() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("SET @n = 40 + 2, @s = CONCAT('a', 'b'), @@session.sql_mode = CONCAT(@@sql_mode, ',ANSI')");
            assertThat(rows(connection, "SELECT @n, @s, @never, @@sql_mode LIKE '%,ANSI'")).containsExactly("42|ab|null|1");
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute("SET @bad = (SELECT x FROM no_such_table)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
            assertThat(rows(connection, "SELECT @n + 1")).containsExactly("43");
            connection.commit();
        }
    }

    @Test
    void anIntegerIsAConditionAsInMysql() throws SQLException {
        String t = table("flags");
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, active TINYINT(1), score DECIMAL(4,2))");
            statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 1, 0.5), (2, 0, 0), (3, NULL, 2)");
            assertThat(rows(connection, "SELECT id FROM " + t + " WHERE active ORDER BY id")).containsExactly("1");
            assertThat(rows(connection, "SELECT id FROM " + t + " WHERE NOT active ORDER BY id")).containsExactly("2");
            assertThat(rows(connection, "SELECT id FROM " + t + " WHERE score AND id ORDER BY id")).containsExactly("1", "3");
            assertThat(rows(connection, "SELECT id, IF(active, 'on', 'off') FROM " + t + " ORDER BY id"))
                    .containsExactly("1|on", "2|off", "3|off");
            assertThat(statement.executeUpdate("UPDATE " + t + " SET score = 1 WHERE active")).isEqualTo(1);
            assertThat(statement.executeUpdate("DELETE FROM " + t + " WHERE NOT active")).isEqualTo(1);
            assertThat(rows(connection, "SELECT id, score FROM " + t + " ORDER BY id")).containsExactly("1|1.00", "3|2.00");
        }
    }
}
