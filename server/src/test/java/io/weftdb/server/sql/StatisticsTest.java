package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANALYZE's column statistics: what pg_stats shows, how they shape estimates and plans, that they persist. */
class StatisticsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text, region text)");
        sql.execute("INSERT INTO customers SELECT g, 'c' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'r' || (g % 4) END"
                + " FROM generate_series(1, 2000) g");
        // 1% of the orders are open, the rest done.
        sql.execute("CREATE TABLE orders (id integer PRIMARY KEY, customer integer, status text)");
        sql.execute("INSERT INTO orders SELECT g, g % 2000 + 1, CASE WHEN g % 100 = 0 THEN 'open' ELSE 'done' END"
                + " FROM generate_series(1, 20000) g");
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    private String plan(String query) {
        return sql.query("EXPLAIN " + query).stream().map(row -> row.get(0)).collect(Collectors.joining("\n"));
    }

    private String topEstimate(String query) {
        String first = sql.query("EXPLAIN " + query).get(0).get(0);
        return first.substring(first.lastIndexOf("(rows="));
    }

    @Test
    void analyzeFillsPgStatsWithEachColumnsStatistics() {
        sql.execute("ANALYZE customers");
        assertThat(sql.query("SELECT attname, null_frac, n_distinct, most_common_vals FROM pg_stats "
                + "WHERE tablename = 'customers' ORDER BY attname")).containsExactly(
                java.util.Arrays.asList("id", "0", "-1", null),
                java.util.Arrays.asList("name", "0", "-1", null),
                List.of("region", "0.1", "4", "{r1,r3,r0,r2}"));
        assertThat(sql.query("SELECT array_length(histogram_bounds, 1) FROM pg_stats WHERE tablename = 'customers'"
                + " AND attname = 'id'")).containsExactly(List.of("101"));
        assertThat(sql.query("SELECT n_live_tup, analyze_count, last_analyze IS NOT NULL FROM pg_stat_user_tables"
                + " WHERE relname = 'customers'")).containsExactly(List.of("2000", "1", "t"));
    }

    @Test
    void commonValuesAndHistogramsEstimateFilters() {
        sql.execute("ANALYZE");
        assertThat(topEstimate("SELECT * FROM orders WHERE status = 'open'")).isEqualTo("(rows=200)");
        assertThat(topEstimate("SELECT * FROM orders WHERE status <> 'open'")).isEqualTo("(rows=19800)");
        assertThat(topEstimate("SELECT * FROM orders WHERE id < 5000")).isEqualTo("(rows=5000)");
        assertThat(topEstimate("SELECT * FROM orders WHERE id BETWEEN 101 AND 200")).isEqualTo("(rows=99)");
        assertThat(topEstimate("SELECT * FROM customers WHERE region IS NULL")).isEqualTo("(rows=200)");
        assertThat(topEstimate("SELECT * FROM customers WHERE region = 'r1' AND id > 1000")).isEqualTo("(rows=250)");
    }

    @Test
    void distinctCountsEstimateGroupsAndJoins() {
        sql.execute("ANALYZE");
        assertThat(topEstimate("SELECT customer, count(*) FROM orders GROUP BY customer")).isEqualTo("(rows=2000)");
        assertThat(topEstimate("SELECT status, count(*) FROM orders GROUP BY status")).isEqualTo("(rows=2)");
        assertThat(topEstimate("SELECT * FROM orders o JOIN customers c ON o.customer = c.id")).isEqualTo("(rows=20000)");
    }

    @Test
    void aRareValueMakesTheJoinLookRowsUpAndACommonOneHashes() {
        sql.execute("ANALYZE");
        assertThat(plan("SELECT c.name FROM orders o JOIN customers c ON o.customer = c.id WHERE o.status = 'open'"))
                .contains("Nested Loop (lateral)  (rows=200)", "Index Scan using customers_pkey on customers c");
        assertThat(plan("SELECT c.name FROM orders o JOIN customers c ON o.customer = c.id WHERE o.status = 'done'"))
                .contains("Hash Join (1 key)  (rows=19800)").doesNotContain("Nested Loop");
        assertThat(sql.query("SELECT count(*) FROM orders o JOIN customers c ON o.customer = c.id WHERE o.status = 'open'"))
                .containsExactly(List.of("200"));
    }

    @Test
    void joinsStartFromTheSmallestFilteredRelationAndFollowTheCheapestJoin() {
        sql.execute("CREATE TABLE regions (name text PRIMARY KEY, manager text)");
        sql.execute("INSERT INTO regions SELECT 'r' || g, 'm' || g FROM generate_series(0, 3) g");
        sql.execute("ANALYZE");
        assertThat(plan("SELECT count(*) FROM orders o, customers c, regions r "
                + "WHERE o.customer = c.id AND c.region = r.name AND r.manager = 'm1'")).isEqualTo("""
                Project: count  (rows=1)
                  ->  Aggregate  (rows=1)
                        ->  Hash Join (1 key)  (rows=5000)
                              ->  Seq Scan on orders o  (rows=20000)
                              ->  Hash Join (1 key)  (rows=500)
                                    ->  Seq Scan on customers c  (rows=2000)
                                    ->  Filter: (WHERE clause)  (rows=1)
                                          ->  Seq Scan on regions r  (rows=4)""");
        assertThat(sql.query("SELECT count(*) FROM orders o, customers c, regions r "
                + "WHERE o.customer = c.id AND c.region = r.name AND r.manager = 'm1'")).containsExactly(List.of("5000"));
    }

    @Test
    void tablesChangedEnoughAreAnalyzedInTheBackground() throws Exception {
        sql.execute("ANALYZE customers");
        sql.close();
        database.close();
        database = new TestDatabase(directory, io.weftdb.engine.EngineOptions.defaults()
                .withAutoAnalyzeNaptime(java.time.Duration.ofMillis(100)));
        sql = database.client();
        // The tables were loaded before this engine started: it counts changes from now on. orders,
        // never analyzed, has no row count yet, so 50 changed rows are enough.
        sql.execute("UPDATE customers SET name = name || '!' WHERE id <= 100");
        sql.execute("INSERT INTO orders SELECT g, 1, 'open' FROM generate_series(20001, 22500) g");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!sql.query("SELECT count(*) FROM pg_stats WHERE tablename = 'orders'").equals(List.of(List.of("3")))) {
            assertThat(System.nanoTime()).as("orders analyzed in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        // 100 changed customers of 2000 are below the threshold (50 + 10%): not analyzed.
        assertThat(sql.query("SELECT relname, n_live_tup, n_mod_since_analyze, autoanalyze_count FROM pg_stat_user_tables"
                + " ORDER BY relname")).containsExactly(List.of("customers", "2000", "100", "0"),
                List.of("orders", "22500", "0", "1"));
        assertThat(topEstimate("SELECT * FROM orders WHERE status = 'open'")).isEqualTo("(rows=2700)");
    }

    @Test
    void statisticsSurviveARestart() {
        sql.execute("ANALYZE orders");
        String before = plan("SELECT * FROM orders WHERE status = 'open'");
        sql.close();
        database.restart();
        sql = database.client();
        assertThat(plan("SELECT * FROM orders WHERE status = 'open'")).isEqualTo(before);
        assertThat(sql.query("SELECT count(*) FROM pg_stats WHERE tablename = 'orders'")).containsExactly(List.of("3"));
    }

    @Test
    void analyzeRolledBackLeavesNoStatistics() {
        sql.execute("BEGIN");
        sql.execute("ANALYZE orders");
        sql.execute("ROLLBACK");
        assertThat(sql.query("SELECT count(*) FROM pg_stats")).containsExactly(List.of("0"));
    }

    @Test
    void droppingATableDropsItsStatistics() {
        sql.execute("ANALYZE orders");
        sql.execute("DROP TABLE orders");
        sql.execute("CREATE TABLE orders (id integer PRIMARY KEY, customer integer, status text)");
        assertThat(sql.query("SELECT count(*) FROM pg_stats WHERE tablename = 'orders'")).containsExactly(List.of("0"));
        sql.close();
        database.restart();
        sql = database.client();
        assertThat(sql.query("SELECT count(*) FROM pg_stats WHERE tablename = 'orders'")).containsExactly(List.of("0"));
    }

    @Test
    void aColumnWhoseTypeChangedHasNoStatisticsUntilAnalyzedAgain() {
        sql.execute("ANALYZE customers");
        sql.execute("ALTER TABLE customers ALTER COLUMN region TYPE varchar(10)");
        assertThat(sql.query("SELECT attname FROM pg_stats WHERE tablename = 'customers' ORDER BY 1"))
                .containsExactly(List.of("id"), List.of("name"));
    }
}
