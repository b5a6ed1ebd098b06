package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT ... ON CONFLICT, UPDATE ... FROM, DELETE ... USING: answers checked against PostgreSQL 15. */
class UpsertAndJoinedDmlTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void onConflictDoUpdateSeesTheExistingRowAndExcluded() {
        sql.execute("CREATE TABLE kv (k integer PRIMARY KEY, v text, n integer DEFAULT 0, u text UNIQUE)");
        sql.execute("INSERT INTO kv VALUES (1, 'a', 0, 'x'), (2, 'b', 0, 'y')");
        assertThat(sql.query("INSERT INTO kv VALUES (1, 'A', 0, 'z'), (3, 'c', 0, 'w') ON CONFLICT (k) "
                + "DO UPDATE SET v = excluded.v, n = kv.n + 1 RETURNING k, v, n"))
                .containsExactly(row("1", "A", "1"), row("3", "c", "0"));
        assertThat(sql.query("INSERT INTO kv VALUES (2, 'B', 0, 'q') ON CONFLICT (k) DO UPDATE SET v = excluded.v "
                + "WHERE kv.n > 0 RETURNING *")).isEmpty();
        assertThat(sql.execute("INSERT INTO kv VALUES (9, 'dup', 0, 'x') ON CONFLICT (u) DO NOTHING")).isEqualTo("INSERT 0 0");
        assertThat(sql.query("INSERT INTO kv VALUES (9, 'dup', 0, 'x') ON CONFLICT (u) DO UPDATE SET v = 'via u' RETURNING k, v"))
                .containsExactly(row("1", "via u"));
        assertThat(sql.execute("INSERT INTO kv VALUES (1, 'h', 0, 'h') ON CONFLICT ON CONSTRAINT kv_pkey "
                + "DO UPDATE SET v = 'named'")).isEqualTo("INSERT 0 1");
        assertThat(sql.query("SELECT * FROM kv ORDER BY k")).containsExactly(row("1", "named", "1", "x"),
                row("2", "b", "0", "y"), row("3", "c", "0", "w"));
    }

    @Test
    void onConflictErrorsAreThoseOfPostgres() {
        sql.execute("CREATE TABLE kv (k integer PRIMARY KEY, v text)");
        assertThat(sql.error("INSERT INTO kv AS t VALUES (5, 'e'), (5, 'f') ON CONFLICT (k) DO UPDATE SET v = t.v || excluded.v")
                .code()).isEqualTo(ErrorCode.CARDINALITY_VIOLATION);
        assertThat(sql.error("INSERT INTO kv VALUES (7, 'g') ON CONFLICT (v) DO NOTHING").code())
                .isEqualTo(ErrorCode.INVALID_COLUMN_REFERENCE);
        assertThat(sql.error("INSERT INTO kv VALUES (1, 'h') ON CONFLICT DO UPDATE SET v = 'no'").code())
                .isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(sql.value("SELECT count(*) FROM kv")).isEqualTo("0");
    }

    @Test
    void updateFromAndDeleteUsingJoinOtherTables() {
        sql.execute("CREATE TABLE acc (id integer PRIMARY KEY, bal integer, tag text)");
        sql.execute("CREATE TABLE adj (acc_id integer, delta integer, note text)");
        sql.execute("INSERT INTO acc VALUES (1, 100, 'a'), (2, 200, 'b'), (3, 300, 'c')");
        sql.execute("INSERT INTO adj VALUES (1, 10, 'x'), (3, -50, 'y'), (9, 1, 'z')");
        assertThat(sql.query("UPDATE acc SET bal = bal + adj.delta, tag = adj.note FROM adj WHERE adj.acc_id = acc.id "
                + "RETURNING acc.id, bal, tag")).containsExactly(row("1", "110", "x"), row("3", "250", "y"));
        assertThat(sql.execute("UPDATE acc a SET bal = 0 FROM adj d WHERE d.acc_id = a.id AND d.delta < 0")).isEqualTo("UPDATE 1");
        assertThat(sql.query("DELETE FROM acc USING adj WHERE adj.acc_id = acc.id AND adj.note = 'x' RETURNING acc.*"))
                .containsExactly(row("1", "110", "x"));
        assertThat(sql.query("SELECT * FROM acc ORDER BY id")).containsExactly(row("2", "200", "b"), row("3", "0", "y"));
        assertThat(sql.execute("UPDATE acc SET bal = 1 FROM adj WHERE acc_id = id AND note = 'y'")).isEqualTo("UPDATE 1");
    }

    @Test
    void aColumnOfBothTheTargetAndAFromTableIsAmbiguous() {
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, v integer)");
        sql.execute("CREATE TABLE s (id integer, v integer)");
        assertThat(sql.error("UPDATE t SET v = 1 FROM s WHERE id = s.id").code()).isEqualTo(ErrorCode.AMBIGUOUS_COLUMN);
        assertThat(sql.error("DELETE FROM t USING t").code()).isEqualTo(ErrorCode.DUPLICATE_ALIAS);
    }
}
