package io.weftdb.compat;

import io.weftdb.compat.corpus.CaseResult;
import io.weftdb.compat.corpus.ClientMatrix;
import io.weftdb.compat.corpus.CorpusFile;
import io.weftdb.compat.corpus.CorpusParser;
import io.weftdb.compat.corpus.CorpusRunner;
import io.weftdb.compat.corpus.MatrixWriter;
import io.weftdb.compat.corpus.SqlLogicTestFigure;
import io.weftdb.compat.corpus.StatusMatrix;
import io.weftdb.compat.corpus.Target;
import io.weftdb.compat.corpus.WeftDbServers;
import io.weftdb.compat.slt.FileReport;
import io.weftdb.compat.slt.RunSummary;
import io.weftdb.compat.slt.SqlLogicTestRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs everything the status matrix reports: the golden corpus through every protocol against the
 * real server, and the default selection of SQLite's sqllogictest corpus when it is present; then
 * writes {@code STATUS_MATRIX.md} and {@code status-matrix.json} into the report directory.
 */
public final class CompatReport {
    public static final String MARKDOWN_FILE = "STATUS_MATRIX.md";
    public static final String JSON_FILE = "status-matrix.json";
    /** The sqllogictest files the report runs: the same quick selection as the module's test. */
    public static final List<String> SQLLOGICTEST_GLOBS = List.of("evidence/*.test", "select1.test");

    private CompatReport() {
    }

    /** The status matrix committed in docs/ when this build was made, as JSON; empty in a build without it. */
    public static Optional<String> packagedMatrix() {
        try (var in = CompatReport.class.getResourceAsStream(JSON_FILE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The corpus run through every target, as the matrix. */
    public static StatusMatrix runCorpus(Path corpus) throws IOException {
        List<CorpusFile> files = new CorpusParser().parseCorpus(corpus);
        if (files.isEmpty()) {
            throw new IOException("no corpus files (*.test) under " + corpus.resolve("shared") + ", "
                    + corpus.resolve("pg") + " or " + corpus.resolve("mysql"));
        }
        List<Target> targets = List.of(Target.values());
        List<CaseResult> results = new CorpusRunner(new WeftDbServers()).run(files, targets);
        return StatusMatrix.of(files, targets, results);
    }

    /** The sqllogictest figure, or empty when the corpus directory is absent. Per-file progress is not printed. */
    public static Optional<SqlLogicTestFigure> runSqlLogicTest(Optional<Path> directory) throws IOException {
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return Optional.empty();
        }
        SqlLogicTestRunner runner = new SqlLogicTestRunner(Long.MAX_VALUE);
        List<FileReport> reports = new ArrayList<>();
        for (String glob : SQLLOGICTEST_GLOBS) {
            reports.addAll(runner.runAll(directory.get(), glob, new PrintStream(OutputStream.nullOutputStream())));
        }
        FileReport total = new RunSummary(reports).total();
        return Optional.of(new SqlLogicTestFigure(SQLLOGICTEST_GLOBS, reports.size(), total.executed(), total.passedCount()));
    }

    /** Runs both and writes the two report files; returns the matrix. */
    public static StatusMatrix generate(Path corpus, Path reportDirectory, Optional<Path> sqllogictest, PrintWriter log)
            throws IOException {
        log.println("running the corpus in " + corpus + " on " + Target.values().length + " targets...");
        StatusMatrix matrix = runCorpus(corpus);
        if (sqllogictest.isPresent() && Files.isDirectory(sqllogictest.get())) {
            log.println("running sqllogictest " + String.join(", ", SQLLOGICTEST_GLOBS) + " from " + sqllogictest.get() + "...");
        } else {
            log.println("sqllogictest corpus not found" + sqllogictest.map(path -> " at " + path).orElse("") + "; its figure is left out");
        }
        Optional<SqlLogicTestFigure> figure = runSqlLogicTest(sqllogictest);
        Files.createDirectories(reportDirectory);
        Optional<ClientMatrix> clients = ClientMatrix.read(reportDirectory);
        log.println(clients.isPresent() ? "including the client matrix of " + clients.get().date() + " from "
                + reportDirectory.resolve(ClientMatrix.FILE) : "no " + ClientMatrix.FILE + " in " + reportDirectory
                + " (compat-corpus/clients.sh writes it); the client part is left out");
        Files.writeString(reportDirectory.resolve(MARKDOWN_FILE), MatrixWriter.markdown(matrix, figure, clients),
                StandardCharsets.UTF_8);
        Files.writeString(reportDirectory.resolve(JSON_FILE), MatrixWriter.json(matrix, figure, clients), StandardCharsets.UTF_8);
        for (Target target : matrix.targets()) {
            var total = matrix.total(target);
            log.printf("%-20s %4d/%-4d passing, %d failing, %d expected failures%n", target.id(), total.passing(),
                    total.total(), total.failed(), total.expectedFailures());
        }
        figure.ifPresent(f -> log.printf("sqllogictest: %d of %d records passed%n", f.passed(), f.executed()));
        log.println("wrote " + reportDirectory.resolve(MARKDOWN_FILE) + " and " + reportDirectory.resolve(JSON_FILE));
        return matrix;
    }
}
