package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a loading JVM with SIGKILL mid-load and checks after restart that every acknowledged commit
 * is there and that no transaction is there in part.
 */
class CrashRecoveryTest {
    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedCommitSurvivesKillNineAndNoPartialTransactionAppears() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashLoadProcess.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        long lastAcknowledged = 0;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastAcknowledged = Long.parseLong(line.substring("committed ".length()));
                    if (lastAcknowledged >= 150) {
                        break;
                    }
                } else if (!line.equals("ready")) {
                    System.err.println("child: " + line);
                }
            }
            // SIGKILL: no shutdown hook, no flush, whatever the child was doing.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcknowledged).isGreaterThanOrEqualTo(150);

        try (TestDatabase database = new TestDatabase(directory); TestDatabase.Client sql = database.client()) {
            long maxBatch = Long.parseLong(sql.value("SELECT batch FROM load ORDER BY batch DESC LIMIT 1"));
            assertThat(maxBatch).isGreaterThanOrEqualTo(lastAcknowledged);
            List<List<String>> rows = sql.query("SELECT batch, item FROM load ORDER BY batch, item");
            assertThat(rows).hasSize((int) maxBatch * 10);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)).containsExactly(String.valueOf(i / 10 + 1), String.valueOf(i % 10));
            }
        }
    }
}
