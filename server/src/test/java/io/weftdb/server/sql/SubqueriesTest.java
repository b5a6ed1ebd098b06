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

/** Subqueries in expressions: answers checked against PostgreSQL 15 on the same data. */
class SubqueriesTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE t1 (a integer, b integer, c text)");
        sql.execute("CREATE TABLE t2 (x integer, y text)");
        sql.execute("INSERT INTO t1 VALUES (1, 10, 'one'), (2, 20, 'two'), (3, NULL, 'three'), (NULL, 40, 'four')");
        sql.execute("INSERT INTO t2 VALUES (1, 'a'), (2, 'b'), (2, 'c'), (NULL, 'n')");
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
    void inAndNotInFollowThreeValuedLogicWithNullsInTheSubquery() {
        assertThat(sql.query("SELECT a FROM t1 WHERE a IN (SELECT x FROM t2) ORDER BY a")).containsExactly(row("1"), row("2"));
        assertThat(sql.query("SELECT a, a IN (SELECT x FROM t2), a NOT IN (SELECT x FROM t2) FROM t1 ORDER BY a"))
                .containsExactly(row("1", "t", "f"), row("2", "t", "f"), row("3", null, null), row(null, null, null));
        assertThat(sql.query("SELECT a, a IN (SELECT x FROM t2 WHERE x IS NOT NULL) FROM t1 ORDER BY a"))
                .containsExactly(row("1", "t"), row("2", "t"), row("3", "f"), row(null, null));
        assertThat(sql.query("SELECT 1 IN (SELECT x FROM t2 WHERE false), NULL::int IN (SELECT x FROM t2 WHERE false)"))
                .containsExactly(row("f", "f"));
    }

    @Test
    void correlatedScalarSubqueriesRunForEachOuterRow() {
        assertThat(sql.query("SELECT a, (SELECT count(*) FROM t2 WHERE t2.x = t1.a) FROM t1 ORDER BY a"))
                .containsExactly(row("1", "1"), row("2", "2"), row("3", "0"), row(null, "0"));
        assertThat(sql.query("SELECT a, (SELECT y FROM t2 WHERE x = a AND y <> 'c') FROM t1 ORDER BY a"))
                .containsExactly(row("1", "a"), row("2", "b"), row("3", null), row(null, null));
        assertThat(sql.query("SELECT a, (SELECT count(*) FROM t2 WHERE x < t1.a AND EXISTS "
                + "(SELECT 1 FROM t1 AS i WHERE i.a = t2.x + 1 AND i.b > t1.b - 100)) FROM t1 ORDER BY a"))
                .containsExactly(row("1", "0"), row("2", "1"), row("3", "0"), row(null, "0"));
    }

    @Test
    void existsAndNotExists() {
        assertThat(sql.query("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.a) ORDER BY a"))
                .containsExactly(row("1"), row("2"));
        assertThat(sql.query("SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.a) ORDER BY a"))
                .containsExactly(row("3"), row((String) null));
    }

    @Test
    void anyAndAllCompareWithEveryRow() {
        assertThat(sql.query("SELECT a FROM t1 WHERE b > ALL (SELECT x * 10 FROM t2 WHERE x IS NOT NULL) ORDER BY a"))
                .containsExactly(row((String) null));
        assertThat(sql.query("SELECT a FROM t1 WHERE b = ANY (SELECT x * 10 FROM t2) ORDER BY a"))
                .containsExactly(row("1"), row("2"));
        assertThat(sql.query("SELECT a, b > ALL (SELECT x FROM t2) FROM t1 ORDER BY a"))
                .containsExactly(row("1", null), row("2", null), row("3", null), row(null, null));
    }

    @Test
    void uncorrelatedScalarSubqueriesInExpressions() {
        assertThat(sql.value("SELECT (SELECT max(b) FROM t1) - (SELECT min(b) FROM t1)")).isEqualTo("30");
        assertThat(sql.query("SELECT a, CASE WHEN b > (SELECT avg(b) FROM t1) THEN 'big' ELSE 'small' END FROM t1 ORDER BY a"))
                .containsExactly(row("1", "small"), row("2", "small"), row("3", "small"), row(null, "big"));
        assertThat(sql.value("SELECT c FROM t1 WHERE a = (SELECT max(x) FROM t2)")).isEqualTo("two");
    }

    @Test
    void subqueriesInGroupedQueriesSeeGroupKeysAndAggregates() {
        assertThat(sql.query("SELECT x, count(*), (SELECT c FROM t1 WHERE a = t2.x) FROM t2 GROUP BY x ORDER BY x"))
                .containsExactly(row("1", "1", "one"), row("2", "2", "two"), row(null, "1", null));
        assertThat(sql.query("SELECT x FROM t2 GROUP BY x HAVING count(*) > (SELECT count(*) FROM t1 WHERE a = 1) ORDER BY x"))
                .containsExactly(row("2"));
    }

    @Test
    void updateAndDeleteWithSubqueries() {
        assertThat(sql.execute("UPDATE t1 SET b = (SELECT count(*) FROM t2 WHERE x = t1.a) WHERE a IS NOT NULL"))
                .isEqualTo("UPDATE 3");
        assertThat(sql.query("SELECT a, b FROM t1 ORDER BY a"))
                .containsExactly(row("1", "1"), row("2", "2"), row("3", "0"), row(null, "40"));
        assertThat(sql.execute("DELETE FROM t1 WHERE a IN (SELECT x FROM t2 WHERE y = 'c')")).isEqualTo("DELETE 1");
        assertThat(sql.query("SELECT a FROM t1 ORDER BY a")).containsExactly(row("1"), row("3"), row((String) null));
    }

    @Test
    void subqueryShapeErrorsUsePostgresCodes() {
        assertThat(sql.error("SELECT (SELECT x FROM t2)").code()).isEqualTo(ErrorCode.CARDINALITY_VIOLATION);
        assertThat(sql.error("SELECT (SELECT x, y FROM t2 LIMIT 1)").getMessage())
                .isEqualTo("subquery must return only one column");
        assertThat(sql.error("SELECT 1 IN (SELECT x, y FROM t2)").getMessage()).isEqualTo("subquery has too many columns");
        assertThat(sql.error("CREATE TABLE bad (n integer CHECK (n > (SELECT 1)))").code())
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void setOperationsWithDuplicatesAndNulls() {
        sql.execute("CREATE TABLE l (v integer)");
        sql.execute("CREATE TABLE r (v integer)");
        sql.execute("INSERT INTO l VALUES (1), (1), (2), (NULL), (3)");
        sql.execute("INSERT INTO r VALUES (1), (NULL), (NULL), (4)");
        assertThat(sql.query("SELECT v FROM l UNION SELECT v FROM r ORDER BY v"))
                .containsExactly(row("1"), row("2"), row("3"), row("4"), row((String) null));
        assertThat(sql.query("SELECT v FROM l UNION ALL SELECT v FROM r ORDER BY 1")).hasSize(9);
        assertThat(sql.query("SELECT v FROM l INTERSECT SELECT v FROM r ORDER BY v"))
                .containsExactly(row("1"), row((String) null));
        assertThat(sql.query("SELECT v FROM l INTERSECT ALL SELECT v FROM r ORDER BY v"))
                .containsExactly(row("1"), row((String) null));
        assertThat(sql.query("SELECT v FROM l EXCEPT SELECT v FROM r ORDER BY v")).containsExactly(row("2"), row("3"));
        assertThat(sql.query("SELECT v FROM l EXCEPT ALL SELECT v FROM r ORDER BY v"))
                .containsExactly(row("1"), row("2"), row("3"));
        assertThat(sql.query("SELECT 1 AS n UNION SELECT 2.5 ORDER BY n DESC LIMIT 1")).containsExactly(row("2.5"));
        assertThat(sql.query("SELECT NULL UNION SELECT 1")).containsExactlyInAnyOrder(row("1"), row((String) null));
        assertThat(sql.query("SELECT 1 UNION ALL SELECT NULL UNION ALL SELECT '3' ORDER BY 1"))
                .containsExactly(row("1"), row("3"), row((String) null));
        assertThat(sql.value("SELECT pg_typeof(x) FROM (SELECT NULL AS x UNION SELECT NULL) s")).isEqualTo("text");
        assertThat(sql.error("SELECT 1 UNION SELECT 1, 2").getMessage())
                .isEqualTo("each UNION query must have the same number of columns");
    }

    @Test
    void commonTableExpressionsAndRecursion() {
        assertThat(sql.query("WITH big AS (SELECT a, b FROM t1 WHERE b > 15), names(n) AS (SELECT c FROM t1) "
                + "SELECT a, (SELECT count(*) FROM names) FROM big ORDER BY a"))
                .containsExactly(row("2", "4"), row(null, "4"));
        assertThat(sql.value("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100) "
                + "SELECT sum(n) FROM s")).isEqualTo("5050");
        sql.execute("CREATE TABLE edge (src integer, dst integer)");
        sql.execute("INSERT INTO edge VALUES (1, 2), (2, 3), (3, 1), (3, 4)");
        assertThat(sql.query("WITH RECURSIVE reach(node) AS (SELECT 1 UNION SELECT dst FROM edge JOIN reach ON src = node) "
                + "SELECT node FROM reach ORDER BY node")).containsExactly(row("1"), row("2"), row("3"), row("4"));
        assertThat(sql.error("WITH RECURSIVE bad(n) AS (SELECT n FROM bad) SELECT * FROM bad").code())
                .isEqualTo(ErrorCode.INVALID_RECURSION);
    }

    @Test
    void correlatedSubqueriesTiedByEqualitiesAnswerAsWhenRunPerRow() {
        sql.execute("CREATE TABLE o (id integer, k integer, j integer)");
        sql.execute("CREATE TABLE i (k integer, j integer, v integer)");
        sql.execute("INSERT INTO o VALUES (1, 1, 1), (2, 2, NULL), (3, NULL, 1), (4, 9, 9), (5, 1, 2)");
        sql.execute("INSERT INTO i VALUES (1, 1, 10), (1, 2, 20), (2, 2, 30), (NULL, 1, 40), (2, NULL, 50)");
        assertThat(sql.query("SELECT id, EXISTS (SELECT 1 FROM i WHERE i.k = o.k), "
                + "NOT EXISTS (SELECT 1 FROM i WHERE i.k = o.k AND i.j = o.j) FROM o ORDER BY id"))
                .containsExactly(row("1", "t", "f"), row("2", "t", "t"), row("3", "f", "t"), row("4", "f", "t"),
                        row("5", "t", "f"));
        assertThat(sql.query("SELECT id, (SELECT count(*) FROM i WHERE i.k = o.k), "
                + "(SELECT sum(v) FROM i WHERE i.k = o.k AND i.v > 15) FROM o ORDER BY id"))
                .containsExactly(row("1", "2", "20"), row("2", "2", "80"), row("3", "0", null), row("4", "0", null),
                        row("5", "2", "20"));
        assertThat(sql.query("SELECT id, (SELECT v FROM i WHERE i.k = o.k AND i.j = o.j) FROM o ORDER BY id"))
                .containsExactly(row("1", "10"), row("2", null), row("3", null), row("4", null), row("5", "20"));
        assertThat(sql.error("SELECT id, (SELECT v FROM i WHERE i.k = o.k) FROM o WHERE id IN (2, 4)").code())
                .isEqualTo(ErrorCode.CARDINALITY_VIOLATION);
        assertThat(sql.query("SELECT id, (SELECT v FROM i WHERE i.k = o.k) FROM o WHERE id IN (3, 4) ORDER BY id"))
                .containsExactly(row("3", null), row("4", null));
    }
}
