package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyMySQL (Debian's python3-pymysql, a pure Python client) against {@code weftdb serve} with a
 * token: parameters, executemany, transactions and MySQL error codes. Runs /usr/bin/python3, where
 * Debian installs the module; skipped with a message when it cannot import pymysql.
 */
class PyMysqlClientTest {
    private static final String TOKEN = "py-token";
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ClientProgram.find(PYTHON).isPresent()
                        && ClientProgram.run(List.of(PYTHON, "-c", "import pymysql"), directory, null).exitCode() == 0,
                "/usr/bin/python3 cannot import pymysql (apt-get install python3-pymysql): skipping the PyMySQL tests");
        server = WeftdbServe.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String python(String body) throws Exception {
        String script = """
                import datetime, decimal, pymysql
                PORT, TOKEN = %d, "%s"
                conn = pymysql.connect(host="127.0.0.1", port=PORT, user="py", password=TOKEN, database="public",
                                       charset="utf8mb4", autocommit=False)
                cur = conn.cursor()
                """.formatted(server.mysqlPort(), TOKEN) + body;
        Path file = Files.createTempFile(directory, "client-", ".py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ClientProgram.Run run = ClientProgram.run(List.of(PYTHON, file.toString()), directory, null);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run.output();
    }

    @Test
    void parametersAndExecutemanyRoundTripValues() throws Exception {
        String output = python("""
                cur.execute("CREATE TABLE py_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2), at DATETIME,"
                            " data BLOB)")
                rows = [(1, "plain", decimal.Decimal("1.50"), datetime.datetime(2024, 2, 29, 12, 30, 5), b"\\x00\\x01"),
                        (2, "quote ' and \\\\ backslash", None, None, None),
                        (3, "ünïcødé 😀", decimal.Decimal("-7.25"), datetime.datetime(1999, 1, 1), b"")]
                print("inserted", cur.executemany("INSERT INTO py_items VALUES (%s, %s, %s, %s, %s)", rows))
                conn.commit()
                cur.execute("SELECT id, name, price, at, data FROM py_items WHERE id >= %s ORDER BY id", (1,))
                for row in cur.fetchall():
                    print(repr(row))
                cur.execute("SELECT name FROM py_items WHERE name = %(name)s", {"name": "quote ' and \\\\ backslash"})
                print(cur.fetchone()[0])
                """);
        assertThat(output).contains("inserted 3",
                "(1, 'plain', Decimal('1.50'), datetime.datetime(2024, 2, 29, 12, 30, 5), b'\\x00\\x01')",
                "(2, \"quote ' and \\\\ backslash\", None, None, None)",
                "(3, 'ünïcødé 😀', Decimal('-7.25'), datetime.datetime(1999, 1, 1, 0, 0), b'')",
                "quote ' and \\ backslash");
    }

    @Test
    void rollbackUndoesAndCommitKeeps() throws Exception {
        String output = python("""
                cur.execute("CREATE TABLE py_accounts (id INT PRIMARY KEY, balance INT)")
                conn.commit()
                cur.execute("INSERT INTO py_accounts VALUES (1, 100)")
                conn.rollback()
                cur.execute("SELECT COUNT(*) FROM py_accounts")
                print("after rollback", cur.fetchone()[0])
                cur.execute("INSERT INTO py_accounts VALUES (1, 100)")
                conn.commit()
                other = pymysql.connect(host="127.0.0.1", port=PORT, user="py", password=TOKEN, database="public")
                with other.cursor() as c:
                    c.execute("SELECT balance FROM py_accounts WHERE id = 1")
                    print("seen by another connection", c.fetchone()[0])
                """);
        assertThat(output).contains("after rollback 0", "seen by another connection 100");
    }

    @Test
    void errorsCarryMysqlCodesAndTheTransactionGoesOn() throws Exception {
        String output = python("""
                cur.execute("CREATE TABLE py_unique (id INT PRIMARY KEY)")
                cur.execute("INSERT INTO py_unique VALUES (1)")
                try:
                    cur.execute("INSERT INTO py_unique VALUES (1)")
                except pymysql.err.IntegrityError as e:
                    print("integrity", e.args[0])
                try:
                    cur.execute("SELECT * FROM py_missing")
                except pymysql.err.ProgrammingError as e:
                    print("programming", e.args[0])
                cur.execute("INSERT INTO py_unique VALUES (2)")
                conn.commit()
                cur.execute("SELECT COUNT(*) FROM py_unique")
                print("rows", cur.fetchone()[0])
                """);
        assertThat(output).contains("integrity 1062", "programming 1146", "rows 2");
    }

    @Test
    void resultDescriptionsAndShowColumnsDescribeTheSchema() throws Exception {
        String output = python("""
                cur.execute("CREATE TABLE py_meta (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL, note TEXT)")
                cur.execute("SELECT id, name, note FROM py_meta")
                print("description", [(d[0], d[1], d[6]) for d in cur.description])
                cur.execute("SHOW COLUMNS FROM py_meta")
                print("columns", [(r[0], r[1], r[2], r[3]) for r in cur.fetchall()])
                conn.close()
                print("closed", conn.open)
                """);
        // TEXT, MEDIUMTEXT and LONGTEXT are one unbounded type here: SHOW COLUMNS names the largest (MySQL: text).
        assertThat(output).contains("description [('id', 3, False), ('name', 253, False), ('note', 252, True)]",
                "columns [('id', 'int', 'NO', 'PRI'), ('name', 'varchar(10)', 'NO', ''), ('note', 'text', 'YES', '')]",
                "closed False");
    }
}
