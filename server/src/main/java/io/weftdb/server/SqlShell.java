package io.weftdb.server;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded shell behind {@code weftdb sql}: parses PostgreSQL-dialect SQL, runs it on a session
 * of an engine opened on the data directory, and prints what psql would print.
 *
 * <p>Text given with {@code -e} is parsed as a whole (as psql sends a {@code -c} string in one
 * message, so a syntax error anywhere runs none of it). Files and standard input are read line by
 * line and run each time the lines read end a statement, as psql does: a syntax error then only
 * costs the statements it is in, and error positions count from the statement's first line.
 */
final class SqlShell {

    /** What the command line asked for. */
    record Options(Path dataDirectory, boolean syncCommits, boolean onErrorStop, boolean verboseErrors) {
    }

    /**
     * Where statements come from: the {@code -e} texts, then the {@code -f} file ({@code fileText}
     * read already, or null with {@code fileName} "-" for standard input), or else standard input.
     */
    record Input(List<String> commands, String fileName, String fileText, InputStream stdin, boolean interactive) {
        boolean readsStdin() {
            return "-".equals(fileName) || (commands.isEmpty() && fileName == null);
        }
    }

    private static final List<String> TAGS_SHOWN_AFTER_ROWS = List.of("INSERT", "UPDATE", "DELETE", "MERGE");

    private final Session session;
    private final PostgresSqlParser parser = new PostgresSqlParser();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Options options;
    /** Set when --on-error-stop met an error: nothing more runs. */
    private boolean stopped;

    private SqlShell(Session session, Options options, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Opens storage, engine and session, runs the input, closes them; returns the exit code. */
    static int run(Options options, Input input, PrintWriter out, PrintWriter err) {
        RocksStorage storage;
        try {
            storage = RocksStorage.open(options.dataDirectory(), RocksStorageOptions.defaults());
        } catch (StorageException e) {
            err.println("weftdb sql: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        try (storage) {
            Engine engine;
            try {
                engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(options.syncCommits()));
            } catch (StorageException e) {
                err.println("weftdb sql: " + e.getMessage());
                return ExitCodes.CANNOT_START;
            }
            try (engine; Session session = engine.openSession(SessionOptions.defaults())) {
                SqlShell shell = new SqlShell(session, options, out, err);
                shell.runAll(input);
                return shell.stopped ? ExitCodes.SCRIPT_ERROR : ExitCodes.OK;
            }
        }
    }

    private void runAll(Input input) {
        for (String command : input.commands()) {
            runScript(command);
            if (stopped) {
                return;
            }
        }
        if (input.fileText() != null) {
            runLines(new BufferedReader(new StringReader(input.fileText())), false);
        } else if (input.readsStdin()) {
            if (input.interactive()) {
                out.println("WeftDB " + VersionProvider.version() + " on " + options.dataDirectory().toAbsolutePath().normalize()
                        + ". Statements end with ';'; \\q quits.");
            }
            runLines(new BufferedReader(new InputStreamReader(input.stdin(), StandardCharsets.UTF_8)), input.interactive());
        }
    }

    /** Reads lines, running the buffer each time it ends with a statement-ending semicolon. */
    private void runLines(BufferedReader reader, boolean interactive) {
        StatementBuffer buffer = new StatementBuffer();
        try {
            while (!stopped) {
                if (interactive) {
                    out.print("weftdb" + buffer.continuationMarker() + "> ");
                    out.flush();
                }
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                if (buffer.isEmpty() && line.strip().startsWith("\\")) {
                    if (isQuit(line.strip())) {
                        return;
                    }
                    reportFailure("invalid command " + line.strip().split("\\s+")[0] + " (the shell knows only \\q)\n");
                    continue;
                }
                buffer.appendLine(line);
                if (buffer.isComplete()) {
                    runScript(buffer.take());
                }
            }
            if (interactive) {
                out.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!stopped && !buffer.isEmpty()) {
            runScript(buffer.take()); // psql runs an unterminated last statement at the end of input
        }
    }

    private static boolean isQuit(String command) {
        return command.equals("\\q") || command.startsWith("\\q ");
    }

    /** Parses a text holding any number of statements and runs them one after the other. */
    private void runScript(String script) {
        List<ParsedStatement> statements;
        try {
            statements = parser.parse(script);
        } catch (SqlException e) {
            reportError(e, script);
            return;
        }
        for (ParsedStatement statement : statements) {
            execute(statement, script);
            if (stopped) {
                return;
            }
        }
    }

    private void execute(ParsedStatement statement, String script) {
        try {
            StatementResult result = session.execute(statement.statement(), List.of());
            String printed = switch (result) {
                case CommandResult command -> tagLine(command.commandTag());
                case RowResult rows -> formatRows(rows);
            };
            printNotices();
            out.print(printed);
        } catch (SqlException e) {
            printNotices();
            reportError(e, script);
        } catch (StorageException e) {
            printNotices();
            reportFailure("ERROR:  " + e.getMessage() + '\n');
        } catch (RuntimeException e) {
            printNotices();
            reportFailure(ErrorReport.formatUnexpected(e));
        }
        out.flush();
    }

    /** The table, then the command tag for INSERT/UPDATE/DELETE ... RETURNING, as psql does. */
    private static String formatRows(RowResult rows) {
        try {
            List<ResultColumn> columns = rows.columns();
            List<String> names = new ArrayList<>(columns.size());
            List<ResultTablePrinter.Alignment> alignments = new ArrayList<>(columns.size());
            for (ResultColumn column : columns) {
                names.add(column.name());
                alignments.add(column.type().kind().isNumeric()
                        ? ResultTablePrinter.Alignment.RIGHT
                        : ResultTablePrinter.Alignment.LEFT);
            }
            List<List<String>> texts = new ArrayList<>();
            while (rows.next()) {
                Object[] row = rows.row();
                String[] text = new String[columns.size()];
                for (int i = 0; i < text.length; i++) {
                    text[i] = TextFormat.format(row[i], columns.get(i).type());
                }
                texts.add(Arrays.asList(text));
            }
            String table = ResultTablePrinter.format(names, alignments, texts);
            String tag = rows.commandTag();
            boolean showTag = TAGS_SHOWN_AFTER_ROWS.stream().anyMatch(tag::startsWith);
            return showTag ? table + tagLine(tag) : table;
        } finally {
            rows.close();
        }
    }

    private static String tagLine(String tag) {
        return tag == null || tag.isEmpty() ? "" : tag + '\n';
    }

    private void printNotices() {
        for (Notice notice : session.takeNotices()) {
            err.println(notice.severity() + ":  " + notice.message());
        }
        err.flush();
    }

    private void reportError(SqlException error, String script) {
        reportFailure(ErrorReport.format(error, script, options.verboseErrors()));
    }

    private void reportFailure(String text) {
        out.flush();
        err.print(text);
        err.flush();
        if (options.onErrorStop()) {
            stopped = true;
        }
    }
}
