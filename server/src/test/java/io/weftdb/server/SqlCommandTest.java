package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weftdb sql} through Main's entry point, in this JVM, on a temporary data directory. */
class SqlCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path data() {
        return temp.resolve("data");
    }

    private int sql(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("sql", "--data", data().toString(), "--sync", "off"));
        all.addAll(List.of(args));
        out.reset();
        err.reset();
        return Main.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                all.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsCommandTagsAndTablesAsPsqlDoes() {
        int exitCode = sql("",
                "-e", "create table t (id int primary key, name text)",
                "-e", "insert into t values (1, 'alice'), (2, null)",
                "-e", "select * from t order by id");

        assertThat(err()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                 id | name \s
                ----+-------
                  1 | alice
                  2 |\s
                (2 rows)

                """);
    }

    @Test
    void oneExecuteOptionMayHoldSeveralStatements() {
        int exitCode = sql("", "-e", "create table t (a int); insert into t values (1), (2), (3); update t set a = a + 10 where a > 1;"
                + " delete from t where a = 1; select a from t order by a");

        assertThat(err()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 3
                UPDATE 2
                DELETE 1
                 a \s
                ----
                 12
                 13
                (2 rows)

                """);
    }

    @Test
    void aFailingStatementIsReportedWithItsPositionAndTheNextOneRuns() {
        int exitCode = sql("", "-e", "select * from nosuch", "-e", "select 1 as a");

        assertThat(exitCode).isZero();
        assertThat(err()).isEqualTo("""
                ERROR:  relation "nosuch" does not exist
                LINE 1: select * from nosuch
                                      ^
                """);
        assertThat(out()).isEqualTo("""
                 a\s
                ---
                 1
                (1 row)

                """);
    }

    @Test
    void onErrorStopExitsWithCode3AtTheFirstError() {
        int exitCode = sql("", "--on-error-stop", "-e", "select 1/0", "-e", "select 1 as a");

        assertThat(exitCode).isEqualTo(ExitCodes.SCRIPT_ERROR);
        assertThat(err()).isEqualTo("ERROR:  division by zero\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void insertReturningPrintsTheRowsThenTheTag() {
        sql("", "-e", "create table t (a int, b text)", "-e", "insert into t values (1, 'x'), (2, 'y') returning a, b");

        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("""
                CREATE TABLE
                 a | b\s
                ---+---
                 1 | x
                 2 | y
                (2 rows)

                INSERT 0 2
                """);
    }

    @Test
    void verboseErrorsShowTheSqlState() {
        sql("", "--verbose-errors", "-e", "select 1/0");

        assertThat(err()).isEqualTo("ERROR:  22012: division by zero\n");
    }

    @Test
    void readsStatementsFromStandardInputAndGoesOnAfterASyntaxError() {
        int exitCode = sql("select 1 as a;\n\n-- a comment\nselec 2;\nselect\n  2 as b;\nselect 3 as c\n");

        assertThat(exitCode).isZero();
        assertThat(err()).isEqualTo("""
                ERROR:  syntax error at or near "selec"
                LINE 1: selec 2;
                        ^
                """);
        assertThat(out()).isEqualTo("""
                 a\s
                ---
                 1
                (1 row)

                 b\s
                ---
                 2
                (1 row)

                 c\s
                ---
                 3
                (1 row)

                """);
    }

    @Test
    void runsAScriptFile() throws IOException {
        Path script = temp.resolve("script.sql");
        Files.writeString(script, "create table t (a int);\ninsert into t values (1);\nselect a from t;\n");

        int exitCode = sql("", "-f", script.toString());

        assertThat(err()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 1
                 a\s
                ---
                 1
                (1 row)

                """);
    }

    @Test
    void committedDataIsThereNextTime() {
        sql("", "-e", "create table t (a int)", "-e", "insert into t values (42)");

        sql("", "-e", "select a from t");

        assertThat(out()).isEqualTo("""
                 a \s
                ----
                 42
                (1 row)

                """);
    }

    @Test
    void transactionControlPrintsItsTags() {
        sql("", "-e", "create table t (a int)", "-e", "begin", "-e", "insert into t values (1)", "-e", "rollback",
                "-e", "begin; insert into t values (2); commit", "-e", "select a from t");

        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("""
                CREATE TABLE
                BEGIN
                INSERT 0 1
                ROLLBACK
                BEGIN
                INSERT 0 1
                COMMIT
                 a\s
                ---
                 2
                (1 row)

                """);
    }

    @Test
    void aDataDirectoryInUseIsAOneLineErrorWithExitCode2() {
        RocksStorage holder = RocksStorage.open(data(), RocksStorageOptions.defaults()); // stands in for another process
        try {
            int exitCode = sql("", "-e", "select 1");

            assertThat(exitCode).isEqualTo(ExitCodes.CANNOT_START);
            assertThat(err()).startsWith("weftdb sql: data directory").endsWith("\n").hasLineCount(1);
        } finally {
            holder.close();
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsAOneLineErrorWithExitCode2() throws IOException {
        Files.writeString(data(), "not a directory");

        int exitCode = sql("", "-e", "select 1");

        assertThat(exitCode).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(err()).startsWith("weftdb sql: data directory").hasLineCount(1);
    }
}
