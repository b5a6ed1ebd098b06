package io.weftdb.server.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (libpq underneath) against {@code weftdb serve} over TLS with a password: query
 * parameters, executemany, COPY with copy_expert both ways, and errors as exceptions with their
 * SQLSTATE. Runs the system's /usr/bin/python3, where Debian's python3-psycopg2 installs; skipped
 * when that module is missing.
 */
class Psycopg2ClientTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String TOKEN = "psycopg2-token";

    @TempDir
    static Path directory;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ExternalClient.find(PYTHON).isPresent(), PYTHON + " is missing: skipping the psycopg2 tests");
        ExternalClient.Run probe = ExternalClient.run(List.of(PYTHON, "-c", "import psycopg2"), directory, Map.of());
        assumeTrue(probe.exitCode() == 0,
                "psycopg2 is not installed for " + PYTHON + " (Debian package python3-psycopg2): skipping the psycopg2 tests");
        server = ServerProcess.start(directory.resolve("data"), TOKEN);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void parametersExecutemanyCopyExpertAndErrorsWork(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("client.py"), """
                import io, sys
                import psycopg2

                connection = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="alice", dbname="postgres",
                                              password=sys.argv[2], sslmode="require")
                cursor = connection.cursor()
                cursor.execute("CREATE TABLE people (id int PRIMARY KEY, name text, born date, score numeric(5,1))")
                cursor.execute("INSERT INTO people VALUES (%s, %s, %s, %s)", (1, "O'Brien", "1970-01-02", 9.5))
                cursor.executemany("INSERT INTO people (id, name) VALUES (%(id)s, %(name)s)",
                                   [{"id": 2, "name": "Zoë"}, {"id": 3, "name": None}])
                connection.commit()
                cursor.execute("SELECT id, name, born, score FROM people WHERE id = %s", (1,))
                print("row", cursor.fetchone())
                cursor.execute("SELECT name FROM people WHERE id > %s ORDER BY id", (1,))
                print("names", [row[0] for row in cursor.fetchall()])

                cursor.copy_expert("COPY people (id, name) FROM STDIN WITH (FORMAT csv)", io.StringIO("4,copied\\n5,\\"a, b\\"\\n"))
                print("copied in", cursor.rowcount)
                connection.commit()
                out = io.StringIO()
                cursor.copy_expert("COPY (SELECT id, name FROM people ORDER BY id) TO STDOUT WITH (FORMAT csv)", out)
                print("copied out", repr(out.getvalue()))

                try:
                    cursor.execute("SELECT * FROM nosuchtable")
                except psycopg2.Error as e:
                    print("error", e.pgcode, e.diag.message_primary)
                    connection.rollback()
                cursor.execute("SELECT count(*) FROM people")
                print("count", cursor.fetchone()[0])
                cursor.execute("SELECT id, name, born FROM people LIMIT 0")
                print("description", [(column.name, column.type_code) for column in cursor.description])
                cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                               " ORDER BY ordinal_position", ("people",))
                print("columns", [row[0] for row in cursor.fetchall()])
                print("ssl", connection.info.ssl_in_use)
                connection.close()
                """, StandardCharsets.UTF_8);

        ExternalClient.Run run = ExternalClient.run(List.of(PYTHON, "client.py", Integer.toString(server.port()), TOKEN), work,
                Map.of("PYTHONIOENCODING", "utf-8"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).containsExactly(
                "row (1, \"O'Brien\", datetime.date(1970, 1, 2), Decimal('9.5'))",
                "names ['Zoë', None]",
                "copied in 2",
                "copied out '1,O\\'Brien\\n2,Zoë\\n3,\\n4,copied\\n5,\"a, b\"\\n'",
                "error 42P01 relation \"nosuchtable\" does not exist",
                "count 5",
                "description [('id', 23), ('name', 25), ('born', 1082)]",
                "columns ['id', 'name', 'born', 'score']",
                "ssl True");
    }

    @Test
    void aWrongPasswordRaisesOperationalError(@TempDir Path work) throws Exception {
        ExternalClient.Run run = ExternalClient.run(List.of(PYTHON, "-c", """
                import sys, psycopg2
                try:
                    psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="bob", dbname="postgres", password="nope")
                except psycopg2.OperationalError as e:
                    print("refused:", str(e).strip().splitlines()[-1])
                """, Integer.toString(server.port())), work, Map.of());

        assertThat(run.output()).contains("refused:").contains("password authentication failed for user \"bob\"");
    }
}
