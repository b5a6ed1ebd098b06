package io.weftdb.compat.slt;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs sqllogictest files against the in-process engine with the PostgreSQL dialect. Each file gets
 * a fresh engine on RocksDB in a temporary directory, as upstream gives each file an empty database;
 * records run in order, and a failed record is counted and the file goes on.
 *
 * <p>Usage: {@code SqlLogicTestRunner <corpus-dir> [<glob relative to it> [<max records per file>]]},
 * for example {@code SqlLogicTestRunner corpora/sqllogictest 'evidence/*.test' 1000}.
 */
public final class SqlLogicTestRunner {
    /** The engine name conditions are matched against: we speak PostgreSQL's dialect. */
    public static final String ENGINE_NAME = "postgresql";
    /** Long enough for any sane query on these small tables; stops a pathological plan from hanging the run. */
    private static final String STATEMENT_TIMEOUT = "SET statement_timeout = '10s'";
    private static final int SHOWN_SQL_LENGTH = 200;

    private final PostgresSqlParser parser = new PostgresSqlParser();
    private final LogicTestParser fileParser = new LogicTestParser();
    private final long maxRecordsPerFile;

    /** @param maxRecordsPerFile records run per file before moving on; {@code Long.MAX_VALUE} for all */
    public SqlLogicTestRunner(long maxRecordsPerFile) {
        this.maxRecordsPerFile = maxRecordsPerFile;
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
        Path directory = Files.createTempDirectory("weftdb-slt-");
        try (RocksStorage storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
                Engine engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(false));
                Session session = engine.openSession(SessionOptions.defaults())) {
            execute(session, STATEMENT_TIMEOUT);
            return run(session, records, name);
        } finally {
            deleteRecursively(directory);
        }
    }

    private FileReport run(Session session, List<LogicTestRecord> records, String name) {
        FileReport report = new FileReport(name);
        QueryChecker checker = new QueryChecker();
        for (LogicTestRecord record : records) {
            if (report.executed() >= maxRecordsPerFile) {
                break;
            }
            if (record.skippedFor(ENGINE_NAME)) {
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
                case LogicTestRecord.Statement statement -> runStatement(session, statement, report);
                case LogicTestRecord.Query query -> runQuery(session, query, checker, report);
            }
        }
        return report;
    }

    private void runStatement(Session session, LogicTestRecord.Statement statement, FileReport report) {
        try {
            execute(session, statement.sql());
            if (statement.expectError()) {
                report.failed(FailureCause.WRONG_RESULT, failure(report, statement.line(), statement.sql(),
                        "expected an error but the statement succeeded"));
            } else {
                report.passed();
            }
        } catch (StatementFailure e) {
            if (statement.expectError()) {
                report.passed();
            } else {
                report.failed(e.failureCause, failure(report, statement.line(), statement.sql(), e.getMessage()));
            }
        }
    }

    private void runQuery(Session session, LogicTestRecord.Query query, QueryChecker checker, FileReport report) {
        QueryAnswer answer;
        try {
            answer = execute(session, query.sql());
        } catch (StatementFailure e) {
            report.failed(e.failureCause, failure(report, query.line(), query.sql(), e.getMessage()));
            return;
        }
        if (answer == null || answer.columnCount() != query.columnTypes().size()) {
            String got = answer == null ? "no rows" : answer.columnCount() + " columns";
            report.failed(FailureCause.WRONG_RESULT, failure(report, query.line(), query.sql(),
                    "expected " + query.columnTypes().size() + " columns but got " + got));
            return;
        }
        List<String> values = new ArrayList<>();
        for (Object[] row : answer.rows()) {
            for (int column = 0; column < row.length; column++) {
                ResultColumn type = answer.columns().get(column);
                values.add(ValueFormatter.format(row[column], query.columnTypes().get(column),
                        value -> TextFormat.format(value, type.type())));
            }
        }
        Optional<String> mismatch = checker.check(query, values);
        if (mismatch.isEmpty()) {
            report.passed();
        } else {
            report.failed(FailureCause.WRONG_RESULT, failure(report, query.line(), query.sql(), mismatch.get()));
        }
    }

    /** Runs every statement in {@code sql}; returns the last one's rows, or null when it returned none. */
    private QueryAnswer execute(Session session, String sql) {
        List<ParsedStatement> statements;
        try {
            statements = parser.parse(sql);
        } catch (SqlException e) {
            throw new StatementFailure(e.code() == ErrorCode.FEATURE_NOT_SUPPORTED
                    ? FailureCause.UNSUPPORTED_FEATURE : FailureCause.PARSE_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            throw new StatementFailure(FailureCause.INTERNAL_ERROR, "parser: " + e);
        }
        QueryAnswer answer = null;
        for (ParsedStatement parsed : statements) {
            try {
                StatementResult result = session.execute(parsed.statement(), List.of());
                answer = result instanceof RowResult rows ? QueryAnswer.drain(rows) : null;
            } catch (SqlException e) {
                throw new StatementFailure(causeOf(e.code()), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                throw new StatementFailure(FailureCause.INTERNAL_ERROR, e.toString());
            }
        }
        return answer;
    }

    private static FailureCause causeOf(ErrorCode code) {
        return switch (code) {
            case FEATURE_NOT_SUPPORTED -> FailureCause.UNSUPPORTED_FEATURE;
            case SYNTAX_ERROR, STATEMENT_TOO_COMPLEX -> FailureCause.PARSE_ERROR;
            case QUERY_CANCELED -> FailureCause.TIMEOUT;
            case INTERNAL_ERROR -> FailureCause.INTERNAL_ERROR;
            default -> FailureCause.OTHER_ERROR;
        };
    }

    private static FileReport.Failure failure(FileReport report, int line, String sql, String message) {
        String shown = sql.length() > SHOWN_SQL_LENGTH ? sql.substring(0, SHOWN_SQL_LENGTH) + "..." : sql;
        return new FileReport.Failure(report.name(), line, shown.replace('\n', ' '), String.valueOf(message));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
            System.err.println("usage: SqlLogicTestRunner <corpus-dir> [<glob, default **>] [<max records per file>]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        String glob = args.length > 1 ? args[1] : "**";
        long max = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        new SqlLogicTestRunner(max).runAll(corpus, glob, System.out);
    }

    /** A statement's failure on its way to the record that ran it, already classified. */
    private static final class StatementFailure extends RuntimeException {
        private final FailureCause failureCause;

        StatementFailure(FailureCause cause, String message) {
            super(message, null, false, false);
            this.failureCause = cause;
        }
    }

    /** The columns and every row of a result, pulled eagerly so the statement ends before checking. */
    private record QueryAnswer(List<ResultColumn> columns, List<Object[]> rows) {
        static QueryAnswer drain(RowResult result) {
            try (result) {
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(result.row().clone());
                }
                return new QueryAnswer(result.columns(), rows);
            }
        }

        int columnCount() {
            return columns.size();
        }
    }
}
