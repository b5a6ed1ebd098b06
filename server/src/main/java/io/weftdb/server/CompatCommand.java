package io.weftdb.server;

import io.weftdb.compat.CompatReport;
import io.weftdb.compat.DifferentialReport;
import io.weftdb.compat.corpus.ReferenceServers;
import io.weftdb.compat.corpus.CaseResult;
import io.weftdb.compat.corpus.CorpusFormatException;
import io.weftdb.compat.corpus.StatusMatrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weftdb compat}: runs the compatibility corpus through every protocol against a real server
 * started in this process (and SQLite's sqllogictest selection when its corpus is present), then
 * writes the status matrix (docs/compat.md).
 */
@Command(
        name = "compat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the compatibility corpus on PostgreSQL wire, MySQL wire and HTTP and writes the status matrix",
            "(STATUS_MATRIX.md and status-matrix.json). Paths default to those of the source tree, run from its top."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the matrix was written and every case passed or failed as its expected-fail marker says",
            "1:the matrix was written, but some cases fail without a marker (listed under Failing cases)",
            "2:the corpus directory is missing or a corpus file is malformed"
        })
final class CompatCommand implements Callable<Integer> {
    /**
     * Each file runs on a server of its own; Undertow and XNIO would log every start and stop. Held
     * here because the logging framework keeps loggers only weakly, and would drop the level.
     */
    private static final List<Logger> SERVER_LOGGERS = Stream.of("io.undertow", "org.xnio").map(Logger::getLogger).toList();

    @Spec
    CommandSpec spec;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "docs",
            description = "Where STATUS_MATRIX.md and status-matrix.json are written (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "compat-corpus/corpus",
            description = "The corpus: shared/, pg/ and mysql/ folders of *.test files (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--sqllogictest", paramLabel = "DIR", defaultValue = "../shared/corpora/sqllogictest",
            description = "SQLite's sqllogictest corpus; left out of the report when absent (default: ${DEFAULT-VALUE}).")
    Path sqllogictest;

    @Option(names = "--against-postgres", paramLabel = "HOST:PORT",
            description = "Differential run: send the corpus to this PostgreSQL (user postgres, which may drop and create "
                    + "databases) instead of WeftDB, and write DIFFERENTIAL.md; compat-corpus/differential.sh starts one.")
    String againstPostgres;

    @Option(names = "--against-mariadb", paramLabel = "HOST:PORT",
            description = "Differential run: send the corpus to this MariaDB or MySQL (user root, no password) as well.")
    String againstMariadb;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SERVER_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        if (!Files.isDirectory(corpus)) {
            err.println("weftdb compat: no corpus directory at " + corpus + " (give --corpus DIR)");
            return ExitCodes.CANNOT_START;
        }
        if (againstPostgres != null || againstMariadb != null) {
            try {
                List<CaseResult> disagreements = DifferentialReport.generate(corpus, new ReferenceServers(
                        Optional.ofNullable(againstPostgres), Optional.ofNullable(againstMariadb)), reportDirectory, out);
                out.println(disagreements.size() + " disagreement(s), listed in " + reportDirectory.resolve(DifferentialReport.MARKDOWN_FILE));
                return ExitCodes.OK;
            } catch (IOException | CorpusFormatException e) {
                err.println("weftdb compat: " + e.getMessage());
                return ExitCodes.CANNOT_START;
            }
        }
        StatusMatrix matrix;
        try {
            matrix = CompatReport.generate(corpus, reportDirectory, Optional.of(sqllogictest), out);
        } catch (IOException | CorpusFormatException e) {
            err.println("weftdb compat: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        long failing = matrix.notPassed().stream().filter(result -> result.status() == CaseResult.Status.FAILED).count();
        if (failing > 0) {
            err.println("weftdb compat: " + failing + " case(s) fail without an expected-fail marker");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
