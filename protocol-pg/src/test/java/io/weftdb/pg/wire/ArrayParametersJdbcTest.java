package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Array parameters set with pgjdbc's setArray, sent as text or (binaryTransfer) in the binary format. */
class ArrayParametersJdbcTest {
    @org.junit.jupiter.api.io.TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static PgServer server;

    @BeforeAll
    static void startServer() throws SQLException {
        fixture = new EngineFixture(directory);
        server = new PgServer(fixture.engine(), PgServerConfig.defaults());
        server.start("127.0.0.1", 0);
        try (Connection connection = connect("text"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE tagged (id bigint PRIMARY KEY, tags text[], scores integer[])");
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static Connection connect(String mode) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        info.setProperty("prepareThreshold", "-1");
        info.setProperty("binaryTransfer", Boolean.toString(mode.equals("binary")));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", info);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void setArrayRoundTripsThroughATable(String mode) throws SQLException {
        long id = mode.equals("binary") ? 2 : 1;
        try (Connection connection = connect(mode)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tagged VALUES (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setArray(2, connection.createArrayOf("text", new String[] {"a", null, "b c"}));
                insert.setArray(3, connection.createArrayOf("int4", new Integer[] {3, 1, 2}));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT tags, scores FROM tagged WHERE id = ? AND 2 = ANY(?)")) {
                select.setLong(1, id);
                select.setArray(2, connection.createArrayOf("int4", new Integer[] {1, 2}));
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    Array tags = rows.getArray(1);
                    assertThat((Object[]) tags.getArray()).containsExactly("a", null, "b c");
                    assertThat((Object[]) rows.getArray(2).getArray()).containsExactly(3, 1, 2);
                }
            }
        }
    }
}
