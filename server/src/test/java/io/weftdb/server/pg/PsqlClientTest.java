package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The psql command-line client against {@code weftdb serve} with WEFTDB_TOKEN set: TLS required,
 * the password from PGPASSWORD, a script with DDL, DML, \copy both ways and an error. Skipped when
 * psql (Debian package postgresql-client) is not installed.
 */
class PsqlClientTest {
    private static final String TOKEN = "psql-token";

    @TempDir
    static Path directory;
    private static ServerProcess server;
    private static Path psql;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<Path> found = ExternalClient.find("psql");
        assumeTrue(found.isPresent(), "psql is not installed (Debian package postgresql-client): skipping the psql tests");
        psql = found.get();
        server = ServerProcess.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Run psql(Path workingDirectory, String password, String connection, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(psql.toString(), "-X", "--no-psqlrc", "-d", connection));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(Map.of("PGCONNECT_TIMEOUT", "30", "PGAPPNAME", "psql-test"));
        environment.put("PGPASSWORD", password);
        return ExternalClient.run(command, workingDirectory, environment);
    }

    private static String connection(String host, String options) {
        return "host=" + host + " port=" + server.port() + " user=alice dbname=postgres " + options;
    }

    @Test
    void aScriptCreatesInsertsSelectsCopiesInAndOutAndReportsErrorsWithLineAndCaret(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("in.csv"), "3,plum,0.75\n4,\"fig, dried\",3.10\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("script.sql"), """
                CREATE TABLE fruit (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2));
                INSERT INTO fruit VALUES (1, 'apple', 1.50), (2, 'pear', 2.25);
                \\copy fruit FROM 'in.csv' WITH (FORMAT csv)
                SELECT id, name, price FROM fruit ORDER BY id;
                \\copy (SELECT id, name FROM fruit WHERE price > 1 ORDER BY id) TO 'out.csv' WITH (FORMAT csv, HEADER)
                SELECT name
                FROM fruit WHERE id = 1 AND nosuchcolumn = 2;
                SELECT count(*) AS fruits FROM fruit;
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = psql(work, TOKEN, connection("127.0.0.1", "sslmode=require"), "-v", "ON_ERROR_STOP=0",
                "-f", "script.sql");

        assertThat(run.output()).contains("CREATE TABLE", "INSERT 0 2", "COPY 2")
                .contains("""
                         id |    name    | price\s
                        ----+------------+-------
                          1 | apple      |  1.50
                          2 | pear       |  2.25
                          3 | plum       |  0.75
                          4 | fig, dried |  3.10
                        (4 rows)
                        """)
                .contains("COPY 3")
                .contains("""
                        psql:script.sql:7: ERROR:  column "nosuchcolumn" does not exist
                        LINE 2: FROM fruit WHERE id = 1 AND nosuchcolumn = 2;
                                                            ^
                        """)
                .contains("""
                         fruits\s
                        --------
                              4
                        (1 row)
                        """);
        assertThat(work.resolve("out.csv")).content(StandardCharsets.UTF_8)
                .isEqualTo("id,name\n1,apple\n2,pear\n4,\"fig, dried\"\n");
    }

    @Test
    void theConnectionIsEncryptedAndScramBindsItToTheVerifiedCertificate(@TempDir Path work) throws Exception {
        String options = "sslmode=verify-full sslrootcert=" + server.generatedCertificate() + " channel_binding=require";

        ExternalClient.Run run = psql(work, TOKEN, connection("localhost", options), "-c", "\\conninfo", "-c", "SELECT 1 AS one");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SSL connection (protocol: TLSv1.3").contains("(1 row)");
    }

    @Test
    void aWrongPasswordEndsWithPasswordAuthenticationFailed(@TempDir Path work) throws Exception {
        ExternalClient.Run run = psql(work, "wrong", connection("127.0.0.1", "sslmode=require"), "-c", "SELECT 1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("FATAL:  password authentication failed for user \"alice\"");
    }
}
