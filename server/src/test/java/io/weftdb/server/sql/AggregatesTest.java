package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatesTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE sales (id integer PRIMARY KEY, region text, amount integer, price numeric(8,2), "
                + "ratio double precision, paid boolean)");
        sql.execute("INSERT INTO sales VALUES (1, 'north', 10, 1.50, 0.5, true), (2, 'north', 20, NULL, 1.5, false), "
                + "(3, 'south', NULL, 2.25, NULL, true), (4, 'south', 5, 2.25, 2.0, NULL), (5, NULL, 1, 1.00, 1.0, true)");
        sql.execute("CREATE TABLE empty (n integer, t text)");
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    @Test
    void groupsOfAnInputInIndexOrderStreamAndAgreeWithHashing() {
        sql.execute("CREATE TABLE lines (order_id integer, line integer, qty integer, sku text, PRIMARY KEY (order_id, line))");
        sql.execute("CREATE INDEX lines_sku ON lines (sku)");
        sql.execute("INSERT INTO lines SELECT g / 10, g % 10, g % 7, CASE WHEN g % 13 = 0 THEN NULL ELSE 's' || (g % 5) END"
                + " FROM generate_series(0, 9999) g");
        String streamed = "SELECT order_id, count(*), sum(qty), count(DISTINCT qty), string_agg(line::text, ',' ORDER BY line DESC)"
                + " FROM lines GROUP BY order_id";
        String hashed = "SELECT order_id + 0, count(*), sum(qty), count(DISTINCT qty), string_agg(line::text, ',' ORDER BY line DESC)"
                + " FROM lines GROUP BY order_id + 0";
        assertThat(plan(streamed)).contains("GroupAggregate").contains("Seq Scan on lines");
        assertThat(plan(hashed)).contains("HashAggregate");
        List<List<String>> rows = sql.query(streamed);
        assertThat(rows).hasSize(1000).isEqualTo(sql.query(hashed + " ORDER BY 1"));
        assertThat(rows.get(3)).containsExactly("3", "10", "30", "7", "9,8,7,6,5,4,3,2,1,0");
        // The leading key fixed by the WHERE clause, the next one grouped.
        String fixedPrefix = "SELECT line, sum(qty) FROM lines WHERE order_id = 42 GROUP BY line";
        assertThat(plan(fixedPrefix)).contains("GroupAggregate");
        assertThat(sql.query(fixedPrefix)).hasSize(10).contains(List.of("3", "3"));
        // Through a secondary index: NULL keys form one group, as when hashing.
        String bySku = "SELECT sku, count(*) FROM lines WHERE sku >= 's0' OR sku IS NULL GROUP BY sku";
        assertThat(plan("SELECT sku, count(*) FROM lines WHERE sku > 's2' GROUP BY sku"))
                .contains("GroupAggregate", "Index Only Scan using lines_sku");
        assertThat(sql.query("SELECT sku, count(*) FROM lines WHERE sku > 's2' GROUP BY sku ORDER BY 1"))
                .containsExactly(List.of("s3", "1846"), List.of("s4", "1846"));
        assertThat(sql.query(bySku + " ORDER BY 1")).hasSize(6).contains(java.util.Arrays.asList(null, "770"));
        assertThat(sql.query("SELECT order_id, count(*) FROM lines WHERE order_id < 0 GROUP BY order_id")).isEmpty();
        assertThat(sql.query("SELECT count(*) FROM lines WHERE order_id < 0")).containsExactly(List.of("0"));
    }

    private String plan(String query) {
        return sql.query("EXPLAIN " + query).stream().map(row -> row.get(0)).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void aggregatesIgnoreNullsAndUsePostgresResultTypes() {
        assertThat(sql.query("SELECT count(*), count(amount), sum(amount), avg(amount), min(amount), max(amount) FROM sales"))
                .containsExactly(List.of("5", "4", "36", "9.0000000000000000", "1", "20"));
        assertThat(sql.query("SELECT sum(price), avg(price), sum(ratio), avg(ratio), sum(id::bigint) FROM sales"))
                .containsExactly(List.of("7.00", "1.7500000000000000", "5", "1.25", "15"));
        assertThat(sql.query("SELECT min(region), max(region), bool_and(paid), bool_or(paid), every(paid) FROM sales"))
                .containsExactly(List.of("north", "south", "f", "t", "f"));
    }

    @Test
    void aggregatesOverNoRowsGiveOneRowOfNullsButCountGivesZero() {
        assertThat(sql.query("SELECT count(*), count(n), sum(n), avg(n), min(t), max(n), string_agg(t, ',') FROM empty"))
                .containsExactly(Arrays.asList("0", "0", null, null, null, null, null));
        assertThat(sql.query("SELECT count(*) FROM sales WHERE id > 100")).containsExactly(List.of("0"));
        assertThat(sql.query("SELECT n, count(*) FROM empty GROUP BY n")).isEmpty();
    }

    @Test
    void groupByWithHavingAndOrderByAnAggregate() {
        assertThat(sql.query("SELECT region, sum(amount) AS total FROM sales GROUP BY region HAVING count(*) > 1 "
                + "ORDER BY sum(amount) DESC")).containsExactly(List.of("north", "30"), List.of("south", "5"));
        assertThat(sql.query("SELECT region, count(*) FROM sales GROUP BY region ORDER BY region NULLS FIRST"))
                .containsExactly(Arrays.asList(null, "1"), List.of("north", "2"), List.of("south", "2"));
        assertThat(sql.query("SELECT upper(region) AS r, max(id) FROM sales WHERE region IS NOT NULL GROUP BY upper(region) "
                + "ORDER BY 2 DESC")).containsExactly(List.of("SOUTH", "4"), List.of("NORTH", "2"));
    }

    @Test
    void groupByAcceptsOrdinalsAliasesAndExpressionsOverKeys() {
        assertThat(sql.query("SELECT region, count(*) FROM sales GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2"))
                .containsExactly(List.of("north", "2"), List.of("south", "2"));
        assertThat(sql.query("SELECT amount > 5 AS big, count(*) FROM sales WHERE amount IS NOT NULL GROUP BY big ORDER BY big"))
                .containsExactly(List.of("f", "2"), List.of("t", "2"));
        assertThat(sql.query("SELECT sales.region || '!' AS r FROM sales GROUP BY region ORDER BY r"))
                .containsExactly(List.of("north!"), List.of("south!"), Arrays.asList((String) null));
    }

    @Test
    void orderByFindsAnAliasedSelectExpressionEvenUnderDistinct() {
        assertThat(sql.query("SELECT DISTINCT region AS r FROM sales WHERE region IS NOT NULL ORDER BY region DESC"))
                .containsExactly(List.of("south"), List.of("north"));
        assertThat(sql.query("SELECT amount + 1 AS next FROM sales WHERE amount IS NOT NULL ORDER BY amount + 1"))
                .containsExactly(List.of("2"), List.of("6"), List.of("11"), List.of("21"));
    }

    @Test
    void distinctAndFilteredAggregates() {
        assertThat(sql.query("SELECT count(DISTINCT region), count(DISTINCT price), sum(DISTINCT price) FROM sales"))
                .containsExactly(List.of("2", "3", "4.75"));
        assertThat(sql.query("SELECT count(*) FILTER (WHERE paid), sum(amount) FILTER (WHERE region = 'north') FROM sales"))
                .containsExactly(List.of("3", "30"));
    }

    @Test
    void stringAggJoinsNonNullValuesWithTheDelimiter() {
        assertThat(sql.query("SELECT region, string_agg(id::text, ', ') FROM sales GROUP BY region ORDER BY region"))
                .containsExactly(List.of("north", "1, 2"), List.of("south", "3, 4"), Arrays.asList(null, "5"));
        assertThat(sql.value("SELECT string_agg(DISTINCT region, '|') FROM sales")).isEqualTo("north|south");
    }

    @Test
    void explainShowsTheAggregation() {
        assertThat(sql.query("EXPLAIN SELECT region, count(*) FROM sales GROUP BY region").toString()).contains("HashAggregate");
        assertThat(sql.query("EXPLAIN SELECT count(*) FROM sales").toString()).contains("Aggregate");
    }

    @Test
    void misplacedColumnsAndAggregatesRaiseGroupingErrors() {
        SqlException ungrouped = sql.error("SELECT region, amount FROM sales GROUP BY region");
        assertThat(ungrouped.code()).isEqualTo(ErrorCode.GROUPING_ERROR);
        assertThat(ungrouped.getMessage())
                .contains("column \"sales.amount\" must appear in the GROUP BY clause or be used in an aggregate function");
        assertThat(ungrouped.position()).isEqualTo(16);
        assertThat(sql.error("SELECT amount, count(*) FROM sales").code()).isEqualTo(ErrorCode.GROUPING_ERROR);
        assertThat(sql.error("SELECT sum(count(*)) FROM sales").getMessage()).contains("aggregate function calls cannot be nested");
        SqlException inWhere = sql.error("SELECT id FROM sales WHERE sum(amount) > 1");
        assertThat(inWhere.code()).isEqualTo(ErrorCode.GROUPING_ERROR);
        assertThat(inWhere.getMessage()).contains("aggregate functions are not allowed in WHERE");
        assertThat(sql.error("SELECT count(*) FROM sales GROUP BY count(*)").getMessage())
                .contains("aggregate functions are not allowed in GROUP BY");
        assertThat(sql.error("SELECT sum(region) FROM sales").code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
    }

    @Test
    void orderByInsideAnAggregateOrdersTheRowsItSees() {
        sql.execute("CREATE TABLE s (g text, name text, n integer)");
        sql.execute("INSERT INTO s VALUES ('a', 'x', 3), ('a', 'y', 1), ('a', 'z', 2), ('b', 'q', 1), ('b', NULL, 5)");
        assertThat(sql.query("SELECT g, string_agg(name, ',' ORDER BY n), string_agg(name, ',' ORDER BY n DESC) "
                + "FROM s GROUP BY g ORDER BY g")).containsExactly(List.of("a", "y,z,x", "x,z,y"), List.of("b", "q", "q"));
        assertThat(sql.value("SELECT array_agg(n ORDER BY name NULLS FIRST) FROM s")).isEqualTo("{5,1,3,1,2}");
        assertThat(sql.value("SELECT string_agg(DISTINCT name, ',' ORDER BY name) FROM s")).isEqualTo("q,x,y,z");
        assertThat(sql.error("SELECT string_agg(DISTINCT name, ',' ORDER BY n) FROM s").code())
                .isEqualTo(ErrorCode.INVALID_COLUMN_REFERENCE);
    }

    @Test
    void arrayAndJsonAggregatesKeepNullsAndFollowTheirOrder() {
        sql.execute("CREATE TABLE s (g text, name text, n integer)");
        sql.execute("INSERT INTO s VALUES ('a', 'x', 3), ('a', 'y', 1), ('a', 'z', 2), ('b', 'q', 1), ('b', NULL, 5)");
        assertThat(sql.query("SELECT g, array_agg(name ORDER BY n), json_agg(name ORDER BY n), jsonb_agg(n ORDER BY n DESC) "
                + "FROM s GROUP BY g ORDER BY g")).containsExactly(
                List.of("a", "{y,z,x}", "[\"y\", \"z\", \"x\"]", "[3, 2, 1]"),
                List.of("b", "{q,NULL}", "[\"q\", null]", "[5, 1]"));
        assertThat(sql.value("SELECT json_object_agg(name, n ORDER BY n, name) FROM s WHERE name IS NOT NULL"))
                .isEqualTo("{ \"q\" : 1, \"y\" : 1, \"z\" : 2, \"x\" : 3 }");
        assertThat(sql.value("SELECT jsonb_object_agg(coalesce(name, 'none'), n) FROM s"))
                .isEqualTo("{\"q\": 1, \"x\": 3, \"y\": 1, \"z\": 2, \"none\": 5}");
        assertThat(sql.value("SELECT array_agg(n) FILTER (WHERE n > 10) FROM s")).isNull();
        assertThat(sql.query("SELECT name, array_agg(n) OVER (ORDER BY n, name) FROM s ORDER BY n, name"))
                .containsExactly(List.of("q", "{1}"), List.of("y", "{1,1}"), List.of("z", "{1,1,2}"),
                        List.of("x", "{1,1,2,3}"), java.util.Arrays.asList(null, "{1,1,2,3,5}"));
    }

    @Test
    void rollupCubeAndGroupingSetsAggregateEachSet() {
        sql.execute("CREATE TABLE sales2 (region text, product text, qty integer)");
        sql.execute("INSERT INTO sales2 VALUES ('n', 'a', 1), ('n', 'b', 2), ('s', 'a', 3), ('s', 'a', 4)");
        assertThat(sql.query("SELECT region, product, sum(qty), grouping(region, product) FROM sales2 "
                + "GROUP BY ROLLUP (region, product) ORDER BY 1, 2")).containsExactly(
                Arrays.asList("n", "a", "1", "0"), Arrays.asList("n", "b", "2", "0"), Arrays.asList("n", null, "3", "1"),
                Arrays.asList("s", "a", "7", "0"), Arrays.asList("s", null, "7", "1"), Arrays.asList(null, null, "10", "3"));
        assertThat(sql.query("SELECT region, product, sum(qty) FROM sales2 GROUP BY CUBE (region, product) ORDER BY 1, 2"))
                .containsExactly(Arrays.asList("n", "a", "1"), Arrays.asList("n", "b", "2"), Arrays.asList("n", null, "3"),
                        Arrays.asList("s", "a", "7"), Arrays.asList("s", null, "7"), Arrays.asList(null, "a", "8"),
                        Arrays.asList(null, "b", "2"), Arrays.asList(null, null, "10"));
        assertThat(sql.query("SELECT region, product, count(*) FROM sales2 GROUP BY GROUPING SETS ((region), (product), ()) "
                + "ORDER BY 1, 2")).containsExactly(Arrays.asList("n", null, "2"), Arrays.asList("s", null, "2"),
                Arrays.asList(null, "a", "3"), Arrays.asList(null, "b", "1"), Arrays.asList(null, null, "4"));
        assertThat(sql.query("SELECT count(*) FROM sales2 WHERE false GROUP BY ROLLUP (region)")).containsExactly(List.of("0"));
        assertThat(sql.query("SELECT region, sum(qty) FROM sales2 GROUP BY region, ROLLUP (product) ORDER BY 1, 2"))
                .containsExactly(List.of("n", "1"), List.of("n", "2"), List.of("n", "3"), List.of("s", "7"), List.of("s", "7"));
    }
}
