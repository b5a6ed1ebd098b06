package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.DataRow;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.RowDescription;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results larger than the socket buffers: slow readers, and readers that go away in the middle. */
class ClientDisconnectTest {
    private static final int ROWS = 40_000;

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static PgServer server;

    @BeforeAll
    static void startServerWithABigTable() throws SQLException {
        fixture = new EngineFixture(directory);
        server = new PgServer(fixture.engine(), PgServerConfig.defaults());
        server.start("127.0.0.1", 0);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE digits (d integer PRIMARY KEY)");
            statement.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            statement.execute("CREATE TABLE big (n integer PRIMARY KEY, pad text)");
            statement.execute("INSERT INTO big SELECT a.d * 10000 + b.d * 1000 + c.d * 100 + e.d * 10 + f.d, '"
                    + "x".repeat(500) + "' FROM digits a, digits b, digits c, digits e, digits f WHERE a.d < 4");
            statement.execute("CREATE TABLE marker (id integer PRIMARY KEY)");
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static Connection connect() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", info);
    }

    @Test
    void aSlowReaderStillReceivesEveryRow() throws Exception {
        try (WireClient client = new WireClient(server.port())) {
            client.startup("postgres", "postgres");
            client.send(new SimpleQuery("SELECT n, pad FROM big"));
            assertThat(client.read()).isInstanceOf(RowDescription.class);
            Thread.sleep(500);

            int rows = 0;
            BackendMessage message = client.read();
            while (message instanceof DataRow) {
                rows++;
                message = client.read();
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(message).isEqualTo(new CommandComplete("SELECT " + ROWS));
            assertThat(client.read()).isInstanceOf(ReadyForQuery.class);
        }
    }

    @Test
    void aClientGoneInTheMiddleOfAResultHasItsSessionClosedAndItsTransactionRolledBack() throws Exception {
        int sessionsBefore = fixture.engine().sessions().size();
        try (WireClient client = new WireClient(server.port())) {
            client.startup("postgres", "postgres");
            client.query("BEGIN");
            client.query("INSERT INTO marker VALUES (1)");
            client.send(new SimpleQuery("SELECT n, pad FROM big"));
            assertThat(client.read()).isInstanceOf(RowDescription.class);
            assertThat(client.read()).isInstanceOf(DataRow.class);
            client.abort();
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fixture.engine().sessions().size() > sessionsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // At most as many as before: a session of an earlier test may still have been closing then.
        assertThat(fixture.engine().sessions().size()).isLessThanOrEqualTo(sessionsBefore);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
            try (ResultSet resultSet = statement.executeQuery("SELECT id FROM marker")) {
                assertThat(resultSet.next()).isFalse();
            }
            // The key the vanished transaction had inserted is free again.
            assertThat(statement.executeUpdate("INSERT INTO marker VALUES (1)")).isEqualTo(1);
        }
    }
}
