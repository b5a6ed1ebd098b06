package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLException;

/** COPY FROM STDIN and TO STDOUT through pgjdbc's CopyManager against a real listener. */
class PgCopyJdbcTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static PgServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new PgServer(fixture.engine(), PgServerConfig.defaults());
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static Connection connect() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", info);
    }

    private static String table(String stem) {
        return stem + "_" + TABLES.incrementAndGet();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static CopyManager copy(Connection connection) throws SQLException {
        return new CopyManager(connection.unwrap(BaseConnection.class));
    }

    @Test
    void copyFromStdinLoadsTextRowsWithEscapesNullsAndDefaults() throws Exception {
        String t = table("copy_text");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int PRIMARY KEY, name text, note text DEFAULT 'd')");

            long count = copy(connection).copyIn("COPY " + t + " (id, name) FROM STDIN",
                    new StringReader("1\tone\n2\t\\N\n3\ttab\\there\n"));

            assertThat(count).isEqualTo(3);
            assertThat(rows(connection, "SELECT id, name, note FROM " + t + " ORDER BY id"))
                    .containsExactly("1|one|d", "2|null|d", "3|tab\there|d");
        }
    }

    @Test
    void copyFromStdinReadsCsvWithHeaderQuotesAndEmbeddedNewlines() throws Exception {
        String t = table("copy_csv");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int, name text, amount numeric(10,2))");

            long count = copy(connection).copyIn("COPY " + t + " FROM STDIN WITH (FORMAT csv, HEADER)",
                    new StringReader("id,name,amount\n1,\"Smith, J\",1.50\n2,\"two\nlines\",\n3,\"\",2\n"));

            assertThat(count).isEqualTo(3);
            assertThat(rows(connection, "SELECT id, name, amount FROM " + t + " ORDER BY id"))
                    .containsExactly("1|Smith, J|1.50", "2|two\nlines|null", "3||2.00");
        }
    }

    @Test
    void copyHeaderMatchRefusesOtherColumnNames() throws Exception {
        String t = table("copy_match");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int, name text)");

            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN WITH (FORMAT csv, HEADER match)",
                    new StringReader("id,nom\n1,a\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("COPY " + t + ", line 1");
                    });
        }
    }

    @Test
    void badRowReportsItsLineAndLeavesTheTableUnchanged() throws Exception {
        String t = table("copy_bad");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (a int, b int)");
            execute(connection, "INSERT INTO " + t + " VALUES (0, 0)");

            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN",
                    new StringReader("1\t1\n2\t2\n3\n4\t4\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("missing data for column \"b\"");
                        assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("COPY " + t + ", line 3");
                    });

            assertThat(rows(connection, "SELECT a, b FROM " + t)).containsExactly("0|0");
            assertThat(rows(connection, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void badValueNamesItsColumnAndExtraFieldsAreRefused() throws Exception {
        String t = table("copy_value");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (a int, b int)");

            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN",
                    new StringReader("1\t1\n2\tx\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P02");
                        assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("COPY " + t + ", line 2, column b: \"x\"");
                    });
            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN", new StringReader("1\t2\t3\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("extra data after last expected column");
                    });
            assertThat(rows(connection, "SELECT count(*) FROM " + t)).containsExactly("0");
        }
    }

    @Test
    void constraintViolationUndoesTheWholeCopy() throws Exception {
        String t = table("copy_unique");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int PRIMARY KEY)");

            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN", new StringReader("1\n2\n1\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23505");
                        assertThat(e.getServerErrorMessage().getDetail()).endsWith("COPY " + t + ", line 3");
                    });
            assertThat(rows(connection, "SELECT count(*) FROM " + t)).containsExactly("0");
        }
    }

    @Test
    void cancelledCopyInFailsWith57014AndLoadsNothing() throws Exception {
        String t = table("copy_fail");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int)");

            CopyIn in = copy(connection).copyIn("COPY " + t + " FROM STDIN");
            byte[] data = "1\n2\n".getBytes();
            in.writeToCopy(data, 0, data.length);
            in.cancelCopy();

            assertThat(rows(connection, "SELECT count(*) FROM " + t)).containsExactly("0");
        }
    }

    @Test
    void copyInsideATransactionBlockRollsBackWithIt() throws Exception {
        String t = table("copy_block");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int)");
            connection.setAutoCommit(false);

            copy(connection).copyIn("COPY " + t + " FROM STDIN", new StringReader("1\n2\n"));
            assertThat(rows(connection, "SELECT count(*) FROM " + t)).containsExactly("2");
            connection.rollback();

            assertThat(rows(connection, "SELECT count(*) FROM " + t)).containsExactly("0");
        }
    }

    @Test
    void copyToStdoutWritesTextRows() throws Exception {
        String t = table("copy_out");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int, name text, flag boolean)");
            execute(connection, "INSERT INTO " + t + " VALUES (1, 'a\tb', true), (2, NULL, false)");
            StringWriter writer = new StringWriter();

            long count = copy(connection).copyOut("COPY " + t + " TO STDOUT", writer);

            assertThat(count).isEqualTo(2);
            assertThat(writer.toString().lines().sorted().toList()).containsExactly("1\ta\\tb\tt", "2\t\\N\tf");
        }
    }

    @Test
    void copyQueryToStdoutWritesCsvWithHeader() throws Exception {
        String t = table("copy_query");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int, name text)");
            execute(connection, "INSERT INTO " + t + " VALUES (2, NULL), (1, 'x,y'), (3, 'skipped')");
            StringWriter writer = new StringWriter();

            long count = copy(connection).copyOut(
                    "COPY (SELECT id, name FROM " + t + " WHERE id < 3 ORDER BY id) TO STDOUT WITH CSV HEADER", writer);

            assertThat(count).isEqualTo(2);
            assertThat(writer.toString()).isEqualTo("id,name\n1,\"x,y\"\n2,\n");
        }
    }

    @Test
    void copyOutReadsBackWhatCopyInWrote() throws Exception {
        String source = table("copy_round");
        String target = table("copy_round");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + source + " (id int, body text)");
            execute(connection, "CREATE TABLE " + target + " (id int, body text)");
            execute(connection, "INSERT INTO " + source + " VALUES (1, 'line1\nline2'), (2, 'back\\slash'), (3, ''), (4, NULL)");
            StringWriter csv = new StringWriter();

            copy(connection).copyOut("COPY " + source + " TO STDOUT (FORMAT csv)", csv);
            copy(connection).copyIn("COPY " + target + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));

            assertThat(rows(connection, "SELECT id, body FROM " + target + " ORDER BY id"))
                    .isEqualTo(rows(connection, "SELECT id, body FROM " + source + " ORDER BY id"));
        }
    }

    @Test
    void binaryCopyOutReadsBackThroughBinaryCopyIn() throws Exception {
        String source = table("copy_binary");
        String target = table("copy_binary");
        String columns = "(s smallint, i int, b bigint, r real, d double precision, f boolean, t text, v varchar(10),"
                + " y bytea, dt date, ts timestamp, n numeric(12,3))";
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + source + " " + columns);
            execute(connection, "CREATE TABLE " + target + " " + columns);
            execute(connection, "INSERT INTO " + source + " VALUES (1, 2, 3, 1.5, 2.25, true, 'text', 'vc', '\\x0102',"
                    + " '2024-02-29', '2024-02-29 12:34:56.789', 12345.678), (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL)");
            java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

            long out = copy(connection).copyOut("COPY " + source + " TO STDOUT (FORMAT binary)", binary);
            long in = copy(connection).copyIn("COPY " + target + " FROM STDIN (FORMAT binary)",
                    new java.io.ByteArrayInputStream(binary.toByteArray()));

            assertThat(binary.toByteArray()).startsWith("PGCOPY\n".getBytes());
            assertThat(out).isEqualTo(2);
            assertThat(in).isEqualTo(2);
            assertThat(rows(connection, "SELECT * FROM " + target + " ORDER BY i"))
                    .isEqualTo(rows(connection, "SELECT * FROM " + source + " ORDER BY i"))
                    .contains("1|2|3|1.5|2.25|t|text|vc|\\x0102|2024-02-29|2024-02-29 12:34:56.789|12345.678");
        }
    }

    @Test
    void binaryCopyInRefusesAWrongFieldCount() throws Exception {
        String t = table("copy_binary_bad");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (a int, b int)");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream data = new java.io.DataOutputStream(bytes);
            data.write("PGCOPY\n\377\r\n\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            data.writeInt(0);
            data.writeInt(0);
            data.writeShort(1);
            data.writeInt(4);
            data.writeInt(42);
            data.writeShort(-1);

            assertThatThrownBy(() -> copy(connection).copyIn("COPY " + t + " FROM STDIN (FORMAT binary)",
                    new java.io.ByteArrayInputStream(bytes.toByteArray())))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("COPY " + t + ", line 1");
                    });
        }
    }

    @Test
    void copyWithAServerFileIsNotSupported() throws Exception {
        String t = table("copy_file");
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int)");

            assertThatThrownBy(() -> execute(connection, "COPY " + t + " FROM '/tmp/x.csv'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
        }
    }

    @Test
    void hundredThousandRowsLoadInOneCopy() throws Exception {
        String t = table("copy_bulk");
        int rowCount = 100_000;
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < rowCount; i++) {
            data.append(i).append('\t').append("name ").append(i).append('\t').append(i * 0.5).append('\n');
        }
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE " + t + " (id int PRIMARY KEY, name text, score double precision)");

            long start = System.nanoTime();
            long count = copy(connection).copyIn("COPY " + t + " FROM STDIN", new StringReader(data.toString()));
            long nanos = System.nanoTime() - start;

            assertThat(count).isEqualTo(rowCount);
            assertThat(rows(connection, "SELECT count(*), max(id) FROM " + t)).containsExactly(rowCount + "|" + (rowCount - 1));
            System.out.printf("COPY FROM STDIN: %d rows in %d ms = %.0f rows/s%n", rowCount, nanos / 1_000_000,
                    rowCount / (nanos / 1e9));
        }
    }
}
