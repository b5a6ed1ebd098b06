package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Parsing only: nothing here opens a data directory. */
class MainCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(new ByteArrayInputStream(new byte[0]), out, err, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static <T> T subcommand(Class<T> type, String... args) {
        ParseResult result = Main.commandLine(new ByteArrayInputStream(new byte[0])).parseArgs(args);
        return type.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void serveDefaults() {
        ServeCommand serve = subcommand(ServeCommand.class, "serve");

        ServerConfig config = serve.config();

        assertThat(config.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(config.syncCommits()).isTrue();
        assertThat(config.port(Protocol.POSTGRESQL)).isEqualTo(5432);
        assertThat(config.port(Protocol.MYSQL)).isEqualTo(3306);
        assertThat(config.port(Protocol.HTTP)).isEqualTo(8080);
    }

    @Test
    void serveOptions() {
        ServeCommand serve = subcommand(ServeCommand.class,
                "serve", "--data", "/tmp/x", "--pg", "15432", "--mysql=0", "--http", "0", "--sync", "off");

        ServerConfig config = serve.config();

        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.syncCommits()).isFalse();
        assertThat(config.port(Protocol.POSTGRESQL)).isEqualTo(15432);
        assertThat(config.port(Protocol.MYSQL)).isZero();
        assertThat(config.port(Protocol.HTTP)).isZero();
    }

    @Test
    void serveRejectsPortsOutOfRangeOrShared() {
        assertThatThrownBy(() -> subcommand(ServeCommand.class, "serve", "--pg", "70000").config())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--pg 70000");
        assertThatThrownBy(() -> subcommand(ServeCommand.class, "serve", "--mysql", "5432").config())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("port 5432 is given to both --pg and --mysql");
        assertThat(subcommand(ServeCommand.class, "serve", "--pg", "0", "--mysql", "0").config().port(Protocol.MYSQL))
                .isZero();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("serve", "--pg", "70000")).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(err()).startsWith("weftdb serve: --pg 70000: a port is between 1 and 65535")
                .contains("Run 'weftdb serve --help' for usage.");

        err.reset();
        assertThat(run("serve", "--sync", "sometimes")).isEqualTo(2);
        assertThat(err()).contains("expected on or off but was 'sometimes'");

        err.reset();
        assertThat(run("serve", "--pg", "abc")).isEqualTo(2);
        assertThat(err()).contains("--pg");
    }

    @Test
    void sqlOptions() {
        SqlCommand sql = subcommand(SqlCommand.class,
                "sql", "--data", "d", "-e", "select 1", "-c", "select 2", "-f", "script.sql", "--on-error-stop",
                "--verbose-errors", "--sync=off");

        assertThat(sql.data.directory).isEqualTo(Path.of("d"));
        assertThat(sql.data.syncCommits).isFalse();
        assertThat(sql.commands).containsExactly("select 1", "select 2");
        assertThat(sql.file).isEqualTo(Path.of("script.sql"));
        assertThat(sql.onErrorStop).isTrue();
        assertThat(sql.verboseErrors).isTrue();
    }

    @Test
    void sqlDefaults() {
        SqlCommand sql = subcommand(SqlCommand.class, "sql");

        assertThat(sql.data.directory).isEqualTo(Path.of("./data"));
        assertThat(sql.data.syncCommits).isTrue();
        assertThat(sql.commands).isEmpty();
        assertThat(sql.file).isNull();
        assertThat(sql.onErrorStop).isFalse();
        assertThat(sql.verboseErrors).isFalse();
    }

    @Test
    void sqlWithAnUnreadableFileFailsBeforeOpeningTheDataDirectory(@org.junit.jupiter.api.io.TempDir Path temp) {
        Path data = temp.resolve("data");

        int exitCode = run("sql", "--data", data.toString(), "-f", temp.resolve("missing.sql").toString());

        assertThat(exitCode).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).isEqualTo("weftdb sql: cannot read " + temp.resolve("missing.sql") + ": no such file\n");
        assertThat(data).doesNotExist();
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("--version")).isZero();

        assertThat(out()).matches("WeftDB \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("Usage: weftdb", "serve", "sql");
    }

    @Test
    void helpOfServeDescribesEveryOption() {
        assertThat(run("serve", "--help")).isZero();

        assertThat(out()).contains("--data=DIR", "--pg=PORT", "--mysql=PORT", "--http=PORT", "--sync=on|off",
                "0 disables it", "(default: 5432)");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);

        assertThat(err()).contains("missing command: serve or sql");
    }
}
