package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans decode only the columns a SELECT names; every way a query can read a column its select list
 * does not name must still see the value (answers as in PostgreSQL 15).
 */
class ProjectionPushdownTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c integer)");
        sql.execute("INSERT INTO t VALUES (1, 10, 'x', 100), (2, 20, 'y', 200), (3, 30, 'z', 300)");
        sql.execute("CREATE TABLE u (id integer, c integer, d text)");
        sql.execute("INSERT INTO u VALUES (1, 100, 'one'), (2, 999, 'two')");
        sql.execute("ALTER TABLE t ADD COLUMN e integer DEFAULT 7");
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
    void aggregatesFiltersAndSortsReadTheColumnsTheyName() {
        assertThat(sql.query("SELECT count(*) FROM t")).containsExactly(row("3"));
        assertThat(sql.query("SELECT sum(c) FROM t WHERE a > 10")).containsExactly(row("500"));
        assertThat(sql.query("SELECT b FROM t ORDER BY c DESC LIMIT 1")).containsExactly(row("z"));
        assertThat(sql.query("SELECT DISTINCT ON (a / 100) b FROM t ORDER BY a / 100, c")).containsExactly(row("x"));
        assertThat(sql.query("SELECT b, sum(e) FROM t GROUP BY 1 HAVING max(c) > 150 ORDER BY 1"))
                .containsExactly(row("y", "7"), row("z", "7"));
        assertThat(sql.query("SELECT b, rank() OVER (PARTITION BY e ORDER BY c DESC) FROM t ORDER BY 1"))
                .containsExactly(row("x", "3"), row("y", "2"), row("z", "1"));
    }

    @Test
    void wholeRowReferencesAndStarsReadEveryColumn() {
        assertThat(sql.query("SELECT t FROM t WHERE id = 1")).containsExactly(row("(1,10,x,100,7)"));
        assertThat(sql.query("SELECT row_to_json(x) FROM t x WHERE id = 2"))
                .containsExactly(row("{\"id\":2,\"a\":20,\"b\":\"y\",\"c\":200,\"e\":7}"));
        assertThat(sql.query("SELECT x.* FROM t x WHERE id = 3")).containsExactly(row("3", "30", "z", "300", "7"));
    }

    @Test
    void columnAliasesOfATableServeItsWhereClauseAndKeyLookups() {
        assertThat(sql.query("SELECT r.q FROM t AS r(p, q) WHERE p = 1")).containsExactly(row("10"));
        assertThat(sql.query("SELECT q, b FROM t AS r(p, q) WHERE r.p = 3")).containsExactly(row("30", "z"));
    }

    @Test
    void joinsAndSubqueriesSeeTheColumnsTheyReadImplicitly() {
        assertThat(sql.query("SELECT d FROM t JOIN u USING (id, c) ORDER BY d")).containsExactly(row("one"));
        assertThat(sql.query("SELECT d FROM t NATURAL JOIN u")).containsExactly(row("one"));
        assertThat(sql.query("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = t.c) ORDER BY id"))
                .containsExactly(row("1"));
        assertThat(sql.query("SELECT b, (SELECT d FROM u WHERE u.c = t.c) FROM t ORDER BY b"))
                .containsExactly(row("x", "one"), row("y", null), row("z", null));
        assertThat(sql.query("SELECT t.b, l.d FROM t, LATERAL (SELECT d FROM u WHERE u.c = t.c) l"))
                .containsExactly(row("x", "one"));
        assertThat(sql.query("SELECT b FROM t WHERE c IN (SELECT c FROM u) ORDER BY b")).containsExactly(row("x"));
    }

    @Test
    void writesStillSeeWholeRows() {
        sql.execute("UPDATE t SET a = a + 1 FROM u WHERE u.id = t.id AND u.d = 'one'");
        sql.execute("INSERT INTO u SELECT id, c, b FROM t WHERE id = 3");
        assertThat(sql.query("SELECT * FROM t WHERE id = 1")).containsExactly(row("1", "11", "x", "100", "7"));
        assertThat(sql.query("SELECT d FROM u WHERE id = 3")).containsExactly(row("z"));
    }
}
