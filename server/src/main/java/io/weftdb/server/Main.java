package io.weftdb.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code weftdb} command: {@code serve} runs the server, {@code sql} is the embedded SQL shell. */
@Command(
        name = "weftdb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "WeftDB: one SQL database speaking the PostgreSQL and MySQL wire protocols and HTTP.",
        subcommands = {ServeCommand.class, SqlCommand.class, RestoreCommand.class, CompatCommand.class, HelpCommand.class},
        footer = {"", "Run 'weftdb COMMAND --help' for the options of a command."})
public final class Main implements Runnable {

    private final InputStream stdin;
    private final ShutdownLatch shutdownLatch;
    private final boolean installShutdownHook;

    @Spec
    CommandSpec spec;

    private Main(InputStream stdin, ShutdownLatch shutdownLatch, boolean installShutdownHook) {
        this.stdin = stdin;
        this.shutdownLatch = shutdownLatch;
        this.installShutdownHook = installShutdownHook;
    }

    public static void main(String[] args) {
        Main main = new Main(System.in, new ShutdownLatch(), true);
        System.exit(main.execute(System.out, System.err, args));
    }

    /**
     * Runs a command in this JVM with the given streams, without touching process-wide state (no
     * shutdown hook: {@code serve} stops when {@code shutdownLatch} is asked to). For tests.
     */
    static int execute(InputStream in, OutputStream out, OutputStream err, ShutdownLatch shutdownLatch, String... args) {
        return new Main(in, shutdownLatch, false).execute(out, err, args);
    }

    static int execute(InputStream in, OutputStream out, OutputStream err, String... args) {
        return execute(in, out, err, new ShutdownLatch(), args);
    }

    /** The picocli model of the command line, for parsing without running. */
    static CommandLine commandLine(InputStream in) {
        return configure(new CommandLine(new Main(in, new ShutdownLatch(), false)));
    }

    private int execute(OutputStream out, OutputStream err, String... args) {
        CommandLine commandLine = configure(new CommandLine(this));
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        commandLine.setOut(outWriter).setErr(errWriter);
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setParameterExceptionHandler((exception, args) -> {
                    CommandLine command = exception.getCommandLine();
                    String name = command.getCommandSpec().qualifiedName();
                    command.getErr().println(name + ": " + exception.getMessage());
                    command.getErr().println("Run '" + name + " --help' for usage.");
                    return command.getCommandSpec().exitCodeOnInvalidInput();
                })
                .setExecutionExceptionHandler((exception, command, parseResult) -> {
                    command.getErr().println("weftdb: " + exception);
                    exception.printStackTrace(command.getErr());
                    return ExitCodes.FAILURE;
                });
    }

    InputStream stdin() {
        return stdin;
    }

    /** Whether standard input is a terminal someone types at (the shell then shows prompts). */
    boolean stdinIsTerminal() {
        if (stdin != System.in) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Since JDK 22 System.console() may exist with redirected streams; isTerminal() tells.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when attached to a terminal
        }
    }

    ShutdownLatch shutdownLatch() {
        return shutdownLatch;
    }

    boolean installShutdownHook() {
        return installShutdownHook;
    }

    /** {@code weftdb} with no command: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: serve or sql");
    }
}
