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

/** Join kinds and join planning: answers checked against PostgreSQL 15 on the same data. */
class JoinsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE a (id integer PRIMARY KEY, x integer, s text)");
        sql.execute("CREATE TABLE b (id integer, x integer, t text)");
        sql.execute("CREATE TABLE c (k integer, v text)");
        sql.execute("INSERT INTO a VALUES (1, 10, 'a1'), (2, 20, 'a2'), (3, NULL, 'a3'), (4, 40, 'a4')");
        sql.execute("INSERT INTO b VALUES (1, 10, 'b1'), (1, 11, 'b1x'), (2, 99, 'b2'), (5, NULL, 'b5'), (NULL, 40, 'bn')");
        sql.execute("INSERT INTO c VALUES (10, 'c10'), (20, 'c20'), (99, 'c99')");
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
    void tablesReadInTheJoinKeysOrderAreMergedAndAgreeWithHashing() {
        sql.execute("CREATE TABLE heads (id integer PRIMARY KEY, name text)");
        sql.execute("CREATE TABLE parts (head integer, line integer, qty integer, PRIMARY KEY (head, line))");
        sql.execute("INSERT INTO heads SELECT g, 'h' || g FROM generate_series(1, 3000) g WHERE g % 7 <> 0");
        sql.execute("INSERT INTO parts SELECT g / 3 + 1, g % 3, g % 5 FROM generate_series(0, 9299) g WHERE (g / 3) % 11 <> 0");
        List<String[]> pairs = List.of(
                new String[] {"SELECT h.id, h.name, p.line, p.qty FROM heads h JOIN parts p ON p.head = h.id",
                        "SELECT h.id, h.name, p.line, p.qty FROM heads h JOIN parts p ON p.head + 0 = h.id"},
                new String[] {"SELECT h.id, p.line FROM heads h JOIN parts p ON h.id = p.head AND p.qty > 2",
                        "SELECT h.id, p.line FROM heads h JOIN parts p ON h.id = p.head + 0 AND p.qty > 2"},
                new String[] {"SELECT a.head, a.line, b.line FROM parts a JOIN parts b ON a.head = b.head",
                        "SELECT a.head, a.line, b.line FROM parts a JOIN parts b ON a.head = b.head + 0"});
        for (String[] pair : pairs) {
            assertThat(String.join("\n", sql.query("EXPLAIN " + pair[0]).stream().map(row -> row.get(0)).toList()))
                    .as(pair[0]).contains("Merge Join (1 key)");
            List<List<String>> merged = new java.util.ArrayList<>(sql.query(pair[0]));
            List<List<String>> hashed = new java.util.ArrayList<>(sql.query(pair[1]));
            java.util.Comparator<List<String>> order = java.util.Comparator.comparing(Object::toString);
            merged.sort(order);
            hashed.sort(order);
            assertThat(merged).as(pair[0]).isNotEmpty().isEqualTo(hashed);
        }
    }

    @Test
    void innerLeftRightAndFullJoinsKeepTheirUnmatchedRows() {
        assertThat(sql.query("SELECT a.id, b.t FROM a JOIN b ON a.id = b.id ORDER BY 1, 2"))
                .containsExactly(row("1", "b1"), row("1", "b1x"), row("2", "b2"));
        assertThat(sql.query("SELECT a.id, b.t FROM a LEFT JOIN b ON a.id = b.id ORDER BY 1, 2"))
                .containsExactly(row("1", "b1"), row("1", "b1x"), row("2", "b2"), row("3", null), row("4", null));
        assertThat(sql.query("SELECT a.id, b.t FROM a RIGHT JOIN b ON a.id = b.id ORDER BY 1, 2"))
                .containsExactly(row("1", "b1"), row("1", "b1x"), row("2", "b2"), row(null, "b5"), row(null, "bn"));
        assertThat(sql.query("SELECT a.id, b.t FROM a FULL JOIN b ON a.id = b.id ORDER BY 1, 2"))
                .containsExactly(row("1", "b1"), row("1", "b1x"), row("2", "b2"), row("3", null), row("4", null),
                        row(null, "b5"), row(null, "bn"));
    }

    @Test
    void fullJoinConditionBeyondTheKeysDecidesWhatMatches() {
        assertThat(sql.query("SELECT a.id, b.t FROM a FULL JOIN b ON a.id = b.id AND b.x > 10 ORDER BY 1, 2"))
                .containsExactly(row("1", "b1x"), row("2", "b2"), row("3", null), row("4", null), row(null, "b1"),
                        row(null, "b5"), row(null, "bn"));
    }

    @Test
    void usingAndNaturalJoinsMergeTheirColumns() {
        assertThat(sql.query("SELECT * FROM a JOIN b USING (id) ORDER BY 1, 3, 5"))
                .containsExactly(row("1", "10", "a1", "10", "b1"), row("1", "10", "a1", "11", "b1x"),
                        row("2", "20", "a2", "99", "b2"));
        assertThat(sql.query("SELECT * FROM a NATURAL JOIN b ORDER BY 1")).containsExactly(row("1", "10", "a1", "b1"));
        assertThat(sql.query("SELECT id, a.x, b.x FROM a FULL JOIN b USING (id) ORDER BY 1, 2, 3"))
                .containsExactly(row("1", "10", "10"), row("1", "10", "11"), row("2", "20", "99"), row("3", null, null),
                        row("4", "40", null), row("5", null, null), row(null, null, "40"));
        assertThat(sql.error("SELECT * FROM a JOIN b USING (nope)").code()).isEqualTo(ErrorCode.UNDEFINED_COLUMN);
    }

    @Test
    void commaJoinsWithWhereEqualitiesJoinInAnyListedOrder() {
        assertThat(sql.query("SELECT a.s, b.t, c.v FROM a, b, c WHERE a.id = b.id AND c.k = b.x ORDER BY 1, 2"))
                .containsExactly(row("a1", "b1", "c10"), row("a2", "b2", "c99"));
        assertThat(sql.query("SELECT a.s, c.v FROM c, a WHERE c.k = a.x AND a.id > 1 ORDER BY 1"))
                .containsExactly(row("a2", "c20"));
        assertThat(sql.value("SELECT count(*) FROM a, b WHERE a.x = b.x OR a.id = b.id")).isEqualTo("4");
        assertThat(sql.query("SELECT * FROM a CROSS JOIN c WHERE a.x = c.k ORDER BY 1"))
                .containsExactly(row("1", "10", "a1", "10", "c10"), row("2", "20", "a2", "20", "c20"));
    }

    @Test
    void joinsOfDerivedTablesAndChainsOfOuterJoins() {
        assertThat(sql.query("SELECT a.s, sub.n FROM a JOIN (SELECT id, count(*) AS n FROM b GROUP BY id) sub "
                + "ON sub.id = a.id ORDER BY 1")).containsExactly(row("a1", "2"), row("a2", "1"));
        assertThat(sql.query("SELECT a.id, b.t, c.v FROM a LEFT JOIN b ON a.id = b.id LEFT JOIN c ON c.k = b.x ORDER BY 1, 2"))
                .containsExactly(row("1", "b1", "c10"), row("1", "b1x", null), row("2", "b2", "c99"), row("3", null, null),
                        row("4", null, null));
    }

    @Test
    void ambiguousAndDuplicateNamesAreReported() {
        assertThat(sql.error("SELECT * FROM a, b WHERE id = 1").code()).isEqualTo(ErrorCode.AMBIGUOUS_COLUMN);
        assertThat(sql.error("SELECT * FROM a, a").code()).isEqualTo(ErrorCode.DUPLICATE_ALIAS);
    }

    @Test
    void lateralItemsRunForEachRowToTheirLeft() {
        sql.execute("CREATE TABLE dept (id integer PRIMARY KEY, name text)");
        sql.execute("CREATE TABLE emp (id integer, dept integer, salary integer)");
        sql.execute("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
        sql.execute("INSERT INTO emp VALUES (1, 1, 100), (2, 1, 90), (3, 1, 80), (4, 2, 50)");
        assertThat(sql.query("SELECT d.name, top.salary FROM dept d, LATERAL (SELECT salary FROM emp WHERE emp.dept = d.id "
                + "ORDER BY salary DESC LIMIT 2) top ORDER BY 1, 2"))
                .containsExactly(row("eng", "90"), row("eng", "100"), row("ops", "50"));
        assertThat(sql.query("SELECT d.name, top.salary FROM dept d LEFT JOIN LATERAL (SELECT salary FROM emp "
                + "WHERE emp.dept = d.id ORDER BY salary LIMIT 1) top ON true ORDER BY 1"))
                .containsExactly(row("empty", null), row("eng", "80"), row("ops", "50"));
        assertThat(sql.query("SELECT d.id, g FROM dept d, generate_series(1, d.id) g ORDER BY 1, 2"))
                .containsExactly(row("1", "1"), row("2", "1"), row("2", "2"), row("3", "1"), row("3", "2"), row("3", "3"));
        assertThat(sql.query("SELECT d.name, c.n FROM dept d CROSS JOIN LATERAL (SELECT count(*) AS n FROM emp "
                + "WHERE emp.dept = d.id) c WHERE c.n > 0 ORDER BY 1")).containsExactly(row("eng", "3"), row("ops", "1"));
        assertThat(sql.error("SELECT * FROM dept d RIGHT JOIN LATERAL (SELECT d.id) x ON true").code())
                .isEqualTo(ErrorCode.INVALID_COLUMN_REFERENCE);
    }
}
