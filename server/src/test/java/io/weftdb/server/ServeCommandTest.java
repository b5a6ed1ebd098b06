package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weftdb serve} in this JVM: stopped through the latch the shutdown hook would use. */
class ServeCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CompletableFuture<Integer> serve(ShutdownLatch latch, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--data";
        args[2] = temp.resolve("data").toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CompletableFuture.supplyAsync(
                () -> Main.execute(new ByteArrayInputStream(new byte[0]), out, err, latch, args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void servesUntilAskedToStopThenClosesTheDataDirectory() throws Exception {
        ShutdownLatch latch = new ShutdownLatch();
        int pgPort = freePort();
        int httpPort = freePort();
        CompletableFuture<Integer> server = serve(latch, "--pg", Integer.toString(pgPort), "--mysql", "0",
                "--http", Integer.toString(httpPort));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out().contains("ready") && !server.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out()).contains("ready");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE served (id int PRIMARY KEY)");
            statement.execute("INSERT INTO served VALUES (42)");
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT id FROM served")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }

        latch.requestStop();

        assertThat(server.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(latch.awaitStopped(Duration.ZERO)).isTrue();
        assertThat(out())
                .contains("serving " + temp.resolve("data"))
                .contains("PostgreSQL: listening on port " + pgPort)
                .contains("MySQL: disabled (--mysql 0)")
                .contains("HTTP: listening on port " + httpPort)
                .endsWith("shutting down\nstopped\n");
        // closed cleanly: the directory can be opened again
        RocksStorage.open(temp.resolve("data"), RocksStorageOptions.defaults()).close();
    }

    @Test
    void aDataDirectoryInUseIsAOneLineErrorWithExitCode2() throws Exception {
        RocksStorage holder = RocksStorage.open(temp.resolve("data"), RocksStorageOptions.defaults()); // stands in for another process
        try {
            int exitCode = serve(new ShutdownLatch()).get(30, TimeUnit.SECONDS);

            assertThat(exitCode).isEqualTo(ExitCodes.CANNOT_START);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("weftdb serve: data directory")
                    .contains("in use")
                    .hasLineCount(1);
        } finally {
            holder.close();
        }
    }
}
