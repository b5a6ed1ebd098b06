package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up while the rows of a data-changing statement stream to it: the statement
 * is undone, as it would be on PostgreSQL when the connection drops before the command completes.
 */
class ClientHangUpTest {
    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory);
        StringBuilder setup = new StringBuilder("CREATE TABLE seed (n integer, payload text); CREATE TABLE copied (n integer, payload text);"
                + " INSERT INTO seed VALUES (1, '" + "p".repeat(400) + "');");
        for (int step = 1; step <= 8192; step *= 2) {
            setup.append(" INSERT INTO seed SELECT n + ").append(step).append(", payload FROM seed;");
        }
        api.ok(setup.toString());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void hangingUpMidStreamRollsBackTheImplicitTransaction() throws Exception {
        String body = "{\"sql\": \"INSERT INTO copied SELECT n, payload FROM seed RETURNING n, payload\"}";
        try (Socket socket = new Socket("127.0.0.1", api.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/sql HTTP/1.1\r\nHost: localhost\r\nAccept: application/x-ndjson\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(4096);
            assertThat(new String(start, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").contains("\"columns\"");
            // Hang up with more than ten megabytes of rows still to come.
            socket.setSoLinger(true, 0);
        }

        awaitNoRunningQueries();
        assertThat(api.ok("SELECT count(*) FROM copied").at("/results/0/rows/0/0").asText()).isEqualTo("0");
        assertThat(api.ok("SELECT count(*) FROM seed").at("/results/0/rows/0/0").asText()).isEqualTo("16384");
    }

    @Test
    void aStreamReadToTheEndCommits() {
        api.ok("INSERT INTO copied SELECT n, payload FROM seed WHERE n <= 10 RETURNING n");

        assertThat(api.ok("SELECT count(*) FROM copied").at("/results/0/rows/0/0").asText()).isEqualTo("10");
    }

    private void awaitNoRunningQueries() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ApiFixture.json(api.get("/v1/queries")).get("queries").isEmpty()) {
            assertThat(System.nanoTime()).as("the hung-up query is still running").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
