package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real PostgreSQL JDBC driver against a listener on an ephemeral port. */
class PgServerJdbcTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static PgServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new PgServer(fixture.engine(), PgServerConfig.defaults());
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static Connection connect(String... properties) throws SQLException {
        return connectTo("postgres", properties);
    }

    private static Connection connectTo(String database, String... properties) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        for (int i = 0; i < properties.length; i += 2) {
            info.setProperty(properties[i], properties[i + 1]);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, info);
    }

    /** A table name of its own for each test, since the tests share one server. */
    private static String table(String stem) {
        return stem + "_" + TABLES.incrementAndGet();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
        }
        return values;
    }

    @Test
    void simpleModeCreatesInsertsAndSelects() throws SQLException {
        String items = table("items");
        try (Connection connection = connect("preferQueryMode", "simple");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + items + " (id integer PRIMARY KEY, name text, price numeric(10, 2))");
            assertThat(statement.executeUpdate("INSERT INTO " + items + " VALUES (1, 'one', 1.50), (2, 'two', 2.25)"))
                    .isEqualTo(2);
            List<String> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery("SELECT id, name, price FROM " + items + " ORDER BY id")) {
                while (resultSet.next()) {
                    rows.add(resultSet.getInt(1) + ":" + resultSet.getString(2) + ":" + resultSet.getBigDecimal(3));
                }
            }
            assertThat(rows).containsExactly("1:one:1.50", "2:two:2.25");
        }
    }

    @Test
    void simpleModeSubstitutesPreparedStatementParametersClientSide() throws SQLException {
        try (Connection connection = connect("preferQueryMode", "simple");
             PreparedStatement select = connection.prepareStatement("SELECT ? || '!', ? + 1")) {
            select.setString(1, "it's");
            select.setInt(2, 41);
            try (ResultSet resultSet = select.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).isEqualTo("it's!");
                assertThat(resultSet.getInt(2)).isEqualTo(42);
            }
        }
    }

    @ParameterizedTest(name = "prepareThreshold={0}")
    @ValueSource(strings = {"-1", "0", "1", "5"})
    void extendedModeBindsParameters(String prepareThreshold) throws SQLException {
        String items = table("extended");
        try (Connection connection = connect("prepareThreshold", prepareThreshold)) {
            execute(connection, "CREATE TABLE " + items + " (id bigint PRIMARY KEY, name varchar(20), price numeric(10, 2))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + items + " VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 6; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "item " + i);
                    insert.setBigDecimal(3, new BigDecimal(i + ".25"));
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, price FROM " + items + " WHERE id >= ? AND name <> ? ORDER BY id")) {
                for (int round = 0; round < 6; round++) {
                    select.setLong(1, 5);
                    select.setString(2, "nothing");
                    List<String> rows = new ArrayList<>();
                    try (ResultSet resultSet = select.executeQuery()) {
                        while (resultSet.next()) {
                            rows.add(resultSet.getLong(1) + ":" + resultSet.getString(2) + ":" + resultSet.getBigDecimal(3));
                        }
                    }
                    assertThat(rows).containsExactly("5:item 5:5.25", "6:item 6:6.25");
                }
            }
        }
    }

    @Test
    void nullParametersAreNulls() throws SQLException {
        String items = table("nullable");
        try (Connection connection = connect("prepareThreshold", "-1")) {
            execute(connection, "CREATE TABLE " + items + " (id integer PRIMARY KEY, note text)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + items + " VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setNull(2, Types.VARCHAR);
                insert.executeUpdate();
            }
            assertThat(column(connection, "SELECT note IS NULL FROM " + items)).containsExactly("t");
        }
    }

    @Test
    void binaryTransferRoundTripsTheCommonTypes() throws SQLException {
        String values = table("typed");
        UUID uuid = UUID.randomUUID();
        OffsetDateTime instant = OffsetDateTime.of(2024, 2, 29, 23, 30, 15, 123_456_000, ZoneOffset.ofHours(2));
        try (Connection connection = connect("prepareThreshold", "-1", "binaryTransfer", "true")) {
            execute(connection, "CREATE TABLE " + values + " (id integer PRIMARY KEY, b boolean, s smallint, l bigint, r real,"
                    + " d double precision, t text, v varchar(10), bin bytea, dt date, ts timestamp, tz timestamptz,"
                    + " n numeric(12, 3), u uuid, tm time)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + values + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setBoolean(2, true);
                insert.setShort(3, (short) -7);
                insert.setLong(4, 1L << 40);
                insert.setFloat(5, 1.5f);
                insert.setDouble(6, -2.25e10);
                insert.setString(7, "héllo wörld");
                insert.setString(8, "abc");
                insert.setBytes(9, new byte[] {1, 2, 3, (byte) 0xff});
                insert.setDate(10, Date.valueOf("2024-02-29"));
                insert.setTimestamp(11, Timestamp.valueOf("2024-02-29 12:34:56.789"));
                insert.setObject(12, instant);
                insert.setBigDecimal(13, new BigDecimal("-12345.678"));
                insert.setObject(14, uuid);
                // setTime sends "13:14:15+00" (time or timetz), which the engine's time input rejects so far.
                insert.setObject(15, java.time.LocalTime.of(13, 14, 15));
                insert.executeUpdate();
            }
            for (int round = 0; round < 2; round++) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + values + " WHERE id = ?")) {
                    select.setInt(1, 1);
                    try (ResultSet resultSet = select.executeQuery()) {
                        assertThat(resultSet.next()).isTrue();
                        assertThat(resultSet.getBoolean("b")).isTrue();
                        assertThat(resultSet.getShort("s")).isEqualTo((short) -7);
                        assertThat(resultSet.getLong("l")).isEqualTo(1L << 40);
                        assertThat(resultSet.getFloat("r")).isEqualTo(1.5f);
                        assertThat(resultSet.getDouble("d")).isEqualTo(-2.25e10);
                        assertThat(resultSet.getString("t")).isEqualTo("héllo wörld");
                        assertThat(resultSet.getString("v")).isEqualTo("abc");
                        assertThat(resultSet.getBytes("bin")).containsExactly(1, 2, 3, 0xff);
                        assertThat(resultSet.getDate("dt")).isEqualTo(Date.valueOf("2024-02-29"));
                        assertThat(resultSet.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56.789"));
                        assertThat(resultSet.getObject("tz", OffsetDateTime.class).toInstant()).isEqualTo(instant.toInstant());
                        assertThat(resultSet.getBigDecimal("n")).isEqualByComparingTo("-12345.678");
                        assertThat(resultSet.getObject("u")).isEqualTo(uuid);
                        assertThat(resultSet.getTime("tm")).isEqualTo(Time.valueOf("13:14:15"));
                    }
                }
            }
        }
    }

    @Test
    void numericValuesKeepTheirDigitsInBinary() throws SQLException {
        try (Connection connection = connect("prepareThreshold", "-1", "binaryTransfer", "true");
             PreparedStatement select = connection.prepareStatement("SELECT CAST(? AS numeric)")) {
            for (String value : List.of("0", "0.5", "-0.00012", "10000", "123456789012345678901234567890.123456789", "1E+5")) {
                select.setBigDecimal(1, new BigDecimal(value));
                try (ResultSet resultSet = select.executeQuery()) {
                    assertThat(resultSet.next()).isTrue();
                    assertThat(resultSet.getBigDecimal(1)).isEqualByComparingTo(value);
                }
            }
        }
    }

    @Test
    void autoCommitOffCommitsAndRollsBack() throws SQLException {
        String accounts = table("accounts");
        try (Connection connection = connect(); Connection observer = connect()) {
            execute(connection, "CREATE TABLE " + accounts + " (id integer PRIMARY KEY, balance integer)");
            connection.setAutoCommit(false);
            execute(connection, "INSERT INTO " + accounts + " VALUES (1, 100)");
            assertThat(column(observer, "SELECT id FROM " + accounts)).isEmpty();
            connection.commit();
            assertThat(column(observer, "SELECT id FROM " + accounts)).containsExactly("1");

            execute(connection, "UPDATE " + accounts + " SET balance = 0 WHERE id = 1");
            execute(connection, "INSERT INTO " + accounts + " VALUES (2, 5)");
            connection.rollback();
            assertThat(column(connection, "SELECT balance FROM " + accounts + " ORDER BY id")).containsExactly("100");
            connection.commit();
        }
    }

    @Test
    void errorsCarryTheirSqlStateAndTheConnectionStaysUsable() throws SQLException {
        String unique = table("unique");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            statement.execute("CREATE TABLE " + unique + " (id integer PRIMARY KEY)");
            statement.execute("INSERT INTO " + unique + " VALUES (1)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + unique + " VALUES (?)")) {
                insert.setInt(1, 1);
                assertThatThrownBy(insert::executeUpdate)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
                insert.setInt(1, 2);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet resultSet = statement.executeQuery("SELECT 1 + 1")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void anErrorInATransactionFailsItUntilRollback() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> execute(connection, "SELECT 1/0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            assertThatThrownBy(() -> execute(connection, "SELECT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            connection.rollback();
            assertThat(column(connection, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void fetchSizeWithAutoCommitOffReadsTheResultInChunks() throws SQLException {
        String numbers = table("numbers");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + numbers + " (n integer PRIMARY KEY)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + numbers + " VALUES (?)")) {
                for (int i = 1; i <= 250; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(250).containsOnly(1);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10);
                List<Integer> seen = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery("SELECT n FROM " + numbers + " ORDER BY n")) {
                    while (resultSet.next()) {
                        seen.add(resultSet.getInt(1));
                        if (seen.size() == 15) {
                            // Another statement while the cursor is open, as applications do.
                            assertThat(column(connection, "SELECT n FROM " + numbers + " WHERE n = 3")).containsExactly("3");
                        }
                    }
                }
                assertThat(seen).hasSize(250).isSorted().startsWith(1, 2, 3).endsWith(250);
            }
            connection.commit();
        }
    }

    @Test
    void generatedKeysComeBackThroughReturning() throws SQLException {
        String keyed = table("keyed");
        for (String threshold : List.of("-1", "5")) {
            try (Connection connection = connect("prepareThreshold", threshold)) {
                execute(connection, "CREATE TABLE IF NOT EXISTS " + keyed + " (id bigint PRIMARY KEY, name text)");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + keyed + " VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, threshold.equals("-1") ? 1 : 2);
                    insert.setString(2, "x");
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        assertThat(keys.next()).isTrue();
                        assertThat(keys.getLong("id")).isEqualTo(threshold.equals("-1") ? 1 : 2);
                    }
                }
            }
        }
    }

    @Test
    void timestampsWithTimeZoneAreShownInTheSessionTimeZone() throws SQLException {
        try (Connection connection = connect("preferQueryMode", "simple")) {
            execute(connection, "SET TIME ZONE 'Europe/Berlin'");
            assertThat(column(connection, "SELECT CAST('2024-01-01 00:00:00+00' AS timestamptz)"))
                    .containsExactly("2024-01-01 01:00:00+01");
            assertThat(column(connection, "SHOW TimeZone")).containsExactly("Europe/Berlin");
        }
    }

    @Test
    void anUnknownDatabaseIsRejectedWith3D000() {
        assertThatThrownBy(() -> connectTo("no_such_database").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3D000"));
    }

    @Test
    void cancelStopsAStatementWaitingForALock() throws Exception {
        String locked = table("locked");
        try (Connection holder = connect(); Connection waiter = connect()) {
            execute(holder, "CREATE TABLE " + locked + " (id integer PRIMARY KEY, v integer)");
            execute(holder, "INSERT INTO " + locked + " VALUES (1, 0)");
            holder.setAutoCommit(false);
            execute(holder, "UPDATE " + locked + " SET v = 1 WHERE id = 1");

            try (Statement statement = waiter.createStatement()) {
                CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                    try {
                        return statement.executeUpdate("UPDATE " + locked + " SET v = 2 WHERE id = 1");
                    } catch (SQLException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                Thread.sleep(500);
                assertThat(update).isNotDone();
                statement.cancel();
                assertThatThrownBy(() -> update.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014"));
            }
            holder.rollback();
            try (Statement statement = waiter.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE " + locked + " SET v = 3 WHERE id = 1")).isEqualTo(1);
            }
        }
    }

    @Test
    void severalStatementsInOneSimpleQueryAllRun() throws SQLException {
        String multi = table("multi");
        try (Connection connection = connect("preferQueryMode", "simple"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + multi + " (n integer); INSERT INTO " + multi + " VALUES (1); INSERT INTO "
                    + multi + " VALUES (2); SELECT n FROM " + multi + " ORDER BY n");
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet resultSet = statement.getResultSet()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt(1)).isEqualTo(1);
            }
            assertThat(column(connection, "SELECT n FROM " + multi + " ORDER BY n")).containsExactly("1", "2");
        }
    }
}
