package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weftdb compat} writing the status matrix, and {@code GET /v1/compat} serving the one packaged with the build. */
class CompatCommandAndEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private Path corpus(String sharedFile) throws Exception {
        Path corpus = directory.resolve("corpus");
        Files.createDirectories(corpus.resolve("shared"));
        Files.writeString(corpus.resolve("shared/basics.test"), sharedFile, StandardCharsets.UTF_8);
        return corpus;
    }

    @Test
    void compatRunsTheCorpusOnEveryProtocolAndWritesTheMatrix() throws Exception {
        Path corpus = corpus("""
                statement ok
                CREATE TABLE t (id INT PRIMARY KEY)

                expected-fail @mysql-text a marker that applies to one target
                query I
                SELECT COUNT(*) FROM t
                ----
                1
                """);
        Path reports = directory.resolve("reports");

        WeftdbCommand.Result result = WeftdbCommand.run("compat", "--corpus", corpus.toString(), "--report-dir", reports.toString(),
                "--sqllogictest", directory.resolve("absent").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.err()).contains("6 case(s) fail without an expected-fail marker");
        String markdown = Files.readString(reports.resolve("STATUS_MATRIX.md"));
        assertThat(markdown).contains("| shared/basics | 1/2 | 1/2 | 1/2 | 1/2 | 1/2 | 1/2 | 1/2 |",
                "- `shared/basics.test:5` on pg-simple, pg-extended-text, pg-extended-binary, mysql-prepared, http-postgres, http-mysql: expected [1], got [0]",
                "- `shared/basics.test:5` on mysql-text: a marker that applies to one target",
                "Not run: SQLite's sqllogictest corpus was not found");
        JsonNode json = JSON.readTree(reports.resolve("status-matrix.json").toFile());
        assertThat(json.at("/corpus/totals/http-mysql/expectedFailures").asInt()).isZero();
        assertThat(json.at("/corpus/totals/mysql-text/expectedFailures").asInt()).isOne();
        assertThat(json.get("sqllogictest").isNull()).isTrue();
    }

    @Test
    void compatExplainsAMissingCorpusAndAMalformedFile() throws Exception {
        WeftdbCommand.Result missing = WeftdbCommand.run("compat", "--corpus", directory.resolve("nowhere").toString(),
                "--report-dir", directory.toString());
        Path malformed = corpus("query Q\nSELECT 1\n----\n1\n");
        WeftdbCommand.Result bad = WeftdbCommand.run("compat", "--corpus", malformed.toString(), "--report-dir", directory.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("weftdb compat: no corpus directory at");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("shared/basics.test:1: unknown column type 'Q'");
    }

    @Test
    void theHttpApiServesThePackagedStatusMatrix() throws Exception {
        try (ServedWeftDb server = new ServedWeftDb(directory.resolve("data"), "256m")) {
            HttpResponse<String> response = server.client().send(server.request("/v1/compat").GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode matrix = JSON.readTree(response.body());
            assertThat(matrix.get("targets").findValuesAsText("id")).containsExactly("pg-simple", "pg-extended-text",
                    "pg-extended-binary", "mysql-text", "mysql-prepared", "http-postgres", "http-mysql");
            assertThat(matrix.at("/corpus/features").size()).isPositive();
            assertThat(matrix.at("/corpus/totals/pg-simple/passed").asInt()).isPositive();
        }
    }
}
