package io.weftdb.compat.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weftdb.compat.CompatReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus against the real server through every driver and mode, compared with the matrix
 * committed in docs/: a change in what passes (a fix or a regression) without regenerating the
 * matrix with {@code weftdb compat --report-dir docs} fails here.
 */
class CompatMatrixIntegrationTest {
    /** Surefire runs in the module's directory; the corpus and docs/ are found from there. */
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DOCS = MODULE.getParent().resolve("docs");
    private static final String REGENERATE = "the committed status matrix is stale: regenerate it with "
            + "'./weftdb compat --report-dir docs' and commit docs/STATUS_MATRIX.md and docs/status-matrix.json";

    @Test
    void everyTargetRunsAFileThroughItsRealDriverAndListener() {
        CorpusFile file = new CorpusParser().parse(Scope.SHARED, "shared/smoke.test", """
                statement ok
                CREATE TABLE smoke (id INT PRIMARY KEY, name VARCHAR(10))

                statement ok
                INSERT INTO smoke VALUES (1, 'one'), (2, NULL)

                query IT
                SELECT id, name FROM smoke ORDER BY id
                ----
                1 | one
                2 | NULL

                statement error 23505 1062
                INSERT INTO smoke VALUES (1, 'again')
                """);

        List<CaseResult> results = new CorpusRunner(new WeftDbServers()).run(List.of(file), List.of(Target.values()));

        assertThat(results).hasSize(4 * Target.values().length)
                .allSatisfy(result -> assertThat(result.status()).as(result.target() + " " + result.detail())
                        .isEqualTo(CaseResult.Status.PASSED));
    }

    @Test
    void theCorpusMatchesTheCommittedStatusMatrix() throws IOException {
        StatusMatrix matrix = CompatReport.runCorpus(MODULE.resolve("corpus"));

        assertThat(matrix.notPassed())
                .as("cases failing without an expected-fail marker (a regression, or a case to mark)")
                .filteredOn(result -> result.status() == CaseResult.Status.FAILED)
                .isEmpty();
        String committedMarkdown = Files.readString(DOCS.resolve(CompatReport.MARKDOWN_FILE), StandardCharsets.UTF_8);
        int sqllogictest = committedMarkdown.indexOf(MatrixWriter.SQLLOGICTEST_HEADING);
        assertThat(sqllogictest).as("the sqllogictest heading in " + CompatReport.MARKDOWN_FILE).isNotNegative();
        assertThat(MatrixWriter.corpusMarkdown(matrix)).as(REGENERATE).isEqualTo(committedMarkdown.substring(0, sqllogictest));
        JsonNode committedJson = new ObjectMapper().readTree(DOCS.resolve(CompatReport.JSON_FILE).toFile());
        assertThat(MatrixWriter.corpusJson(matrix)).as(REGENERATE).isEqualTo(committedJson.get("corpus"));
    }
}
