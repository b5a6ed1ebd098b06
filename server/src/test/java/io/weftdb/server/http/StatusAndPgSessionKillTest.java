package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weftdb serve} with PostgreSQL and HTTP: status lists both, and HTTP can end a PostgreSQL client's session. */
class StatusAndPgSessionKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    static ServedWeftDb server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServedWeftDb(directory.resolve("data"), "256m", true);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void statusListsEveryListenerWithItsPort() throws Exception {
        JsonNode listeners = get("/v1/status").get("listeners");

        assertThat(listeners).hasSize(2);
        assertThat(listeners.get(0).get("protocol").asText()).isEqualTo("PostgreSQL");
        assertThat(listeners.get(0).get("port").asInt()).isEqualTo(server.pgPort());
        assertThat(listeners.get(0).get("tls").asBoolean()).isTrue();
        assertThat(listeners.get(1).get("protocol").asText()).isEqualTo("HTTP");
        assertThat(listeners.get(1).get("port").asInt()).isEqualTo(server.port());
    }

    @Test
    void deletingAPostgresClientsSessionRollsItBackAndEndsItWith57P01() throws Exception {
        server.sql("CREATE TABLE orders (id integer PRIMARY KEY)");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.execute("INSERT INTO orders VALUES (1)");
            int id = -1;
            for (JsonNode session : get("/v1/sessions").get("sessions")) {
                if (!session.has("httpSession") && session.get("transaction").asText().equals("in_transaction")) {
                    id = session.get("id").asInt();
                }
            }
            assertThat(id).as("the PostgreSQL session in /v1/sessions").isPositive();

            HttpResponse<String> killed = server.client().send(server.request("/v1/sessions/" + id).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(killed.statusCode()).isEqualTo(202);
            assertThatThrownBy(() -> statement.execute("COMMIT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57P01"))
                    .hasMessageContaining("terminating connection due to administrator command");
        }
        JsonNode count = JSON.readTree(server.sql("SELECT count(*) FROM orders").body()).at("/results/0/rows/0/0");
        assertThat(count.asText()).isEqualTo("0");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = server.client().send(server.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "weftdb");
        properties.setProperty("password", ServedWeftDb.TOKEN);
        properties.setProperty("sslmode", "require");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/postgres", properties);
    }
}
