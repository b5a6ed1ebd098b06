package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorts, hash aggregations, hash joins, DISTINCT and set operations bigger than work_mem spill to disk and give the same answers; the files go away after. */
class SortSpillTest {
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

    private static long spillFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("weftdb-spill-")).count();
        }
    }

    @Test
    void aSortLargerThanWorkMemGivesTheSameOrderFromDisk() throws Exception {
        long before = spillFiles();
        sql.execute("SET work_mem = '64kB'");
        sql.execute("CREATE TABLE t (n integer, label text, tags integer[])");
        sql.execute("INSERT INTO t SELECT (g * 7919) % 20000, 'row ' || g, ARRAY[g, g + 1] FROM generate_series(1, 20000) g");
        List<List<String>> rows = sql.query("SELECT n, label, tags FROM t ORDER BY n DESC, label");
        assertThat(rows).hasSize(20000);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Integer.parseInt(rows.get(i - 1).get(0))).isGreaterThanOrEqualTo(Integer.parseInt(rows.get(i).get(0)));
        }
        assertThat(rows.get(0)).containsExactly("19999", "row 2321", "{2321,2322}");
        assertThat(sql.value("SELECT string_agg(label, ',') FROM (SELECT label FROM t ORDER BY n LIMIT 3) s"))
                .isEqualTo("row 20000,row 17679,row 15358");
        assertThat(spillFiles()).isEqualTo(before);
    }

    @Test
    void workMemTakesPostgresUnitsAndRefusesTinyValues() {
        sql.execute("SET work_mem = '2MB'");
        assertThat(sql.value("SHOW work_mem")).isEqualTo("2MB");
        sql.execute("SET work_mem = 128");
        assertThat(sql.value("SHOW work_mem")).isEqualTo("128kB");
        assertThat(sql.error("SET work_mem = '1kB'").code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(sql.error("SET work_mem = 'lots'").code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void anAggregationWithMoreGroupsThanWorkMemHoldsGivesTheSameGroups() throws Exception {
        long before = spillFiles();
        sql.execute("CREATE TABLE g (k integer, v integer)");
        sql.execute("INSERT INTO g SELECT g % 5000, g FROM generate_series(1, 20000) g");
        String query = "SELECT k, count(*), sum(v), count(DISTINCT v % 3), string_agg(v::text, ',' ORDER BY v) "
                + "FROM g GROUP BY k ORDER BY k";
        String rollup = "SELECT k % 10, count(*) FROM g GROUP BY ROLLUP (k % 10) ORDER BY 1";
        List<List<String>> inMemory = sql.query(query);
        List<List<String>> rollupInMemory = sql.query(rollup);
        sql.execute("SET work_mem = '64kB'");
        assertThat(sql.query(query)).isEqualTo(inMemory).hasSize(5000);
        assertThat(inMemory.get(1)).containsExactly("1", "4", "30004", "3", "1,5001,10001,15001");
        assertThat(sql.query(rollup)).isEqualTo(rollupInMemory).hasSize(11);
        assertThat(spillFiles()).isEqualTo(before);
    }

    @Test
    void distinctAndSetOperationsBiggerThanWorkMemGiveTheSameRowsFromDisk() throws Exception {
        long before = spillFiles();
        sql.execute("CREATE TABLE a (k integer, s text)");
        sql.execute("CREATE TABLE b (k integer, s text)");
        sql.execute("INSERT INTO a SELECT CASE WHEN g % 101 = 0 THEN NULL ELSE g % 7000 END, 'x' || (g % 7000)"
                + " FROM generate_series(1, 21000) g");
        sql.execute("INSERT INTO b SELECT g % 9000 + 3500, 'x' || (g % 9000 + 3500) FROM generate_series(1, 18000) g");
        List<String> queries = List.of(
                "SELECT DISTINCT k, s FROM a",
                "SELECT k, s FROM a UNION SELECT k, s FROM b",
                "SELECT k, s FROM a INTERSECT SELECT k, s FROM b",
                "SELECT k, s FROM a INTERSECT ALL SELECT k, s FROM b",
                "SELECT k, s FROM a EXCEPT SELECT k, s FROM b",
                "SELECT k, s FROM a EXCEPT ALL SELECT k, s FROM b");
        List<List<List<String>>> inMemory = new java.util.ArrayList<>();
        for (String query : queries) {
            inMemory.add(sorted(sql.query(query)));
        }
        assertThat(inMemory.get(0)).hasSize(7207);
        assertThat(inMemory.get(1)).hasSize(12707);
        sql.execute("SET work_mem = '64kB'");
        for (int i = 0; i < queries.size(); i++) {
            assertThat(sorted(sql.query(queries.get(i)))).as(queries.get(i)).isEqualTo(inMemory.get(i));
        }
        assertThat(spillFiles()).isEqualTo(before);
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new java.util.ArrayList<>(rows);
        copy.sort(java.util.Comparator.comparing(Object::toString));
        return copy;
    }

    @Test
    void aHashJoinWhoseBuildSideOutgrowsWorkMemJoinsPartitionByPartition() throws Exception {
        long before = spillFiles();
        sql.execute("CREATE TABLE l (k integer, a text)");
        sql.execute("CREATE TABLE r (k integer, b text)");
        sql.execute("INSERT INTO l SELECT CASE WHEN g % 97 = 0 THEN NULL ELSE g % 3000 END, 'l' || g FROM generate_series(1, 6000) g");
        sql.execute("INSERT INTO r SELECT CASE WHEN g % 89 = 0 THEN NULL ELSE g END, 'r' || g FROM generate_series(1, 4000) g");
        List<String> queries = List.of(
                "SELECT count(*), count(l.a), count(r.b), min(l.a || r.b) FROM l JOIN r ON l.k = r.k",
                "SELECT count(*), count(l.a), count(r.b) FROM l LEFT JOIN r ON l.k = r.k",
                "SELECT count(*), count(l.a), count(r.b) FROM l RIGHT JOIN r ON l.k = r.k",
                "SELECT count(*), count(l.a), count(r.b) FROM l FULL JOIN r ON l.k = r.k AND r.b <> 'r7'");
        List<List<List<String>>> inMemory = queries.stream().map(sql::query).toList();
        sql.execute("SET work_mem = '64kB'");
        for (int i = 0; i < queries.size(); i++) {
            assertThat(sql.query(queries.get(i))).as(queries.get(i)).isEqualTo(inMemory.get(i));
        }
        assertThat(inMemory.get(3)).containsExactly(List.of("7035", "6000", "6905"));
        assertThat(inMemory.get(0)).containsExactly(List.of("5871", "5871", "5871", "l1000r1000"));
        assertThat(spillFiles()).isEqualTo(before);
    }
}
