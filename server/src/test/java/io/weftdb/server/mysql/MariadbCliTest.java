package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mariadb command-line client against {@code weftdb serve} with TLS and a token (it logs in
 * with mysql_native_password). Skipped with a message when the client is not installed.
 */
class MariadbCliTest {
    private static final String TOKEN = "cli-token";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(mariadb().isPresent(), "the mariadb client is not installed (apt-get install mariadb-client)");
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Optional<Path> mariadb() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "mariadb");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the client in batch mode (tab-separated output) and returns its exit code and output. */
    private static String[] run(String password, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(mariadb().orElseThrow().toString(), "--protocol=TCP",
                "-h", "127.0.0.1", "-P", Integer.toString(server.mysqlPort()), "-u", "cli", "--batch", "--no-auto-rehash"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("MYSQL_PWD", password);
        Path output = Files.createTempFile(directory, "mariadb-", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("mariadb did not finish:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new String[] {Integer.toString(process.exitValue()), Files.readString(output, StandardCharsets.UTF_8)};
    }

    @Test
    void scriptsRunAndResultsPrint() throws Exception {
        String[] result = run(TOKEN, "-D", "public", "-e",
                "CREATE TABLE cli_items (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(20));"
                        + " INSERT INTO cli_items (label) VALUES ('one'), ('two');"
                        + " SELECT id, label FROM cli_items ORDER BY id; SHOW TABLES LIKE 'cli%'; SELECT DATABASE();");
        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("id\tlabel\n1\tone\n2\ttwo\n", "Tables_in_public (cli%)\ncli_items\n",
                "DATABASE()\npublic\n");
    }

    @Test
    void loadDataLocalInfileSendsAFileOfTheClient() throws Exception {
        Path file = directory.resolve("cli-load.csv");
        java.nio.file.Files.writeString(file, "1,\"first, row\"\n2,second\n3,\\N\n");
        String[] result = run(TOKEN, "--local-infile=1", "-D", "public", "-e",
                "CREATE TABLE cli_loaded (id INT PRIMARY KEY, label VARCHAR(20));"
                        + " LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE cli_loaded"
                        + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"';"
                        + " SELECT id, label FROM cli_loaded ORDER BY id;");
        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("id\tlabel\n1\tfirst, row\n2\tsecond\n3\tNULL\n");
    }

    @Test
    void theSessionIsEncrypted() throws Exception {
        String[] result = run(TOKEN, "-e", "SHOW VARIABLES LIKE 'have_ssl'; \\s");
        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("have_ssl\tYES").containsPattern("SSL:\\s+Cipher in use is");
    }

    @Test
    void errorsShowMysqlCodes() throws Exception {
        String[] denied = run("wrong-token", "-e", "SELECT 1");
        assertThat(denied[0]).isNotEqualTo("0");
        assertThat(denied[1]).contains("ERROR 1045 (28000)");
        String[] missing = run(TOKEN, "-D", "public", "-e", "SELECT * FROM no_such_table");
        assertThat(missing[1]).contains("ERROR 1146 (42S02)");
        String[] noDatabase = run(TOKEN, "-e", "SELECT * FROM anything");
        assertThat(noDatabase[1]).contains("ERROR 1046 (3D000)");
    }
}
