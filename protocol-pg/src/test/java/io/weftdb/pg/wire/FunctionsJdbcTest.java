package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The function library and its operators through the real PostgreSQL JDBC driver, in the simple
 * protocol, the extended protocol, and the extended protocol with server-prepared binary results.
 */
class FunctionsJdbcTest {
    @org.junit.jupiter.api.io.TempDir
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

    private static Connection connect(String mode) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        switch (mode) {
            case "simple" -> info.setProperty("preferQueryMode", "simple");
            case "binary" -> info.setProperty("prepareThreshold", "-1");
            default -> info.setProperty("preferQueryMode", "extended");
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", info);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "extended", "binary"})
    void arraysComeBackAsJdbcArrays(String mode) throws SQLException {
        try (Connection connection = connect(mode); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ARRAY[1,2,3], string_to_array('a,b', ','), (ARRAY[10,20])[2]")) {
            assertThat(rows.next()).isTrue();
            assertThat((Object[]) rows.getArray(1).getArray()).containsExactly(1, 2, 3);
            assertThat((Object[]) rows.getArray(2).getArray()).containsExactly("a", "b");
            assertThat(rows.getInt(3)).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "extended", "binary"})
    void parametersReachFunctionsAndAnyOverArrays(String mode) throws SQLException {
        try (Connection connection = connect(mode);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT lpad(?, 5, '*'), ? = ANY(ARRAY[1,2,3]), 2 = ANY(?::int[]), jsonb_build_object('k', ?::text) ->> 'k'")) {
            statement.setString(1, "ab");
            statement.setInt(2, 3);
            // Arrays in their text form: the listener does not decode binary array parameters yet.
            statement.setString(3, "{1,2}");
            statement.setString(4, "v");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("***ab");
                assertThat(rows.getBoolean(2)).isTrue();
                assertThat(rows.getBoolean(3)).isTrue();
                assertThat(rows.getString(4)).isEqualTo("v");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "extended", "binary"})
    void jsonDateAndNumericResultsKeepPostgresTypes(String mode) throws SQLException {
        try (Connection connection = connect(mode); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT '{\"a\":{\"b\":2}}'::jsonb -> 'a', "
                     + "extract(epoch FROM timestamp '2020-01-01 00:00:01.5'), to_char(date '2020-03-04', 'DD Mon YYYY'), "
                     + "age(timestamp '2020-03-04', timestamp '2019-01-15')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("{\"b\": 2}");
            assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("jsonb");
            assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("1577836801.5"));
            assertThat(rows.getString(3)).isEqualTo("04 Mar 2020");
            assertThat(rows.getString(4)).isEqualTo("1 year 1 mon 20 days");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "binary"})
    void describedParametersTakeTheTypesTheFunctionExpects(String mode) throws SQLException {
        try (Connection connection = connect(mode);
             PreparedStatement statement = connection.prepareStatement("SELECT make_date(?, ?, ?), lower(?), 2 = ANY(?)")) {
            ParameterMetaData parameters = statement.getParameterMetaData();
            assertThat(parameters.getParameterTypeName(1)).isEqualTo("int4");
            assertThat(parameters.getParameterTypeName(4)).isEqualTo("text");
            assertThat(parameters.getParameterTypeName(5)).isEqualTo("_int4");
            statement.setInt(1, 2020);
            statement.setInt(2, 2);
            statement.setInt(3, 29);
            statement.setString(4, "ABC");
            statement.setString(5, "{1,2}");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("2020-02-29");
                assertThat(rows.getString(2)).isEqualTo("abc");
                assertThat(rows.getBoolean(3)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "extended"})
    void functionErrorsCarryPostgresSqlStates(String mode) throws SQLException {
        try (Connection connection = connect(mode); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT sqrt(-1)"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201F");
            assertThatThrownBy(() -> statement.executeQuery("SELECT no_such_function(1)"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42883");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 'a' ~ '('"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201B");
        }
    }
}
