package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backing up a running {@code weftdb serve} over HTTP while a client writes, then
 * {@code weftdb restore} into a new data directory and a server started on it.
 */
class BackupAndRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void aBackupTakenDuringWritesRestoresIntoADataDirectoryAServerStartsOn() throws Exception {
        Path backup = directory.resolve("backups/nightly");
        Path restored = directory.resolve("restored");
        long backedUpRows;
        try (ServedWeftDb server = new ServedWeftDb(directory.resolve("data"), "256m")) {
            ok(server.sql("CREATE TABLE events (id integer PRIMARY KEY, body text NOT NULL)"));
            ok(server.sql("INSERT INTO events SELECT g, 'before ' || g FROM generate_series(1, 500) AS g"));
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger(501);
            AtomicReference<String> writeFailure = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    while (writing.get()) {
                        int id = next.get();
                        HttpResponse<String> response = server.sql("INSERT INTO events VALUES (" + id + ", 'during " + id + "')");
                        if (response.statusCode() != 200) {
                            writeFailure.set(response.body());
                            return;
                        }
                        next.incrementAndGet();
                    }
                } catch (Exception e) {
                    writeFailure.set(e.toString());
                }
            });
            while (next.get() < 530 && writer.isAlive()) {
                Thread.sleep(5);
            }
            HttpResponse<String> response = server.client().send(server.request("/v1/admin/backup")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"directory\": " + JSON.writeValueAsString(backup.toString()) + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            int afterBackup = next.get();
            while (next.get() < afterBackup + 30 && writer.isAlive()) {
                Thread.sleep(5);
            }
            writing.set(false);
            writer.join();
            assertThat(writeFailure.get()).isNull();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(JSON.readTree(response.body()).get("directory").asText()).isEqualTo(backup.toString());
            backedUpRows = count(server);
        }

        WeftdbCommand.Result restore = WeftdbCommand.run("restore", "--from", backup.toString(), "--data", restored.toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored ").contains("from " + backup + " into " + restored);
        try (ServedWeftDb server = new ServedWeftDb(restored, "256m")) {
            JsonNode rows = ok(server.sql("SELECT count(*), min(id), max(id), count(*) FILTER (WHERE body LIKE 'during %') FROM events"))
                    .at("/results/0/rows/0");
            long restoredRows = rows.get(0).asLong();
            // Everything written before the backup, none of what came after it, and no gap in between.
            assertThat(restoredRows).isBetween(530L, backedUpRows - 30);
            assertThat(rows.get(1).asLong()).isEqualTo(1);
            assertThat(rows.get(2).asLong()).isEqualTo(restoredRows);
            assertThat(rows.get(3).asLong()).isEqualTo(restoredRows - 500);
            ok(server.sql("INSERT INTO events VALUES (1000000, 'after restore')"));
        }
    }

    @Test
    void restoreRefusesADataDirectoryThatIsNotEmpty() throws Exception {
        Path backup = directory.resolve("backup");
        try (ServedWeftDb server = new ServedWeftDb(directory.resolve("data"), "256m")) {
            HttpResponse<String> response = server.client().send(server.request("/v1/admin/backup")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"directory\": " + JSON.writeValueAsString(backup.toString()) + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "precious");

        WeftdbCommand.Result restore = WeftdbCommand.run("restore", "--from", backup.toString(), "--data", occupied.toString());
        WeftdbCommand.Result notABackup = WeftdbCommand.run("restore", "--from", occupied.toString(), "--data",
                directory.resolve("new").toString());

        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.err()).isEqualTo("weftdb restore: data directory " + occupied
                + " is not empty; restore only into a new or empty directory\n");
        assertThat(Files.readString(occupied.resolve("keep.txt"))).isEqualTo("precious");
        assertThat(notABackup.exitCode()).isEqualTo(2);
        assertThat(notABackup.err()).contains("is not a WeftDB backup");
        assertThat(directory.resolve("new")).doesNotExist();
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long count(ServedWeftDb server) throws Exception {
        return ok(server.sql("SELECT count(*) FROM events")).at("/results/0/rows/0/0").asLong();
    }
}
