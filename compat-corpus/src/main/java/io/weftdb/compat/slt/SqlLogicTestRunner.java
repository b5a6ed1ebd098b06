package io.weftdb.compat.slt;

import io.weftdb.compat.corpus.Target;
import io.weftdb.compat.corpus.WeftDbServers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs sqllogictest files against WeftDB: the engine in process (PostgreSQL dialect), or the real
 * server over the PostgreSQL or MySQL wire through pgjdbc or Connector/J. Each file gets a fresh
 * engine on RocksDB in a temporary directory, as upstream gives each file an empty database;
 * records run in order, and a failed record is counted and the file goes on.
 *
 * <p>Usage: {@code SqlLogicTestRunner <corpus-dir> [<glob relative to it> [<max records per file> [engine|pg|mysql]]]},
 * for example {@code SqlLogicTestRunner corpora/sqllogictest 'evidence/*.test' 1000 mysql}.
 */
public final class SqlLogicTestRunner {
    /** Long enough for any sane query on these small tables; stops a pathological plan from hanging the run. */
    static final int TIMEOUT_SECONDS = 10;
    static final String STATEMENT_TIMEOUT = "SET statement_timeout = '" + TIMEOUT_SECONDS + "s'";
    private static final int SHOWN_SQL_LENGTH = 200;

    /** Where the SQL runs, and the engine name {@code skipif}/{@code onlyif} conditions match. */
    public enum Mode {
        ENGINE("postgresql"),
        PG_WIRE("postgresql"),
        MYSQL_WIRE("mysql");

        private final String engineName;

        Mode(String engineName) {
            this.engineName = engineName;
        }

        public String engineName() {
            return engineName;
        }
    }

    private final LogicTestParser fileParser = new LogicTestParser();
    private final long maxRecordsPerFile;
    private final Mode mode;

    /** @param maxRecordsPerFile records run per file before moving on; {@code Long.MAX_VALUE} for all */
    public SqlLogicTestRunner(long maxRecordsPerFile) {
        this(maxRecordsPerFile, Mode.ENGINE);
    }

    public SqlLogicTestRunner(long maxRecordsPerFile, Mode mode) {
        this.maxRecordsPerFile = maxRecordsPerFile;
        this.mode = mode;
    }

    /** The {@code .test} files under {@code corpus} whose relative path matches {@code glob}, in path order. */
    public static List<Path> files(Path corpus, String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> paths = Files.walk(corpus)) {
            return paths.filter(path -> path.toString().endsWith(".test"))
                    .filter(path -> matcher.matches(corpus.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one file on a fresh database; {@code name} labels it in the report. */
    public FileReport run(Path file, String name) throws IOException {
        List<LogicTestRecord> records = fileParser.parse(file);
        try (SltConnection connection = open()) {
            return run(connection, records, name);
        }
    }

    private SltConnection open() throws IOException {
        if (mode == Mode.ENGINE) {
            return new EngineSltConnection();
        }
        try {
            WeftDbServers.JdbcServer server = WeftDbServers.startJdbc(mode == Mode.PG_WIRE ? Target.PG_EXTENDED_TEXT
                    : Target.MYSQL_TEXT);
            return new JdbcSltConnection(server.connection(), server.server());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not start the server: " + e.getMessage(), e);
        }
    }

    private FileReport run(SltConnection connection, List<LogicTestRecord> records, String name) {
        FileReport report = new FileReport(name);
        QueryChecker checker = new QueryChecker();
        for (LogicTestRecord record : records) {
            if (report.executed() >= maxRecordsPerFile) {
                break;
            }
            if (record.skippedFor(mode.engineName())) {
                if (record instanceof LogicTestRecord.Query query) {
                    checker.recordSkipped(query);
                }
                continue;
            }
            switch (record) {
                case LogicTestRecord.Halt halt -> {
                    return report;
                }
                case LogicTestRecord.HashThreshold threshold -> checker.hashThreshold(threshold.threshold());
                case LogicTestRecord.Statement statement -> runStatement(connection, statement, report);
                case LogicTestRecord.Query query -> runQuery(connection, query, checker, report);
            }
        }
        return report;
    }

    private void runStatement(SltConnection connection, LogicTestRecord.Statement statement, FileReport report) {
        try {
            connection.execute(statement.sql());
            if (statement.expectError()) {
                report.failed(FailureCause.WRONG_RESULT, failure(report, statement.line(), statement.sql(),
                        "expected an error but the statement succeeded"));
            } else {
                report.passed();
            }
        } catch (SltConnection.StatementFailure e) {
            if (statement.expectError()) {
                report.passed();
            } else {
                report.failed(e.failureCause(), failure(report, statement.line(), statement.sql(), e.getMessage()));
            }
        }
    }

    private void runQuery(SltConnection connection, LogicTestRecord.Query query, QueryChecker checker, FileReport report) {
        SltConnection.Answer answer;
        try {
            answer = connection.execute(query.sql());
        } catch (SltConnection.StatementFailure e) {
            report.failed(e.failureCause(), failure(report, query.line(), query.sql(), e.getMessage()));
            return;
        }
        if (answer == null || answer.columnCount() != query.columnTypes().size()) {
            String got = answer == null ? "no rows" : answer.columnCount() + " columns";
            report.failed(FailureCause.WRONG_RESULT, failure(report, query.line(), query.sql(),
                    "expected " + query.columnTypes().size() + " columns but got " + got));
            return;
        }
        List<String> values = new ArrayList<>();
        for (int row = 0; row < answer.rowCount(); row++) {
            for (int column = 0; column < answer.columnCount(); column++) {
                int r = row;
                int c = column;
                values.add(ValueFormatter.format(answer.value(row, column), query.columnTypes().get(column),
                        value -> answer.text(r, c)));
            }
        }
        Optional<String> mismatch = checker.check(query, values);
        if (mismatch.isEmpty()) {
            report.passed();
        } else {
            report.failed(FailureCause.WRONG_RESULT, failure(report, query.line(), query.sql(), mismatch.get()));
        }
    }

    private static FileReport.Failure failure(FileReport report, int line, String sql, String message) {
        String shown = sql.length() > SHOWN_SQL_LENGTH ? sql.substring(0, SHOWN_SQL_LENGTH) + "..." : sql;
        return new FileReport.Failure(report.name(), line, shown.replace('\n', ' '), String.valueOf(message));
    }

    /** Runs the files matching {@code glob} and prints the table to {@code out}. */
    public List<FileReport> runAll(Path corpus, String glob, PrintStream out) throws IOException {
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files(corpus, glob)) {
            String name = corpus.relativize(file).toString();
            long started = System.nanoTime();
            FileReport report = run(file, name);
            reports.add(report);
            out.printf("%-45s %8d %8d %6.1f%%  (%d s)%n", name, report.executed(), report.passedCount(),
                    report.passRate(), (System.nanoTime() - started) / 1_000_000_000L);
        }
        new RunSummary(reports).print(out);
        return reports;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SqlLogicTestRunner <corpus-dir> [<glob, default **>] [<max records per file>] [engine|pg|mysql]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        String glob = args.length > 1 ? args[1] : "**";
        long max = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        Mode mode = args.length > 3 ? switch (args[3].toLowerCase(Locale.ROOT)) {
            case "pg" -> Mode.PG_WIRE;
            case "mysql" -> Mode.MYSQL_WIRE;
            default -> Mode.ENGINE;
        } : Mode.ENGINE;
        new SqlLogicTestRunner(max, mode).runAll(corpus, glob, System.out);
    }
}
