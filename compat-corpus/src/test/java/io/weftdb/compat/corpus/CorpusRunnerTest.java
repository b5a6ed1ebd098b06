package io.weftdb.compat.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorpusRunnerTest {

    /** Answers "SELECT n" with n, anything else with an error; records which files ran where. */
    private static final class ScriptedSource implements ConnectionSource {
        final List<String> opened = new ArrayList<>();

        @Override
        public CorpusConnection open(Target target, CorpusFile file) {
            opened.add(file.name() + "@" + target.id());
            return new CorpusConnection() {
                @Override
                public Outcome run(String sql) {
                    if (sql.startsWith("SELECT ")) {
                        return new Outcome.Rows(List.of(List.of(sql.substring("SELECT ".length()))));
                    }
                    return new Outcome.Failed("42601", 1064, "syntax error");
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final CorpusParser parser = new CorpusParser();

    @Test
    void filesRunOnlyOnTheTargetsOfTheirFolder() {
        ScriptedSource source = new ScriptedSource();
        List<CorpusFile> files = List.of(
                parser.parse(Scope.SHARED, "shared/a.test", "query I\nSELECT 1\n----\n1\n"),
                parser.parse(Scope.PG, "pg/b.test", "query I\nSELECT 1\n----\n1\n"),
                parser.parse(Scope.MYSQL, "mysql/c.test", "query I\nSELECT 1\n----\n1\n"));

        new CorpusRunner(source).run(files, List.of(Target.PG_SIMPLE, Target.MYSQL_TEXT, Target.HTTP_MYSQL));

        assertThat(source.opened).containsExactly("shared/a.test@pg-simple", "shared/a.test@mysql-text",
                "shared/a.test@http-mysql", "pg/b.test@pg-simple", "mysql/c.test@mysql-text");
    }

    @Test
    void expectedFailMarkersApplyOnTheTargetsTheyNameAndNotWhenAReferenceDatabaseRuns() {
        CorpusFile file = parser.parse(Scope.SHARED, "shared/a.test", """
                query I
                SELECT 1
                ----
                1

                query I
                SELECT 2
                ----
                3

                expected-fail @mysql wrong on MySQL
                query I
                SELECT 4
                ----
                5

                expected-fail not implemented
                query I
                SELECT 6
                ----
                6
                """);

        List<CaseResult> results = new CorpusRunner(new ScriptedSource()).run(file, Target.MYSQL_TEXT);
        List<CaseResult> onPostgres = new CorpusRunner(new ScriptedSource()).run(file, Target.PG_SIMPLE);

        assertThat(results).extracting(CaseResult::status).containsExactly(CaseResult.Status.PASSED,
                CaseResult.Status.FAILED, CaseResult.Status.EXPECTED_FAILURE, CaseResult.Status.UNEXPECTED_PASS);
        assertThat(results.get(1).detail()).isEqualTo("expected [3], got [2]");
        assertThat(results.get(2).detail()).isEqualTo("wrong on MySQL");
        assertThat(onPostgres.get(2).status()).isEqualTo(CaseResult.Status.FAILED);

        // A reference database is judged by its answers alone: markers describe WeftDB's gaps.
        List<CaseResult> reference = new CorpusRunner(new ScriptedSource(), false).run(file, Target.MYSQL_TEXT);
        assertThat(reference).extracting(CaseResult::status).containsExactly(CaseResult.Status.PASSED,
                CaseResult.Status.FAILED, CaseResult.Status.FAILED, CaseResult.Status.PASSED);
    }

    @Test
    void aFileThatCannotConnectFailsEveryCaseWithTheReason() {
        CorpusFile file = parser.parse(Scope.SHARED, "shared/a.test", "statement ok\nCREATE\n\nquery I\nSELECT 1\n----\n1\n");
        ConnectionSource refusing = (target, ignored) -> {
            throw new java.io.IOException("connection refused");
        };

        List<CaseResult> results = new CorpusRunner(refusing).run(file, Target.HTTP_POSTGRES);

        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(CaseResult.Status.FAILED);
            assertThat(result.detail()).contains("connection refused");
        });
    }

    @Test
    void theMatrixCountsPerFeatureAndTargetAndListsWhatDidNotPass() {
        CorpusFile file = parser.parse(Scope.SHARED, "shared/joins.test", "query I\nSELECT 1\n----\n1\n\nquery I\nSELECT 2\n----\n3\n");
        List<Target> targets = List.of(Target.PG_SIMPLE, Target.HTTP_MYSQL);
        List<CaseResult> results = new CorpusRunner(new ScriptedSource()).run(List.of(file), targets);

        StatusMatrix matrix = StatusMatrix.of(List.of(file), targets, results);
        String markdown = MatrixWriter.markdown(matrix, Optional.of(new SqlLogicTestFigure(List.of("select1.test"), 1, 10, 9)));

        assertThat(matrix.features()).singleElement().satisfies(feature -> assertThat(feature.counts())
                .isEqualTo(Map.of(Target.PG_SIMPLE, new TargetCounts(1, 1, 0, 0), Target.HTTP_MYSQL, new TargetCounts(1, 1, 0, 0))));
        assertThat(markdown).contains("| shared/joins | 1/2 | 1/2 |", "| **total** | **1/2** | **1/2** |",
                "- `shared/joins.test:6` on all targets: expected [3], got [2]", "| 1 | 10 | 9 | 90.0% |");
        assertThat(MatrixWriter.corpusMarkdown(matrix)).isEqualTo(markdown.substring(0, markdown.indexOf(MatrixWriter.SQLLOGICTEST_HEADING)));
        assertThat(MatrixWriter.json(matrix, Optional.empty())).contains("\"sqllogictest\" : null", "\"failed\" : 1");
    }

    @Test
    void theClientRunOfClientsShIsCountedPerClientInBothReports(@org.junit.jupiter.api.io.TempDir java.nio.file.Path docs)
            throws Exception {
        java.nio.file.Files.writeString(docs.resolve(ClientMatrix.FILE), """
                {"date": "2026-11-21", "scenarios": [
                  {"client": "psql", "scenario": "a", "result": "pass", "detail": ""},
                  {"client": "psql", "scenario": "b", "result": "fail", "detail": "boom"},
                  {"client": "PyMySQL", "scenario": "c", "result": "pass", "detail": ""}]}
                """);
        Optional<ClientMatrix> clients = ClientMatrix.read(docs);
        StatusMatrix matrix = StatusMatrix.of(List.of(), List.of(Target.PG_SIMPLE), List.of());

        assertThat(MatrixWriter.markdown(matrix, Optional.empty(), clients))
                .contains("## Clients", "run of 2026-11-21", "| psql | 1/2 |", "| PyMySQL | 1/1 |");
        assertThat(MatrixWriter.json(matrix, Optional.empty(), clients))
                .contains("\"client\" : \"psql\"", "\"passed\" : 1", "\"detail\" : \"boom\"");
        assertThat(ClientMatrix.read(docs.resolve("elsewhere"))).isEmpty();
    }
}
