package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client sees when a result fails part-way, when a request is too large, and when the server stops. */
class StreamingAndLimitsTest {
    /** Fails with division by zero at row 4000 (rows come in insertion order), after more than a megabyte of rows. */
    private static final String FAILS_LATE = "SELECT n, 1 / (n - 4000), payload FROM seed";

    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory, HttpServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withMaxRequestBytes(64 * 1024));
        StringBuilder setup = new StringBuilder("CREATE TABLE seed (n integer, payload text); INSERT INTO seed VALUES (1, '"
                + "p".repeat(400) + "');");
        for (int step = 1; step <= 4096; step *= 2) {
            setup.append(" INSERT INTO seed SELECT n + ").append(step).append(", payload FROM seed;");
        }
        api.ok(setup.toString());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpRequest query(String sql, String accept) {
        return api.request("/v1/sql").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":" + ApiFixture.quote(sql) + "}")).build();
    }

    @Test
    void anErrorBeforeTheFirstMegabyteKeepsItsStatus() {
        HttpResponse<String> response = api.send(query("SELECT n, 1 / (n - 10) FROM seed ORDER BY n", "application/json"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("22012");
    }

    @Test
    void ndjsonEndsWithTheErrorWhenAStatementFailsAfterRowsWereSent() {
        HttpResponse<String> response = api.send(query(FAILS_LATE, "application/x-ndjson"));
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        assertThat(lines.length).isGreaterThan(3000);
        assertThat(lines[lines.length - 1])
                .isEqualTo("{\"error\":{\"code\":\"22012\",\"message\":\"division by zero\"}}");
    }

    @Test
    void jsonAndCsvAreCutShortWhenAStatementFailsAfterTheFirstMegabyte() {
        assertThatThrownBy(() -> api.client().send(query(FAILS_LATE, "application/json"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> api.client().send(query(FAILS_LATE, "text/csv"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(api.ok("SELECT 1").at("/results/0/rows/0/0").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestBodyOverTheLimitIs413() {
        HttpResponse<String> response = api.sql("SELECT '" + "x".repeat(70 * 1024) + "'");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("54000");
    }

    @Test
    void aSessionOnOneDatabaseRefusesRequestsForAnother() {
        String session = ApiFixture.json(api.postJson("/v1/sessions", "{\"database\":\"postgres\"}")).get("id").asText();
        HttpResponse<String> response = api.postJson("/v1/sql", "{\"sql\":\"SELECT 1\",\"database\":\"other\"}",
                "WeftDB-Session", session);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(response).at("/error/message").asText()).contains("connected to database \"postgres\"");
        assertThat(api.postJson("/v1/sessions", "{\"database\":\"other\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void stoppingTheServerEndsRunningStatementsWith503() throws Exception {
        api.ok("CREATE TABLE account (id integer PRIMARY KEY, balance integer); INSERT INTO account VALUES (1, 0)");
        String holder = ApiFixture.json(api.postJson("/v1/sessions", "")).get("id").asText();
        api.ok("BEGIN; UPDATE account SET balance = 1 WHERE id = 1", "WeftDB-Session", holder);
        CompletableFuture<HttpResponse<String>> blocked = api.client().sendAsync(api.request("/v1/sql")
                .header("WeftDB-Query-Id", "blocked")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"UPDATE account SET balance = 2 WHERE id = 1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!api.get("/v1/queries").body().contains("\"blocked\"")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        api.server().stop();
        HttpResponse<String> response = blocked.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ApiFixture.json(response).at("/error/code").asText()).isEqualTo("57P01");
    }
}
