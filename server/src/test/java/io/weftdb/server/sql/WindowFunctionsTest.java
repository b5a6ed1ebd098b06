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

/** Window functions: answers checked against PostgreSQL 15 on the same data. */
class WindowFunctionsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE w (dept text, name text, salary integer)");
        sql.execute("INSERT INTO w VALUES ('eng', 'ann', 100), ('eng', 'bob', 80), ('eng', 'cid', 100), "
                + "('ops', 'dan', 50), ('ops', 'eve', NULL), ('hr', 'fay', 70)");
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
    void rankingFunctionsNumberRowsWithinPartitions() {
        assertThat(sql.query("SELECT name, row_number() OVER (ORDER BY name), rank() OVER (PARTITION BY dept ORDER BY salary DESC), "
                + "dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) FROM w ORDER BY name"))
                .containsExactly(row("ann", "1", "1", "1"), row("bob", "2", "3", "2"), row("cid", "3", "1", "1"),
                        row("dan", "4", "2", "2"), row("eve", "5", "1", "1"), row("fay", "6", "1", "1"));
        assertThat(sql.query("SELECT name, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary) "
                + "FROM w ORDER BY name"))
                .containsExactly(row("ann", "0.6", "0.8333333333333334"), row("bob", "0.4", "0.5"),
                        row("cid", "0.6", "0.8333333333333334"), row("dan", "0", "0.16666666666666666"), row("eve", "1", "1"),
                        row("fay", "0.2", "0.3333333333333333"));
    }

    @Test
    void aggregatesOverWholePartitionsAndRunningFrames() {
        assertThat(sql.query("SELECT name, sum(salary) OVER (PARTITION BY dept), sum(salary) OVER (ORDER BY name), "
                + "count(*) OVER () FROM w ORDER BY name"))
                .containsExactly(row("ann", "280", "100", "6"), row("bob", "280", "180", "6"), row("cid", "280", "280", "6"),
                        row("dan", "50", "330", "6"), row("eve", "50", "330", "6"), row("fay", "70", "400", "6"));
        assertThat(sql.query("SELECT name, avg(salary) OVER (ORDER BY name ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), "
                + "ntile(4) OVER (ORDER BY name) FROM w ORDER BY name"))
                .containsExactly(row("ann", "90.0000000000000000", "1"), row("bob", "93.3333333333333333", "1"),
                        row("cid", "76.6666666666666667", "2"), row("dan", "75.0000000000000000", "2"),
                        row("eve", "60.0000000000000000", "3"), row("fay", "70.0000000000000000", "4"));
    }

    @Test
    void offsetAndValueFunctions() {
        assertThat(sql.query("SELECT name, lag(name) OVER (ORDER BY name), lead(name, 2, 'none') OVER (ORDER BY name), "
                + "first_value(name) OVER (PARTITION BY dept ORDER BY name), last_value(name) OVER (PARTITION BY dept "
                + "ORDER BY name ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM w ORDER BY name"))
                .containsExactly(row("ann", null, "cid", "ann", "cid"), row("bob", "ann", "dan", "ann", "cid"),
                        row("cid", "bob", "eve", "ann", "cid"), row("dan", "cid", "fay", "dan", "eve"),
                        row("eve", "dan", "none", "dan", "eve"), row("fay", "eve", "none", "fay", "fay"));
    }

    @Test
    void rangeAndGroupsFramesMeasureByOrderValues() {
        assertThat(sql.query("SELECT name, sum(salary) OVER (ORDER BY salary RANGE BETWEEN 20 PRECEDING AND CURRENT ROW) "
                + "FROM w ORDER BY name"))
                .containsExactly(row("ann", "280"), row("bob", "150"), row("cid", "280"), row("dan", "50"), row("eve", null),
                        row("fay", "120"));
        assertThat(sql.query("SELECT name, nth_value(name, 2) OVER (ORDER BY name ROWS BETWEEN UNBOUNDED PRECEDING AND "
                + "UNBOUNDED FOLLOWING), count(*) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) "
                + "FROM w ORDER BY name"))
                .containsExactly(row("ann", "bob", "3"), row("bob", "bob", "2"), row("cid", "bob", "3"), row("dan", "bob", "1"),
                        row("eve", "bob", "3"), row("fay", "bob", "2"));
    }

    @Test
    void windowsOverGroupedRowsAndWhereTheyAreNotAllowed() {
        assertThat(sql.query("SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM w GROUP BY dept ORDER BY dept"))
                .containsExactly(row("eng", "280", "1"), row("hr", "70", "2"), row("ops", "50", "3"));
        assertThat(sql.error("SELECT name FROM w WHERE row_number() OVER () > 1").code()).isEqualTo(ErrorCode.WINDOWING_ERROR);
        assertThat(sql.query("SELECT *, row_number() OVER () FROM w WHERE dept = 'hr'")).containsExactly(row("hr", "fay", "70", "1"));
    }

    @Test
    void namedWindowsAreSharedAndExtended() {
        assertThat(sql.query("SELECT name, rank() OVER d, sum(salary) OVER (d ROWS UNBOUNDED PRECEDING), count(*) OVER whole "
                + "FROM w WHERE dept <> 'hr' AND salary IS NOT NULL "
                + "WINDOW d AS (PARTITION BY dept ORDER BY salary DESC, name), whole AS () ORDER BY name"))
                .containsExactly(row("ann", "1", "100", "4"), row("bob", "3", "280", "4"), row("cid", "2", "200", "4"),
                        row("dan", "1", "50", "4"));
        assertThat(sql.error("SELECT rank() OVER nope FROM w").code()).isEqualTo(ErrorCode.UNDEFINED_OBJECT);
        assertThat(sql.error("SELECT rank() OVER (d ORDER BY name) FROM w WINDOW d AS (ORDER BY salary)").code())
                .isEqualTo(ErrorCode.WINDOWING_ERROR);
    }

    @Test
    void windowsOverMoreRowsThanWorkMemSortOnDiskAndNumberEachPartition() {
        sql.execute("SET work_mem = '64kB'");
        sql.execute("CREATE TABLE many AS SELECT g % 7 AS part, g AS v FROM generate_series(1, 30000) g");
        // Per partition: the row numbers 1..n (sum n(n+1)/2), and a running total that ends at the partition's sum.
        assertThat(sql.query("SELECT part, sum(rn), max(running) FROM (SELECT part, row_number() OVER (PARTITION BY part"
                + " ORDER BY v DESC) AS rn, sum(v) OVER (PARTITION BY part ORDER BY v) AS running FROM many) t"
                + " GROUP BY part ORDER BY part")).isEqualTo(sql.query("SELECT part, count(*) * (count(*) + 1) / 2, sum(v)"
                + " FROM many GROUP BY part ORDER BY part"));
        assertThat(sql.query("SELECT v, lag(v) OVER (ORDER BY v) FROM many ORDER BY v LIMIT 2"))
                .containsExactly(java.util.Arrays.asList("1", null), List.of("2", "1"));
    }
}
