package io.weftdb.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weftdb sql}: a psql-like shell running SQL directly on a data directory, no server involved. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs SQL (PostgreSQL dialect) directly on a data directory, without a server, and prints the results "
                    + "as psql does.",
            "Statements come from -e, then -f, or else from standard input; each ends with ';'. "
                    + "After a failing statement the shell goes on with the next one unless --on-error-stop is given.",
            "The data directory must not be in use by a running server."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (failing statements included, as psql does)",
            "1:the -f file cannot be read, or an unexpected failure",
            "2:bad option, or data directory unusable or locked",
            "3:a statement failed and --on-error-stop was given"
        })
final class SqlCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = {"-e", "--execute", "-c"}, paramLabel = "SQL",
            description = "SQL to run; repeatable. Each one is run as a whole, as psql -c does: a syntax error anywhere "
                    + "in it runs none of it.")
    List<String> commands = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "SQL script to run, statement after statement ('-' reads standard input).")
    Path file;

    @Option(names = "--on-error-stop",
            description = "Stop at the first failing statement and exit with code 3 (psql's ON_ERROR_STOP).")
    boolean onErrorStop;

    @Option(names = "--verbose-errors",
            description = "Show the SQLSTATE code in error messages, e.g. 'ERROR:  42P01: relation \"x\" does not exist'.")
    boolean verboseErrors;

    @Override
    public Integer call() {
        String script = null;
        if (file != null && !file.toString().equals("-")) {
            try {
                script = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("weftdb sql: cannot read " + file + ": " + describe(e));
                return ExitCodes.FAILURE;
            }
        }
        SqlShell.Input input = new SqlShell.Input(
                List.copyOf(commands),
                file == null ? null : file.toString(),
                script,
                main.stdin(),
                main.stdinIsTerminal());
        SqlShell.Options options = new SqlShell.Options(data.directory, data.syncCommits, onErrorStop, verboseErrors);
        return SqlShell.run(options, input, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
