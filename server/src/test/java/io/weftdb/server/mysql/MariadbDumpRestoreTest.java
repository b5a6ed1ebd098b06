package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mariadb-dump of a database with several tables, an index, a foreign key and a view, restored
 * with the mariadb client into another database: as the dump is written (LOCK TABLES, executable
 * comments, user variables, foreign_key_checks=0), with nothing left out. Skipped with a message
 * when the clients are not installed.
 */
class MariadbDumpRestoreTest {
    private static final List<String> RELATIONS = List.of("customers", "orders", "tags", "big_orders");

    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(ClientProgram.find("mariadb").isPresent() && ClientProgram.find("mariadb-dump").isPresent(),
                "mariadb and mariadb-dump are not installed (apt-get install mariadb-client): skipping the dump test");
        server = WeftdbServe.start(directory.resolve("data"), null);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> connection(String program) {
        return new ArrayList<>(List.of(ClientProgram.find(program).orElseThrow().toString(), "--protocol=TCP",
                "-h", "127.0.0.1", "-P", Integer.toString(server.mysqlPort()), "-u", "dumper"));
    }

    private static ClientProgram.Run mariadb(Path input, String... arguments) throws Exception {
        List<String> command = connection("mariadb");
        command.addAll(List.of("--batch", "--no-auto-rehash"));
        command.addAll(List.of(arguments));
        return ClientProgram.run(command, directory, input);
    }

    private static String contents(String database, String relation) throws Exception {
        ClientProgram.Run run = mariadb(null, "-D", database, "-e", "SELECT * FROM " + relation + " ORDER BY 1");
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run.output();
    }

    @Test
    void aDumpRestoresIntoAnotherDatabaseWithEveryRowAndDefinition() throws Exception {
        ClientProgram.Run created = mariadb(null, "-e", """
                CREATE DATABASE shop;
                USE shop;
                CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL,
                  email VARCHAR(100) UNIQUE, born DATE, vip TINYINT(1) DEFAULT 0, balance DECIMAL(12,2));
                CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, total DOUBLE,
                  placed DATETIME(6), note TEXT, data BLOB, FOREIGN KEY (customer_id) REFERENCES customers (id));
                CREATE INDEX orders_placed ON orders (placed);
                CREATE TABLE tags (name VARCHAR(20) PRIMARY KEY, kind ENUM('a', 'b'), at TIME, payload JSON,
                  flags SET('hot', 'new') NOT NULL DEFAULT '', body MEDIUMTEXT, qty INT UNSIGNED,
                  changed TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
                CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
                INSERT INTO customers (name, email, born, vip, balance) VALUES
                  ('Ann', 'ann@example.com', '1990-01-02', 1, 1234567890.12), ('Bob ''quoted'' \\\\ back', NULL, NULL, 0, -0.5);
                INSERT INTO orders (customer_id, total, placed, note, data) VALUES
                  (1, 150.5, '2024-05-01 10:00:00.123456', 'line1\\nline2 ünïcødé 😀', x'00ff0a27'),
                  (2, 20, NULL, NULL, NULL), (1, 1e100, '1999-12-31 23:59:59', '', '');
                INSERT INTO tags VALUES ('x', 'a', '12:34:56', '{"k": [1, 2]}', 'hot,new', 'long text', 7,
                  '2024-01-02 03:04:05'), ('y', NULL, NULL, NULL, '', NULL, NULL, NULL);
                """);
        assertThat(created.exitCode()).as(created.all()).isZero();

        List<String> dump = connection("mariadb-dump");
        dump.add("shop");
        ClientProgram.Run dumped = ClientProgram.run(dump, directory, null);
        assertThat(dumped.exitCode()).as(dumped.errors()).isZero();
        assertThat(dumped.output()).contains("LOCK TABLES `customers` WRITE;", "UNLOCK TABLES;",
                "CONSTRAINT `orders_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)",
                "KEY `orders_placed` (`placed`)", "VIEW `big_orders`", "AUTO_INCREMENT=4", "-- Dump completed",
                "`flags` set('hot', 'new') NOT NULL DEFAULT ''", "`body` mediumtext", "`qty` int unsigned",
                "ON UPDATE CURRENT_TIMESTAMP");
        assertThat(mariadb(null, "-e", "CREATE DATABASE shop_copy").exitCode()).isZero();
        ClientProgram.Run restored = mariadb(dumped.outputFile(), "-D", "shop_copy");
        assertThat(restored.exitCode()).as(restored.all()).isZero();

        for (String relation : RELATIONS) {
            assertThat(contents("shop_copy", relation)).as(relation).isEqualTo(contents("shop", relation)).isNotBlank();
        }
        assertThat(mariadb(null, "-N", "-D", "shop_copy", "-e", "SHOW CREATE TABLE tags").output())
                .isEqualTo(mariadb(null, "-N", "-D", "shop", "-e", "SHOW CREATE TABLE tags").output());
        ClientProgram.Run keys = mariadb(null, "-D", "shop_copy", "-e", "SHOW INDEX FROM orders;"
                + " INSERT INTO customers (name) VALUES ('after restore'); SELECT LAST_INSERT_ID();"
                + " INSERT INTO orders (customer_id) VALUES (99)");
        assertThat(keys.output()).contains("orders_placed", "LAST_INSERT_ID()\n3\n");
        assertThat(keys.errors()).contains("ERROR 1452 (23000)");
    }
}
