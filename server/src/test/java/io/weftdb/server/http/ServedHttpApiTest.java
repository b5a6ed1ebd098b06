package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API as {@code weftdb serve} runs it: HTTPS, bearer token, and streaming in a 256 MB heap. */
class ServedHttpApiTest {
    private static final String PAYLOAD = "x".repeat(300);

    @TempDir
    static Path directory;
    static ServedWeftDb server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServedWeftDb(directory.resolve("data"), "256m");
        StringBuilder setup = new StringBuilder("CREATE TABLE seed (n integer, payload text); INSERT INTO seed VALUES (1, '"
                + PAYLOAD + "');");
        for (int step = 1; step <= 512; step *= 2) {
            setup.append(" INSERT INTO seed SELECT n + ").append(step).append(", payload FROM seed;");
        }
        HttpResponse<String> response = server.sql(setup.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyEndpointButHealthAndTheConsolePageNeedsTheBearerToken() throws Exception {
        HttpClient client = server.client();
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"weftdb\"");
        assertThat(anonymous.body()).contains("\"code\":\"28000\"");
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/status"))
                .header("Authorization", "Bearer not-the-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"28P01\"");
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> console = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).as("the console page holds no data and asks for the token itself").isEqualTo(200);
        assertThat(server.sql("SELECT 1").statusCode()).isEqualTo(200);
    }

    @Test
    void aResultLargerThanTheServerHeapStreamsAsNdjson() throws Exception {
        HttpRequest request = server.request("/v1/sql").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"sql\": \"SELECT a.n, b.n, a.payload FROM seed a, seed b\"}")).build();
        HttpResponse<InputStream> response = server.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        long rows = 0;
        long bytes = 0;
        String first = null;
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                bytes += line.length() + 1;
                if (first == null) {
                    first = line;
                } else if (line.startsWith("[")) {
                    rows++;
                }
                last = line;
            }
        }
        assertThat(first).isEqualTo("{\"columns\":[{\"name\":\"n\",\"type\":\"integer\"},{\"name\":\"n\",\"type\":\"integer\"},"
                + "{\"name\":\"payload\",\"type\":\"text\"}]}");
        assertThat(rows).isEqualTo(1024L * 1024);
        assertThat(last).startsWith("{\"done\":true,\"elapsedMs\":");
        // More than the server's whole heap went through it: it cannot have held the result.
        assertThat(bytes).isGreaterThan(256L << 20);
        HttpResponse<String> status = server.client().send(server.request("/v1/status").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("\"heapMaxBytes\":");
        long heapMax = Long.parseLong(status.body().replaceAll(".*\"heapMaxBytes\":(\\d+).*", "$1").trim());
        assertThat(heapMax).isLessThanOrEqualTo(256L << 20);
    }

    @Test
    void aClientThatStopsReadingPausesTheQueryInsteadOfFillingServerMemory() throws Exception {
        HttpRequest request = server.request("/v1/sql").header("Accept", "text/csv").header("WeftDB-Query-Id", "stalled")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT a.n, b.payload FROM seed a, seed b\"}")).build();
        HttpResponse<InputStream> response = server.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            Thread.sleep(3_000);
            // Producing every row takes under two seconds; the query still runs because its writes wait for the client.
            HttpResponse<String> running = server.client().send(server.request("/v1/queries").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(running.body()).contains("\"id\":\"stalled\"");
            long lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).lines().count();
            assertThat(lines).isEqualTo(1 + 1024L * 1024);
        }
    }

    @Test
    void csvStreamsWithAHeaderLine() throws Exception {
        HttpRequest request = server.request("/v1/sql").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT a.n AS left_n, b.n AS right_n FROM seed a, seed b "
                        + "WHERE a.n <= 100\"}")).build();
        HttpResponse<String> response = server.client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        assertThat(lines[0]).isEqualTo("left_n,right_n");
        assertThat(lines).hasSize(1 + 100 * 1024);
    }
}
