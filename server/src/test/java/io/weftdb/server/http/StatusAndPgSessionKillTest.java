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
            // The connection ends at once, not at the client's next command: its transaction is rolled back first.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (listed(id) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(listed(id)).as("session " + id + " still listed").isFalse();
            JsonNode before = JSON.readTree(server.sql("SELECT count(*) FROM orders").body()).at("/results/0/rows/0/0");
            assertThat(before.asText()).isEqualTo("0");
            assertThatThrownBy(() -> statement.execute("COMMIT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57P01"))
                    .hasMessageContaining("terminating connection due to administrator command");
        }
        JsonNode count = JSON.readTree(server.sql("SELECT count(*) FROM orders").body()).at("/results/0/rows/0/0");
        assertThat(count.asText()).isEqualTo("0");
    }

    @Test
    void pgTerminateBackendEndsAnotherConnectionAtOnceAndPgCancelBackendFindsIt() throws Exception {
        server.sql("CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY)");
        try (Connection victim = connect(); Statement doomed = victim.createStatement();
             Connection admin = connect(); Statement statement = admin.createStatement()) {
            doomed.execute("BEGIN");
            doomed.execute("INSERT INTO notes VALUES (1)");
            int pid;
            try (var result = doomed.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                pid = result.getInt(1);
            }
            try (var result = statement.executeQuery("SELECT pg_cancel_backend(" + pid + "), pg_cancel_backend(-1)")) {
                result.next();
                assertThat(result.getBoolean(1)).isTrue();
                assertThat(result.getBoolean(2)).isFalse();
            }
            try (var result = statement.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                result.next();
                assertThat(result.getBoolean(1)).isTrue();
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (listed(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(listed(pid)).isFalse();
            assertThatThrownBy(() -> doomed.execute("COMMIT")).isInstanceOf(SQLException.class);
            try (var result = statement.executeQuery("SELECT count(*) FROM notes")) {
                result.next();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }

    private static boolean listed(int id) throws Exception {
        for (JsonNode session : get("/v1/sessions").get("sessions")) {
            if (session.get("id").asInt() == id) {
                return true;
            }
        }
        return false;
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
