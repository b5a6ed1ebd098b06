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
        // Enough rows for the estimates (kept from every commit) to make the choices of a real database.
        sql.execute("INSERT INTO customers SELECT g, 'c' || g, 'east' FROM generate_series(3, 1000) g");
        sql.execute("INSERT INTO orders SELECT g, g % 1000 + 3, 1.00 FROM generate_series(13, 5000) g");
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
    void columnsAllInAnIndexAreReadFromItAlone() {
        assertThat(plan("SELECT id, customer FROM orders WHERE customer = 7")).isEqualTo("""
                Project: id, customer  (rows=25)
                  ->  Filter: (WHERE clause)  (rows=25)
                        ->  Index Only Scan using orders_customer on orders  (rows=25)""");
        assertThat(sql.query("SELECT id, customer FROM orders WHERE customer = 7 ORDER BY id"))
                .isEqualTo(sql.query("SELECT id, customer FROM orders WHERE customer + 0 = 7 ORDER BY id"))
                .hasSize(4);
        assertThat(sql.query("SELECT count(*) FROM orders WHERE customer BETWEEN 5 AND 9")).containsExactly(List.of("20"));
        // amount is numeric, whose key form drops trailing zeros: read from the rows.
        assertThat(plan("SELECT amount FROM orders WHERE customer = 7")).contains("Index Scan using orders_customer");
        sql.execute("BEGIN");
        sql.execute("UPDATE orders SET customer = 8 WHERE id = 13");
        // The transaction's own changes to the index are seen, as with row reads.
        assertThat(sql.query("SELECT id FROM orders WHERE customer = 8 ORDER BY id").get(0)).containsExactly("13");
        sql.execute("ROLLBACK");
    }

    @Test
    void primaryKeyEqualityIsAnIndexScan() {
        assertThat(plan("SELECT name FROM customers WHERE id = 2")).isEqualTo("""
                Project: name  (rows=1)
                  ->  Filter: (WHERE clause)  (rows=1)
                        ->  Index Scan using customers_pkey on customers  (rows=1)""");
    }

    @Test
    void aFilteredTableJoinsALargerOneThroughItsIndex() {
        assertThat(plan("SELECT c.name, o.amount FROM orders o, customers c WHERE o.customer = c.id AND c.region = 'north'"))
                .isEqualTo("""
                Project: name, amount  (rows=125)
                  ->  Project: id, customer, amount, id, name, region  (rows=125)
                        ->  Nested Loop (lateral)  (rows=125)
                              ->  Filter: (WHERE clause)  (rows=5)
                                    ->  Seq Scan on customers c  (rows=1000)
                              ->  Index Scan using orders_customer on orders o  (rows=25)""");
        assertThat(sql.query("SELECT c.name, o.amount FROM orders o, customers c WHERE o.customer = c.id AND c.region = 'north' "
                + "ORDER BY o.id")).containsExactly(List.of("ann", "5.00"), List.of("ann", "7.50"));
    }

    @Test
    void anEquiJoinOfTwoLargeTablesHashesTheSmallerOne() {
        assertThat(plan("SELECT * FROM orders o JOIN customers c ON o.customer = c.id")).isEqualTo("""
                Project: id, customer, amount, id, name, region  (rows=4991)
                  ->  Hash Join (1 key)  (rows=4991)
                        ->  Seq Scan on orders o  (rows=4991)
                        ->  Seq Scan on customers c  (rows=1000)""");
    }

    @Test
    void groupedTopNQuery() {
        assertThat(plan("SELECT customer, sum(amount) FROM orders GROUP BY customer ORDER BY 2 DESC LIMIT 1"))
                .isEqualTo("""
                Limit  (rows=499)
                  ->  Sort (top-N)  (rows=499)
                        ->  Project: customer, sum  (rows=499)
                              ->  HashAggregate  (rows=499)
                                    ->  Seq Scan on orders  (rows=4991)""");
    }

    @Test
    void outerJoinWithoutEqualityIsANestedLoop() {
        assertThat(plan("SELECT * FROM customers c LEFT JOIN orders o ON o.amount > c.id")).isEqualTo("""
                Project: id, name, region, id, customer, amount  (rows=1663667)
                  ->  Nested Loop Left Join  (rows=1663667)
                        ->  Seq Scan on customers c  (rows=1000)
                        ->  Seq Scan on orders o  (rows=4991)""");
    }

    @Test
    void windowsAndSetOperations() {
        assertThat(plan("SELECT id, rank() OVER (ORDER BY amount) FROM orders UNION ALL SELECT id, 0 FROM customers"))
                .isEqualTo("""
                Append  (rows=5991)
                  ->  Project: id, rank  (rows=4991)
                        ->  WindowAgg  (rows=4991)
                              ->  Sort  (rows=4991)
                                    ->  Project: id, customer, amount, ?order?  (rows=4991)
                                          ->  Seq Scan on orders  (rows=4991)
                  ->  Project: id, ?column?  (rows=1000)
                        ->  Project: id, ?column?  (rows=1000)
                              ->  Seq Scan on customers  (rows=1000)""");
    }

    @Test
    void explainAnalyzeReportsRowsAndLoopsOfEachNode() {
        List<String> lines = sql.query("EXPLAIN ANALYZE SELECT c.name FROM orders o JOIN customers c ON o.customer = c.id "
                + "WHERE o.id < 13").stream().map(row -> row.get(0)).toList();
        assertThat(lines.get(0)).startsWith("Project: name  (rows=").contains("(actual time=").endsWith(" rows=3 loops=1)");
        assertThat(lines.subList(1, lines.size() - 2)).allSatisfy(line -> assertThat(line).contains("(actual time="));
        assertThat(lines.get(lines.size() - 2)).startsWith("Planning Time: ");
        assertThat(lines.get(lines.size() - 1)).startsWith("Execution Time: ");
    }

    @Test
    void estimatesFollowCommittedChangesAndAnalyze() {
        sql.execute("CREATE TABLE grown (id integer PRIMARY KEY)");
        sql.execute("INSERT INTO grown SELECT g FROM generate_series(1, 50) g");
        sql.execute("DELETE FROM grown WHERE id > 40");
        sql.execute("BEGIN");
        sql.execute("INSERT INTO grown VALUES (100)");
        sql.execute("ROLLBACK");
        assertThat(plan("SELECT * FROM grown")).contains("Seq Scan on grown  (rows=40)");
        sql.execute("ANALYZE grown");
        assertThat(plan("SELECT * FROM grown")).contains("Seq Scan on grown  (rows=40)");
        sql.execute("TRUNCATE grown");
        assertThat(plan("SELECT * FROM grown")).contains("Seq Scan on grown  (rows=0)");
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
                .contains("Index Only Scan using orders_customer on orders o");
    }

    @Test
    void aConditionOnAViewReachesTheIndexOfItsTable() {
        sql.execute("CREATE VIEW big_orders AS SELECT id, customer, amount FROM orders WHERE amount > 1");
        assertThat(plan("SELECT * FROM big_orders WHERE id = 11")).isEqualTo("""
                Project: id, customer, amount  (rows=1)
                  ->  Project: id, customer, amount  (rows=1)
                        ->  Project: id, customer, amount  (rows=1)
                              ->  Filter: (WHERE clause)  (rows=1)
                                    ->  Index Scan using orders_pkey on orders  (rows=1)""");
        assertThat(sql.query("SELECT * FROM big_orders WHERE id = 11")).containsExactly(List.of("11", "1", "7.50"));
        assertThat(sql.query("SELECT * FROM big_orders WHERE id = 13")).isEmpty();
        // A view written with SELECT * takes the condition too.
        sql.execute("CREATE VIEW all_orders AS SELECT * FROM orders WHERE amount > 1");
        assertThat(plan("SELECT * FROM all_orders WHERE id = 11")).contains("Index Scan using orders_pkey on orders");
        assertThat(sql.query("SELECT * FROM all_orders WHERE id = 11")).containsExactly(List.of("11", "1", "7.50"));
        sql.execute("CREATE VIEW renamed (k, c, a) AS SELECT * FROM orders");
        assertThat(sql.query("SELECT c FROM renamed WHERE k = 12")).containsExactly(List.of("2"));
        // A UNION ALL view: the condition reaches both sides, each by its own column position.
        sql.execute("CREATE VIEW people AS SELECT id, name FROM customers UNION ALL SELECT id, 'order' FROM orders");
        assertThat(plan("SELECT * FROM people WHERE id = 2"))
                .contains("Index Scan using customers_pkey on customers", "Index Scan using orders_pkey on orders");
        assertThat(sql.query("SELECT name FROM people WHERE id = 2")).containsExactly(List.of("bob"));
    }

    @Test
    void aConditionOnAGroupedDerivedTablesKeyFiltersItsRowsBeforeGrouping() {
        String query = "SELECT * FROM (SELECT customer, sum(amount) AS total FROM orders GROUP BY customer) t"
                + " WHERE t.customer = 1 AND t.total > 1";
        assertThat(plan(query)).isEqualTo("""
                Project: customer, total  (rows=1)
                  ->  Filter: (WHERE clause)  (rows=1)
                        ->  Project: customer, total  (rows=2)
                              ->  Project: customer, total  (rows=2)
                                    ->  GroupAggregate  (rows=2)
                                          ->  Filter: (WHERE clause)  (rows=25)
                                                ->  Index Scan using orders_customer on orders  (rows=25)""");
        assertThat(sql.query(query)).containsExactly(List.of("1", "12.50"));
    }

    @Test
    void aWhereConditionOnThePreservedSideOfAnOuterJoinFiltersThatSidesScan() {
        assertThat(plan("SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE c.id = 2"))
                .isEqualTo("""
                Project: name, id  (rows=25)
                  ->  Hash Left Join (1 key)  (rows=25)
                        ->  Filter: (WHERE clause)  (rows=1)
                              ->  Index Scan using customers_pkey on customers c  (rows=1)
                        ->  Seq Scan on orders o  (rows=4991)""");
        assertThat(sql.query("SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE c.id = 2"))
                .containsExactly(List.of("bob", "12"));
    }

    @Test
    void aWhereConditionNoNullExtendedRowPassesMakesTheOuterJoinAnInnerOne() {
        assertThat(plan("SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE o.id = 10"))
                .isEqualTo("""
                Project: name  (rows=1)
                  ->  Project: id, name, region, id, customer, amount  (rows=1)
                        ->  Nested Loop (lateral)  (rows=1)
                              ->  Filter: (WHERE clause)  (rows=1)
                                    ->  Index Scan using orders_pkey on orders o  (rows=1)
                              ->  Index Scan using customers_pkey on customers c  (rows=1)""");
        assertThat(sql.query("SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE o.id = 10"))
                .containsExactly(List.of("ann"));
        // IS NULL keeps the null-extended rows (customers without orders): the join stays an outer one.
        assertThat(plan("SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE o.id IS NULL"))
                .contains("Hash Left Join");
        assertThat(sql.query("SELECT count(*) FROM customers c LEFT JOIN orders o ON o.customer = c.id WHERE o.id IS NULL"))
                .containsExactly(List.of("0"));
        assertThat(sql.query("SELECT count(*) FROM customers c LEFT JOIN orders o ON o.customer = c.id AND o.id < 12"
                + " WHERE coalesce(o.id, 0) = 0")).containsExactly(List.of("999"));
    }

    @Test
    void aFalseConditionReadsNothing() {
        assertThat(plan("SELECT * FROM orders WHERE 1 = 0")).isEqualTo("""
                Project: id, customer, amount  (rows=1)
                  ->  Values Scan (0 rows)  (rows=1)""");
        assertThat(sql.query("SELECT * FROM orders o JOIN customers c ON o.customer = c.id WHERE false AND c.id = 1"))
                .isEmpty();
    }

    @Test
    void subqueryPlansAreListedAfterTheTreeWithHowTheyRun() {
        assertThat(plan("SELECT id FROM orders WHERE amount > (SELECT avg(amount) FROM orders)"
                + " AND EXISTS (SELECT 1 FROM customers c WHERE c.id = orders.customer AND c.region = 'north')"
                + " AND customer > (SELECT min(c2.id) FROM customers c2 WHERE c2.name > orders.amount::text)"))
                .isEqualTo("""
                Project: id  (rows=185)
                  ->  Filter: (WHERE clause)  (rows=185)
                        ->  Seq Scan on orders  (rows=4991)
                InitPlan 1 (runs once)
                  ->  Project: avg  (rows=1)
                        ->  Aggregate  (rows=1)
                              ->  Seq Scan on orders  (rows=4991)
                SubPlan 2 (decorrelated: runs once, looked up by key)
                  ->  Project: id  (rows=5)
                        ->  Filter: (WHERE clause)  (rows=5)
                              ->  Seq Scan on customers c  (rows=1000)
                SubPlan 3 (runs for each outer row)
                  ->  Project: min  (rows=1)
                        ->  Aggregate  (rows=1)
                              ->  Filter: (WHERE clause)  (rows=333)
                                    ->  Seq Scan on customers c2  (rows=1000)""");
        List<String> analyzed = sql.query("EXPLAIN ANALYZE SELECT id, (SELECT count(*) FROM customers c WHERE c.id < o.customer)"
                + " FROM orders o WHERE o.id < 13").stream().map(row -> row.get(0)).toList();
        int subPlan = analyzed.indexOf("SubPlan 1 (runs for each outer row)");
        assertThat(subPlan).isPositive();
        // Run once per outer row: three rows, three loops.
        assertThat(analyzed.get(subPlan + 1)).contains("(actual time=").endsWith("loops=3)");
    }
}
