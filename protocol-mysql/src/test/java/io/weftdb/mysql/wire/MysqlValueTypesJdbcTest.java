package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column type through the text protocol and the binary protocol (server-side prepared statements). */
class MysqlValueTypesJdbcTest {
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

    private static Connection connect(boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/public?sslMode=DISABLED"
                + "&useServerPrepStmts=" + serverPrepared + "&cachePrepStmts=false", "app", "");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyColumnTypeRoundTrips(boolean serverPrepared) throws SQLException {
        String table = "typed_" + TABLES.incrementAndGet();
        try (Connection connection = connect(serverPrepared)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (t TINYINT, s SMALLINT, i INT, b BIGINT, f FLOAT, d DOUBLE,"
                        + " n DECIMAL(12,4), c CHAR(3), v VARCHAR(20), x TEXT, y BLOB, dt DATE, tm TIME, ts DATETIME(6),"
                        + " tz TIMESTAMP, j JSON, u BIGINT UNSIGNED)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setByte(1, (byte) -7);
                insert.setShort(2, (short) 300);
                insert.setInt(3, 70000);
                insert.setLong(4, 9_000_000_000L);
                insert.setFloat(5, 1.5f);
                insert.setDouble(6, 2.25);
                insert.setBigDecimal(7, new BigDecimal("12345678.1234"));
                insert.setString(8, "a");
                insert.setString(9, "héllo ☃");
                insert.setString(10, "long text");
                insert.setBytes(11, new byte[] {0, 1, (byte) 0xFF});
                insert.setObject(12, LocalDate.of(2024, 2, 29));
                insert.setObject(13, LocalTime.of(23, 59, 58));
                insert.setObject(14, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
                insert.setObject(15, LocalDateTime.of(2024, 6, 7, 8, 9, 10));
                insert.setString(16, "{\"a\": [1, 2]}");
                insert.setBigDecimal(17, new BigDecimal("18446744073709551615"));
                assertThat(insert.executeUpdate()).isEqualTo(1);
                for (int i = 1; i <= 17; i++) {
                    insert.setNull(i, Types.NULL);
                }
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " ORDER BY i IS NULL")) {
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt("t")).isEqualTo(-7);
                    assertThat(rows.getShort("s")).isEqualTo((short) 300);
                    assertThat(rows.getInt("i")).isEqualTo(70000);
                    assertThat(rows.getLong("b")).isEqualTo(9_000_000_000L);
                    assertThat(rows.getFloat("f")).isEqualTo(1.5f);
                    assertThat(rows.getDouble("d")).isEqualTo(2.25);
                    assertThat(rows.getBigDecimal("n")).isEqualByComparingTo("12345678.1234");
                    assertThat(rows.getString("c")).as("CHAR pad spaces are dropped").isEqualTo("a");
                    assertThat(rows.getString("v")).isEqualTo("héllo ☃");
                    assertThat(rows.getString("x")).isEqualTo("long text");
                    assertThat(rows.getBytes("y")).containsExactly(0, 1, 0xFF);
                    assertThat(rows.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rows.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58));
                    assertThat(rows.getObject("ts", LocalDateTime.class))
                            .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
                    assertThat(rows.getObject("tz", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 6, 7, 8, 9, 10));
                    assertThat(rows.getString("j")).isEqualTo("{\"a\": [1, 2]}");
                    assertThat(rows.getBigDecimal("u")).isEqualByComparingTo("18446744073709551615");
                    ResultSetMetaData metadata = rows.getMetaData();
                    assertThat(metadata.getColumnType(3)).isEqualTo(Types.INTEGER);
                    assertThat(metadata.getColumnType(4)).isEqualTo(Types.BIGINT);
                    assertThat(metadata.getColumnType(7)).isEqualTo(Types.DECIMAL);
                    assertThat(metadata.getScale(7)).isEqualTo(4);
                    assertThat(metadata.getColumnType(9)).isEqualTo(Types.VARCHAR);
                    assertThat(metadata.getColumnType(12)).isEqualTo(Types.DATE);
                    assertThat(metadata.getColumnType(14)).isEqualTo(Types.TIMESTAMP);
                    assertThat(rows.next()).isTrue();
                    for (int i = 1; i <= 17; i++) {
                        assertThat(rows.getObject(i)).as("column " + i).isNull();
                    }
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void streamedParametersArriveInPiecesAsLongData() throws SQLException {
        String table = "streamed_" + TABLES.incrementAndGet();
        byte[] content = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        try (Connection connection = connect(true)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT, body LONGBLOB)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setBinaryStream(2, new ByteArrayInputStream(content), content.length);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT LENGTH(body) FROM " + table)) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(content.length);
            }
        }
    }

    @Test
    void aValueOverSixteenMegabytesTravelsBothWays() throws SQLException {
        String table = "large_" + TABLES.incrementAndGet();
        String large = "L".repeat(17 * 1024 * 1024);
        try (Connection connection = connect(false)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (body LONGTEXT)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
                insert.setString(1, large);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT body FROM " + table)) {
                rows.next();
                assertThat(rows.getString(1)).hasSize(large.length()).isEqualTo(large);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLargeResultStreamsToAClientThatReadsRowByRow(boolean serverPrepared) throws SQLException {
        String table = "many_" + TABLES.incrementAndGet();
        try (Connection connection = connect(serverPrepared)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + "_digits (d INT)");
                statement.executeUpdate("INSERT INTO " + table + "_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
                statement.execute("CREATE TABLE " + table + " AS SELECT a.d * 10000 + b.d * 1000 + c.d * 100 + e.d * 10 + f.d AS n,"
                        + " 'padding padding padding' AS filler FROM " + table + "_digits a, " + table + "_digits b, "
                        + table + "_digits c, " + table + "_digits e, " + table + "_digits f");
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT n, filler FROM " + table,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(Integer.MIN_VALUE);
                long count = 0;
                long sum = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        count++;
                        sum += rows.getLong(1);
                    }
                }
                assertThat(count).isEqualTo(100_000);
                assertThat(sum).isEqualTo(99_999L * 100_000 / 2);
            }
        }
    }

    @Test
    void killQueryInterruptsAStatementOfAnotherConnection() throws Exception {
        try (Connection victim = connect(false); Connection killer = connect(false)) {
            long victimId;
            try (Statement statement = victim.createStatement(); ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
                rows.next();
                victimId = rows.getLong(1);
            }
            try (Statement statement = victim.createStatement()) {
                statement.execute("CREATE TABLE ten (n INT)");
                statement.executeUpdate("INSERT INTO ten VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)");
            }
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = victim.createStatement()) {
                    return statement.executeQuery("SELECT COUNT(*) FROM ten a, ten b, ten c, ten d, ten e, ten f, ten g,"
                            + " ten h, ten i, ten j");
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            try (Statement statement = killer.createStatement()) {
                statement.execute("KILL QUERY " + victimId);
            }
            Object outcome = running.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1317));
            try (Statement statement = victim.createStatement(); ResultSet rows = statement.executeQuery("SELECT 'alive'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("alive");
            }
            try (Statement statement = killer.createStatement()) {
                assertThatThrownBy(() -> statement.execute("KILL 999999")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1094));
            }
        }
    }
}
