package io.weftdb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/admin/backup}: a consistent copy of the live database, written while clients write. */
class BackupTest {
    @TempDir
    Path directory;
    ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(directory.resolve("data"));
        api.ok("CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL, CHECK (n >= 0));"
                + " CREATE TABLE log (seq integer PRIMARY KEY)");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aBackupTakenWhileAnotherSessionWritesHoldsWholeTransactionsOnly() throws Exception {
        api.ok("INSERT INTO counter VALUES (1, 0)");
        // Each transaction adds a log row and bumps the counter: a torn copy would disagree.
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                api.ok("BEGIN; INSERT INTO log VALUES (" + (written.get() + 1) + "); UPDATE counter SET n = n + 1 WHERE id = 1; COMMIT");
                written.incrementAndGet();
            }
        });
        awaitWrites(writer, written, 20);
        Path backup = directory.resolve("backups/one");
        HttpResponse<String> response = api.postJson("/v1/admin/backup", "{\"directory\": " + ApiFixture.quote(backup.toString()) + "}");
        awaitWrites(writer, written, 40);
        writing.set(false);
        writer.join();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = ApiFixture.json(response);
        assertThat(answer.get("directory").asText()).isEqualTo(backup.toString());
        assertThat(answer.get("files").asInt()).isPositive();
        assertThat(answer.get("bytes").asLong()).isPositive();
        assertThat(Files.isRegularFile(backup.resolve("CURRENT"))).isTrue();

        try (RocksStorage storage = RocksStorage.open(backup, RocksStorageOptions.defaults());
             Engine engine = Engine.open(storage, EngineOptions.defaults());
             Session session = engine.openSession(new SessionOptions(SessionOptions.DEFAULT_USER, SessionOptions.DEFAULT_DATABASE))) {
            long logRows = single(session, "SELECT count(*) FROM log");
            long counter = single(session, "SELECT n FROM counter WHERE id = 1");
            assertThat(logRows).isEqualTo(counter).isBetween(20L, (long) written.get());
        }
    }

    @Test
    void aBackupNeverOverwritesAnExistingDirectory() throws Exception {
        Path existing = Files.createDirectories(directory.resolve("taken"));

        HttpResponse<String> response = api.postJson("/v1/admin/backup", "{\"directory\": " + ApiFixture.quote(existing.toString()) + "}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"58P02\",\"message\":\"backup directory " + existing
                + " already exists\"}}\n");
    }

    @Test
    void aBackupDirectoryMustBeAnAbsolutePath() {
        HttpResponse<String> relative = api.postJson("/v1/admin/backup", "{\"directory\": \"backups/x\"}");
        HttpResponse<String> missing = api.postJson("/v1/admin/backup", "{}");

        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(relative.body()).contains("\"code\":\"08P01\"", "must be an absolute path on the server, not \\\"backups/x\\\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("a backup request body is {\\\"directory\\\": \\\"/absolute/path\\\"}");
    }

    private static void awaitWrites(Thread writer, AtomicInteger written, int count) throws InterruptedException {
        while (written.get() < count) {
            assertThat(writer.isAlive()).as("the writer failed").isTrue();
            Thread.sleep(5);
        }
    }

    private static long single(Session session, String sql) {
        var statement = new PostgresSqlParser().parse(sql).get(0).statement();
        try (RowResult rows = (RowResult) session.execute(statement, List.of())) {
            assertThat(rows.next()).isTrue();
            return ((Number) rows.row()[0]).longValue();
        }
    }
}
