package io.weftdb.compat.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the sqllogictest corpus that sits beside the checkout (system property {@code sqllogictest.dir}).
 * By default only {@code evidence/} and {@code select1.test}, to keep the build quick;
 * {@code -Dsqllogictest.files=<glob>} picks others and {@code -Dsqllogictest.full=true} runs them all.
 * The pass rate is printed, not asserted: the engine is young and the rate is a measure, not a gate.
 */
class SqlLogicTestCorpusTest {

    /** In process, then over the PostgreSQL wire (pgjdbc) and the MySQL wire (Connector/J, MySQL dialect). */
    @ParameterizedTest
    @EnumSource(SqlLogicTestRunner.Mode.class)
    void runsTheSelectedCorpusFilesAndCountsEveryRecord(SqlLogicTestRunner.Mode mode) throws IOException {
        String directory = System.getProperty("sqllogictest.dir");
        Assumptions.assumeTrue(directory != null && Files.isDirectory(Path.of(directory)),
                "sqllogictest corpus not found at " + directory + " (set -Dsqllogictest.dir); skipping");
        Path corpus = Path.of(directory);
        List<String> globs = Boolean.getBoolean("sqllogictest.full") ? List.of("**")
                : System.getProperty("sqllogictest.files") != null ? List.of(System.getProperty("sqllogictest.files"))
                : List.of("evidence/*.test", "select1.test");

        List<FileReport> reports = new ArrayList<>();
        SqlLogicTestRunner runner = new SqlLogicTestRunner(Long.MAX_VALUE, mode);
        System.out.println("sqllogictest through " + mode);
        for (String glob : globs) {
            reports.addAll(runner.runAll(corpus, glob, System.out));
        }

        FileReport total = new RunSummary(reports).total();
        assertThat(reports).isNotEmpty();
        assertThat(total.executed()).isPositive();
        long failed = 0;
        for (FailureCause cause : FailureCause.values()) {
            failed += total.failures(cause);
        }
        assertThat(total.passedCount() + failed).isEqualTo(total.executed());
    }

    /** The runner against the real engine reproduces select1.test's hash for a query the engine can answer. */
    @Test
    void runnerPassesAHashedQueryTheEngineAnswersCorrectly(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("select1-hashed-query.test");
        Files.writeString(file, QueryCheckerTest.resource("select1-hashed-query.test"), StandardCharsets.ISO_8859_1);

        FileReport report = new SqlLogicTestRunner(Long.MAX_VALUE).run(file, "select1-hashed-query.test");

        assertThat(report.executed()).isEqualTo(32);
        assertThat(report.passedCount()).isEqualTo(32);
    }

    @Test
    void summaryGroupsFilesByFolder() {
        FileReport first = new FileReport("random/expr/a.test");
        first.passed();
        FileReport second = new FileReport("select1.test");
        second.failed(FailureCause.PARSE_ERROR, new FileReport.Failure("select1.test", 3, "SELEC", "syntax error"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RunSummary summary = new RunSummary(List.of(first, second));
        summary.print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(summary.byFolder()).containsOnlyKeys("random/expr", "select");
        assertThat(summary.total().executed()).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("PARSE_ERROR: 1", "select1.test:3");
    }
}
