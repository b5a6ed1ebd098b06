package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgServerLifecycleTest {
    @TempDir
    Path directory;
    private EngineFixture fixture;
    private PgServer server;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(directory);
        server = new PgServer(fixture.engine(), PgServerConfig.defaults());
    }

    @AfterEach
    void close() {
        server.stop();
        fixture.close();
    }

    private Connection connect(String... properties) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        for (int i = 0; i < properties.length; i += 2) {
            info.setProperty(properties[i], properties[i + 1]);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", info);
    }

    @Test
    void portZeroPicksAnEphemeralPort() {
        server.start("127.0.0.1", 0);

        assertThat(server.port()).isPositive();
    }

    @Test
    void startingTwiceIsRefused() {
        server.start("127.0.0.1", 0);

        assertThatThrownBy(() -> server.start("127.0.0.1", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPortInUseIsReported() {
        server.start("127.0.0.1", 0);
        PgServer second = new PgServer(fixture.engine(), PgServerConfig.defaults());

        assertThatThrownBy(() -> second.start("127.0.0.1", server.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }

    @Test
    void aClientPreferringTlsContinuesInTheClearAfterTheRefusal() throws SQLException {
        server.start("127.0.0.1", 0);

        try (Connection connection = connect("sslmode", "prefer"); Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT 'plain'")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getString(1)).isEqualTo("plain");
        }
    }

    @Test
    void stoppingClosesConnectionsAndRollsBackTheirTransactions() throws SQLException {
        server.start("127.0.0.1", 0);
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n integer)");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO t VALUES (1)");
        }

        server.stop();
        server.stop();

        assertThat(fixture.engine().sessions()).isEmpty();
        assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        connection.close();
    }
}
