package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsAndCancelTest {
    /** Waits for the row lock {@link #holdRowLock()} takes: runs until it is stopped. */
    private static final String ENDLESS = "UPDATE account SET balance = 2 WHERE id = 1";

    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory, HttpServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withSessionIdleTimeout(Duration.ofMillis(400)));
        api.ok("CREATE TABLE account (id integer PRIMARY KEY, balance integer); INSERT INTO account VALUES (1, 0)");
    }

    /** A session whose open transaction holds the lock of account 1. */
    private void holdRowLock() {
        String holder = openSession();
        api.ok("BEGIN; UPDATE account SET balance = 1 WHERE id = 1", "WeftDB-Session", holder);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String openSession() {
        HttpResponse<String> response = api.postJson("/v1/sessions", "");
        assertThat(response.statusCode()).isEqualTo(201);
        return ApiFixture.json(response).get("id").asText();
    }

    @Test
    void aSessionKeepsItsTransactionAcrossRequests() {
        String session = openSession();
        api.ok("CREATE TABLE ledger (amount integer)");
        api.ok("BEGIN", "WeftDB-Session", session);
        api.ok("INSERT INTO ledger VALUES (10)", "WeftDB-Session", session);
        assertThat(api.ok("SELECT count(*) FROM ledger").at("/results/0/rows/0/0").asText()).isEqualTo("0");
        assertThat(api.ok("SELECT count(*) FROM ledger", "WeftDB-Session", session).at("/results/0/rows/0/0").asText())
                .isEqualTo("1");
        api.ok("COMMIT", "WeftDB-Session", session);
        assertThat(api.ok("SELECT count(*) FROM ledger").at("/results/0/rows/0/0").asText()).isEqualTo("1");
    }

    @Test
    void deletingASessionRollsBackItsTransaction() {
        String session = openSession();
        api.ok("CREATE TABLE ledger (amount integer)");
        api.ok("BEGIN; INSERT INTO ledger VALUES (10)", "WeftDB-Session", session);
        assertThat(api.delete("/v1/sessions/" + session).statusCode()).isEqualTo(204);
        assertThat(api.ok("SELECT count(*) FROM ledger").at("/results/0/rows/0/0").asText()).isEqualTo("0");
        HttpResponse<String> gone = api.sql("SELECT 1", "WeftDB-Session", session);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(gone).at("/error/code").asText()).isEqualTo("08003");
        assertThat(api.delete("/v1/sessions/" + session).statusCode()).isEqualTo(404);
    }

    @Test
    void anIdleSessionIsRolledBackAndClosed() throws Exception {
        String session = openSession();
        api.ok("CREATE TABLE ledger (amount integer)");
        api.ok("BEGIN; INSERT INTO ledger VALUES (10)", "WeftDB-Session", session);
        Thread.sleep(1_500);
        assertThat(api.sql("SELECT 1", "WeftDB-Session", session).statusCode()).isEqualTo(404);
        assertThat(api.ok("SELECT count(*) FROM ledger").at("/results/0/rows/0/0").asText()).isEqualTo("0");
    }

    @Test
    void sessionsListEveryEngineSessionAndMarkOursWithTheirId() {
        String session = openSession();
        JsonNode sessions = ApiFixture.json(api.get("/v1/sessions")).get("sessions");
        assertThat(sessions).anySatisfy(entry -> {
            assertThat(entry.get("httpSession").asText()).isEqualTo(session);
            assertThat(entry.get("database").asText()).isEqualTo("postgres");
            assertThat(entry.get("transaction").asText()).isEqualTo("idle");
        });
    }

    @Test
    void cancellingARunningQueryAnswers57014() throws Exception {
        holdRowLock();
        CompletableFuture<HttpResponse<String>> running = api.client().sendAsync(api.request("/v1/sql")
                .header("WeftDB-Query-Id", "endless-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":" + ApiFixture.quote(ENDLESS) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning("endless-1");
        assertThat(api.delete("/v1/queries/endless-1").statusCode()).isEqualTo(204);
        HttpResponse<String> response = running.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("57014");
        assertThat(ApiFixture.json(response).at("/error/message").asText()).isEqualTo("canceling statement due to user request");
        assertThat(api.delete("/v1/queries/endless-1").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestTimeoutStopsItsStatement() {
        holdRowLock();
        HttpResponse<String> response = api.postJson("/v1/sql", "{\"sql\":" + ApiFixture.quote(ENDLESS) + ",\"timeoutMs\":300}");
        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(ApiFixture.json(response).at("/error/message").asText()).isEqualTo("canceling statement due to statement timeout");
    }

    @Test
    void aSessionRunsOneRequestAtATime() throws Exception {
        holdRowLock();
        String session = openSession();
        CompletableFuture<HttpResponse<String>> running = api.client().sendAsync(api.request("/v1/sql")
                .header("WeftDB-Session", session).header("WeftDB-Query-Id", "busy-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":" + ApiFixture.quote(ENDLESS) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning("busy-1");
        HttpResponse<String> second = api.sql("SELECT 1", "WeftDB-Session", session);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(ApiFixture.json(second).at("/error/code").asText()).isEqualTo("55006");
        api.delete("/v1/queries/busy-1");
        assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(408);
        assertThat(api.sql("SELECT 1", "WeftDB-Session", session).statusCode()).isEqualTo(200);
    }

    private void awaitRunning(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!api.get("/v1/queries").body().contains("\"" + id + "\"")) {
            assertThat(System.nanoTime()).as("query " + id + " shows up as running").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
