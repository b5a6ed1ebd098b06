package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden EXPLAIN output of representative queries, so that a planner change shows up here as a
 * visible diff of plan shapes.
 */
class PlanShapesTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE orders (id integer PRIMARY KEY, customer integer, amount numeric(10,2))");
        sql.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text, region text)");
        sql.execute("CREATE INDEX orders_customer ON orders (customer)");
        sql.execute("INSERT INTO customers VALUES (1, 'ann', 'north'), (2, 'bob', 'south')");
        sql.execute("INSERT INTO orders VALUES (10, 1, 5.00), (11, 1, 7.50), (12, 2, 1.25)");
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    private String plan(String query) {
        return sql.query("EXPLAIN " + query).stream().map(row -> row.get(0)).collect(Collectors.joining("\n"));
    }

    @Test
    void primaryKeyEqualityIsAnIndexScan() {
        assertThat(plan("SELECT name FROM customers WHERE id = 2")).isEqualTo("""
                Project: name  (rows=1)
                  ->  Filter: (WHERE clause)  (rows=1)
                        ->  Index Scan using customers_pkey on customers  (rows=1)""");
    }

    @Test
    void joinStartsFromTheFilteredTableAndBuildsTheHashOnTheSmallerSide() {
        assertThat(plan("SELECT c.name, o.amount FROM orders o, customers c WHERE o.customer = c.id AND c.region = 'north'"))
                .isEqualTo("""
                Project: name, amount  (rows=1000)
                  ->  Hash Join (1 key)  (rows=1000)
                        ->  Seq Scan on orders o  (rows=1000)
                        ->  Filter: (WHERE clause)  (rows=333)
                              ->  Seq Scan on customers c  (rows=1000)""");
    }

    @Test
    void groupedTopNQuery() {
        assertThat(plan("SELECT customer, sum(amount) FROM orders GROUP BY customer ORDER BY 2 DESC LIMIT 1"))
                .isEqualTo("""
                Limit  (rows=100)
                  ->  Sort (top-N)  (rows=100)
                        ->  Project: customer, sum  (rows=100)
                              ->  HashAggregate  (rows=100)
                                    ->  Seq Scan on orders  (rows=1000)""");
    }

    @Test
    void outerJoinWithoutEqualityIsANestedLoop() {
        assertThat(plan("SELECT * FROM customers c LEFT JOIN orders o ON o.amount > c.id")).isEqualTo("""
                Project: id, name, region, id, customer, amount  (rows=333333)
                  ->  Nested Loop Left Join  (rows=333333)
                        ->  Seq Scan on customers c  (rows=1000)
                        ->  Seq Scan on orders o  (rows=1000)""");
    }

    @Test
    void windowsAndSetOperations() {
        assertThat(plan("SELECT id, rank() OVER (ORDER BY amount) FROM orders UNION ALL SELECT id, 0 FROM customers"))
                .isEqualTo("""
                Append  (rows=2000)
                  ->  Project: id, rank  (rows=1000)
                        ->  WindowAgg  (rows=1000)
                              ->  Seq Scan on orders  (rows=1000)
                  ->  Project: id, ?column?  (rows=1000)
                        ->  Project: id, ?column?  (rows=1000)
                              ->  Seq Scan on customers  (rows=1000)""");
    }

    @Test
    void explainAnalyzeReportsRowsAndLoopsOfEachNode() {
        List<String> lines = sql.query("EXPLAIN ANALYZE SELECT c.name FROM orders o JOIN customers c ON o.customer = c.id")
                .stream().map(row -> row.get(0)).toList();
        assertThat(lines.get(0)).startsWith("Project: name  (rows=").contains("(actual time=").endsWith(" rows=3 loops=1)");
        assertThat(lines.get(1)).startsWith("  ->  Hash Join (1 key)  (rows=").endsWith(" rows=3 loops=1)");
        assertThat(lines.get(2)).contains("Seq Scan on orders").endsWith(" rows=3 loops=1)");
        assertThat(lines.get(3)).contains("Seq Scan on customers").endsWith(" rows=2 loops=1)");
        assertThat(lines.get(4)).startsWith("Planning Time: ");
        assertThat(lines.get(5)).startsWith("Execution Time: ");
    }

    @Test
    void analyzeGivesTheEstimatesTheTablesRowCounts() {
        sql.execute("ANALYZE orders");
        sql.execute("ANALYZE customers");
        assertThat(plan("SELECT * FROM orders o JOIN customers c ON o.customer = c.id")).isEqualTo("""
                Project: id, customer, amount, id, name, region  (rows=3)
                  ->  Hash Join (1 key)  (rows=3)
                        ->  Seq Scan on orders o  (rows=3)
                        ->  Seq Scan on customers c  (rows=2)""");
    }

    @Test
    void aJoinFromAFewRowsLooksTheOtherTableUpThroughItsIndex() {
        assertThat(plan("SELECT c.name, o.amount FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id = 10"))
                .isEqualTo("""
                Project: name, amount  (rows=1)
                  ->  Nested Loop (lateral)  (rows=1)
                        ->  Filter: (WHERE clause)  (rows=1)
                              ->  Index Scan using orders_pkey on orders o  (rows=1)
                        ->  Index Scan using customers_pkey on customers c  (rows=1)""");
        assertThat(sql.query("SELECT c.name, o.amount FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id = 10"))
                .containsExactly(List.of("ann", "5.00"));
        assertThat(sql.query("SELECT o.id FROM customers c JOIN orders o ON o.customer = c.id WHERE c.id = 1 ORDER BY 1"))
                .containsExactly(List.of("10"), List.of("11"));
        assertThat(plan("SELECT o.id FROM customers c JOIN orders o ON o.customer = c.id WHERE c.id = 1"))
                .contains("Index Scan using orders_customer on orders o");
    }
}
