package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL statements and expressions carried out by the engine, checked by their results. */
class MysqlDialectJdbcTest {
    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;
    private static Connection connection;

    @BeforeAll
    static void startServer() throws SQLException {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults(), Optional.empty(), Optional.empty());
        server.start("127.0.0.1", 0);
        connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/?sslMode=DISABLED"
                + "&allowMultiQueries=true", "app", "");
        execute("CREATE DATABASE shop");
        execute("USE shop");
    }

    @AfterAll
    static void stopServer() throws SQLException {
        connection.close();
        server.stop();
        fixture.close();
    }

    @BeforeEach
    void useShop() throws SQLException {
        execute("USE shop");
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @Test
    void expressionsHaveMysqlMeanings() throws SQLException {
        assertThat(rows("SELECT 7 / 2 = 3.5, 7 DIV 2, 7 MOD 3, 1 <=> NULL, NULL <=> NULL, 5 ^ 1, TRUE + TRUE"))
                .containsExactly("1|3|1|0|1|4|2");
        assertThat(rows("SELECT IF(2 > 1, 'yes', 'no'), IFNULL(NULL, 'fallback'), 'Abc' REGEXP '^a', LCASE('X')"))
                .containsExactly("yes|fallback|1|x");
        assertThat(rows("SELECT DATE '2024-01-31' + INTERVAL 1 DAY, LENGTH('é'), CONCAT('a', 'b')"))
                .containsExactly("2024-02-01|2|ab");
    }

    @Test
    void analyzeTableAnswersARowPerTableAndKeepsStatistics() throws SQLException {
        execute("CREATE TABLE analyzed (id INT PRIMARY KEY, grp INT)");
        execute("INSERT INTO analyzed VALUES (1, 1), (2, 1), (3, 2)");
        assertThat(rows("ANALYZE TABLE analyzed, nowhere")).containsExactly(
                "shop.analyzed|analyze|status|OK",
                "shop.nowhere|analyze|Error|Table 'shop.nowhere' doesn't exist",
                "shop.nowhere|analyze|status|Operation failed");
        assertThat(rows("SELECT count(*) FROM pg_catalog.pg_stats WHERE tablename = 'analyzed'")).containsExactly("2");
        assertThat(rows("ANALYZE NO_WRITE_TO_BINLOG TABLE analyzed")).containsExactly("shop.analyzed|analyze|status|OK");
    }

    @Test
    void anIdInsertedExplicitlyMovesTheAutoIncrementCounterOn() throws SQLException {
        execute("CREATE TABLE numbered (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5))");
        execute("INSERT INTO numbered (v) VALUES ('a')");
        execute("INSERT INTO numbered VALUES (10, 'b')");
        execute("INSERT INTO numbered (v) VALUES ('c')");
        try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO numbered (id, v) VALUES (?, ?)")) {
            insert.setInt(1, 20);
            insert.setString(2, 'x' + "");
            insert.executeUpdate();
        }
        execute("INSERT INTO numbered SET v = 'd'");
        execute("INSERT INTO numbered VALUES (5, 'e')");
        execute("INSERT INTO numbered (v) VALUES ('f')");
        assertThat(rows("SELECT id, v FROM numbered ORDER BY id"))
                .containsExactly("1|a", "5|e", "10|b", "11|c", "20|x", "21|d", "22|f");
    }

    @Test
    void rowCountAndFoundRowsDescribeThePreviousStatement() throws SQLException {
        execute("CREATE TABLE counted (id INT PRIMARY KEY, v INT)");
        assertThat(rows("SELECT ROW_COUNT()")).containsExactly("0");
        execute("INSERT INTO counted VALUES (1, 1), (2, 2), (3, 3)");
        assertThat(rows("SELECT ROW_COUNT()")).containsExactly("3");
        execute("UPDATE counted SET v = v + 1 WHERE id < 3");
        assertThat(rows("SELECT ROW_COUNT()")).containsExactly("2");
        assertThat(rows("SELECT ROW_COUNT()")).containsExactly("-1");
        assertThat(rows("SELECT * FROM counted WHERE id > 1")).hasSize(2);
        assertThat(rows("SELECT FOUND_ROWS()")).containsExactly("2");
        assertThat(rows("SELECT SQL_CALC_FOUND_ROWS id FROM counted ORDER BY id LIMIT 1")).containsExactly("1");
        assertThat(rows("SELECT FOUND_ROWS()")).containsExactly("3");
        // Several statements in one query: each reads what the one before it did.
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM counted WHERE id = 3; SELECT ROW_COUNT()");
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet result = statement.getResultSet()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(1);
            }
        }
        execute("DROP TABLE counted");
    }

    @Test
    void mysqlDateAndStringFunctions() throws SQLException {
        assertThat(rows("SELECT DATE_FORMAT('2024-03-05 14:07:09', '%Y/%m/%d %H:%i:%s'), "
                + "DATE_FORMAT('2024-03-05', '%W %M %e, %Y'), STR_TO_DATE('05/03/2024', '%d/%m/%Y')"))
                .containsExactly("2024/03/05 14:07:09|Tuesday March 5, 2024|2024-03-05");
        assertThat(rows("SELECT UNIX_TIMESTAMP('2024-01-01 00:00:00'), FROM_UNIXTIME(1704067200), "
                + "DATEDIFF('2024-03-05', '2024-03-01')")).containsExactly("1704067200|2024-01-01 00:00:00|4");
        assertThat(rows("SELECT FIELD('b', 'a', 'b', 'c'), FIELD('z', 'a'), SUBSTRING_INDEX('www.mysql.com', '.', 2), "
                + "SUBSTRING_INDEX('www.mysql.com', '.', -2)")).containsExactly("2|0|www.mysql|mysql.com");
        execute("CREATE TABLE tagged (k INT, tag VARCHAR(10))");
        execute("INSERT INTO tagged VALUES (1, 'x'), (1, 'y'), (2, 'z')");
        assertThat(rows("SELECT k, GROUP_CONCAT(tag) FROM tagged WHERE k = 2 GROUP BY k")).containsExactly("2|z");
        assertThat(rows("SELECT LENGTH(GROUP_CONCAT(tag)) FROM tagged WHERE k = 1")).containsExactly("3");
        assertThat(rows("SELECT GROUP_CONCAT(k, tag ORDER BY tag DESC SEPARATOR '; '), GROUP_CONCAT(DISTINCT k ORDER BY k DESC) "
                + "FROM tagged")).containsExactly("2z; 1y; 1x|2,1");
        execute("DROP TABLE tagged");
        assertThat(rows("SELECT CONCAT('x', NULL), CONCAT('a', 1, 2.5)")).containsExactly("null|a12.5");
    }

    @Test
    void generatedKeysComeBackWhenTwoTablesReachTheSameId() throws SQLException {
        execute("CREATE TABLE first_ids (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)");
        execute("CREATE TABLE second_ids (v INT, id BIGINT AUTO_INCREMENT PRIMARY KEY)");
        List<Long> keys = new ArrayList<>();
        for (String table : List.of("first_ids", "second_ids")) {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, 7);
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    keys.add(generated.next() ? generated.getLong(1) : null);
                }
            }
        }
        assertThat(keys).containsExactly(1L, 1L);
        assertThat(rows("SELECT LAST_INSERT_ID()")).containsExactly("1");
        execute("DROP TABLE first_ids");
        execute("DROP TABLE second_ids");
    }

    @Test
    void mysqlDateArithmeticKeepsDatesAsDates() throws SQLException {
        execute("CREATE TABLE moments (d DATE, dt DATETIME)");
        execute("INSERT INTO moments VALUES ('2024-01-31', '2024-01-31 10:00:00')");
        assertThat(rows("SELECT d + INTERVAL 1 DAY, DATE_ADD(d, INTERVAL 1 MONTH), DATE_SUB(dt, INTERVAL 30 MINUTE), "
                + "DATE_ADD(d, INTERVAL 3 HOUR), INTERVAL 1 YEAR + d, ADDDATE(d, 1) FROM moments"))
                .containsExactly("2024-02-01|2024-02-29|2024-01-31 09:30:00|2024-01-31 03:00:00|2025-01-31|2024-02-01");
        assertThat(rows("SELECT YEAR(dt), MONTH(dt), DAY(dt), HOUR(dt), QUARTER(d), DAYOFWEEK(d), WEEKDAY(d), "
                + "MONTHNAME(d), LAST_DAY('2024-02-10') FROM moments"))
                .containsExactly("2024|1|31|10|1|4|2|January|2024-02-29");
        assertThat(rows("SELECT TIMESTAMPDIFF(MONTH, '2024-01-31', '2024-02-29'), TIMESTAMPDIFF(DAY, d, '2024-03-01'), "
                + "TIMESTAMPDIFF(HOUR, dt, '2024-01-31 07:30:00'), TIMESTAMPADD(MINUTE, 90, dt) FROM moments"))
                .containsExactly("0|30|-2|2024-01-31 11:30:00");
        execute("DROP TABLE moments");
    }

    @Test
    void insertIgnoreSkipsDuplicatesAndInsertSetAddsARow() throws SQLException {
        execute("CREATE TABLE tags (name VARCHAR(10) PRIMARY KEY, uses INT DEFAULT 0)");
        execute("INSERT INTO tags SET name = 'a', uses = 1");
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT IGNORE INTO tags (name) VALUES ('a'), ('b')")).isEqualTo(1);
        }
        assertThat(rows("SELECT name, uses FROM tags ORDER BY name")).containsExactly("a|1", "b|0");
    }

    @Test
    void alterTableModifiesRenamesAndIndexes() throws SQLException {
        execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(5), kind ENUM('small', 'large'))");
        execute("INSERT INTO items VALUES (1, 'one', 'small')");
        execute("ALTER TABLE items MODIFY label VARCHAR(50) NOT NULL, ADD COLUMN price DECIMAL(6,2) DEFAULT 0.5,"
                + " ADD INDEX by_label (label)");
        execute("ALTER TABLE items CHANGE label title VARCHAR(50) NOT NULL");
        execute("RENAME TABLE items TO goods");
        assertThat(rows("SELECT id, title, kind, price FROM goods")).containsExactly("1|one|small|0.50");
        assertThat(rows("SHOW INDEX FROM goods")).extracting(row -> row.split("\\|")[2]).contains("PRIMARY", "by_label");
        assertThatThrownBy(() -> execute("INSERT INTO goods (id, title, kind) VALUES (2, 'x', 'tiny')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(3819));
        execute("CREATE TABLE goods_copy AS SELECT id, title FROM goods");
        assertThat(rows("SELECT title FROM goods_copy")).containsExactly("one");
        assertThat(rows("SHOW COLUMNS FROM goods LIKE 'kind'")).singleElement().asString()
                .startsWith("kind|enum('small', 'large')|YES");
        execute("CREATE VIEW goods_view AS SELECT id FROM goods");
        assertThat(rows("SHOW TABLE STATUS LIKE 'goods%'")).extracting(row -> String.join("|",
                List.of(row.split("\\|")).subList(0, 2)) + "|" + row.substring(row.lastIndexOf('|') + 1))
                .containsExactly("goods|InnoDB|", "goods_copy|InnoDB|", "goods_view|null|VIEW");
    }

    @Test
    void setColumnsHoldSubsetsOfTheirMembersAndShowAsSet() throws SQLException {
        execute("CREATE TABLE posts (id INT PRIMARY KEY, flags SET('draft', 'pinned', 'locked') NOT NULL DEFAULT '')");
        execute("INSERT INTO posts VALUES (1, 'draft,locked'), (2, ''), (3, 'pinned')");
        execute("INSERT INTO posts (id) VALUES (4)");
        assertThat(rows("SELECT id FROM posts WHERE FIND_IN_SET('locked', flags) > 0")).containsExactly("1");
        assertThat(rows("SELECT flags FROM posts WHERE id = 4")).containsExactly("");
        assertThatThrownBy(() -> execute("INSERT INTO posts VALUES (5, 'draft,archived')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(3819));
        assertThat(rows("SHOW COLUMNS FROM posts LIKE 'flags'")).singleElement().asString()
                .startsWith("flags|set('draft', 'pinned', 'locked')|NO");
        assertThat(rows("SHOW CREATE TABLE posts")).singleElement().asString()
                .contains("`flags` set('draft', 'pinned', 'locked') NOT NULL DEFAULT ''").doesNotContain("CHECK");
    }

    @Test
    void jsonFunctionsAndArrowsReadDocumentsAsMysqlDoes() throws SQLException {
        execute("CREATE TABLE docs (id INT PRIMARY KEY, doc JSON)");
        execute("INSERT INTO docs VALUES (1, JSON_OBJECT('name', 'ann', 'tags', JSON_ARRAY('a', 'b'), 'age', 31)),"
                + " (2, '{\"name\": \"bob\", \"tags\": [], \"address\": {\"city\": \"Oslo\"}}')");
        assertThat(rows("SELECT doc->'$.name', doc->>'$.name', JSON_EXTRACT(doc, '$.tags[1]') FROM docs ORDER BY id"))
                .containsExactly("\"ann\"|ann|\"b\"", "\"bob\"|bob|null");
        assertThat(rows("SELECT id FROM docs WHERE doc->>'$.address.city' = 'Oslo'")).containsExactly("2");
        assertThat(rows("SELECT JSON_UNQUOTE(JSON_EXTRACT(doc, '$.age')), JSON_EXTRACT(doc, '$.tags[*]') FROM docs WHERE id = 1"))
                .containsExactly("31|[\"a\", \"b\"]");
        assertThat(rows("SELECT JSON_CONTAINS(doc, '{\"name\": \"ann\"}'), JSON_CONTAINS(doc, '\"b\"', '$.tags')"
                + " FROM docs WHERE id = 1")).containsExactly("1|1");
        assertThat(rows("SELECT JSON_OBJECT('k', 1, 'list', JSON_ARRAY(1, 'x', NULL))")).containsExactly(
                "{\"k\": 1, \"list\": [1, \"x\", null]}");
        assertThat(rows("SELECT JSON_UNQUOTE('plain')")).containsExactly("plain");
    }

    @Test
    void showStatusReportsTheServersCounters() throws SQLException {
        List<String> status = rows("SHOW GLOBAL STATUS");
        assertThat(status).extracting(row -> row.split("\\|")[0])
                .contains("Connections", "Questions", "Threads_connected", "Threads_running", "Uptime");
        long before = Long.parseLong(rows("SHOW STATUS LIKE 'Questions'").getFirst().split("\\|")[1]);
        rows("SELECT 1");
        long after = Long.parseLong(rows("SHOW SESSION STATUS LIKE 'questions'").getFirst().split("\\|")[1]);
        assertThat(after).isGreaterThan(before);
        assertThat(rows("SHOW STATUS LIKE 'Threads_running'")).containsExactly("Threads_running|1");
    }

    @Test
    void temporaryTablesBelongToTheConnectionAndShadowPermanentOnes() throws SQLException {
        execute("CREATE TABLE shared (id INT)");
        execute("INSERT INTO shared VALUES (1)");
        execute("CREATE TEMPORARY TABLE shared (id INT, tag VARCHAR(5), KEY by_tag (tag))");
        execute("INSERT INTO shared VALUES (2, 'tmp')");
        assertThat(rows("SELECT id, tag FROM shared")).containsExactly("2|tmp");
        assertThat(rows("SHOW TABLES")).contains("shared");
        execute("DROP TEMPORARY TABLE shared");
        assertThat(rows("SELECT id FROM shared")).containsExactly("1");
        assertThatThrownBy(() -> execute("DROP TEMPORARY TABLE shared"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1051));
        execute("CREATE TEMPORARY TABLE totals AS SELECT count(*) AS n FROM shared");
        assertThat(rows("SELECT n FROM totals")).containsExactly("1");
    }

    @Test
    void updateAndDeleteWithOrderByAndLimitChangeTheFirstRowsInThatOrder() throws SQLException {
        execute("CREATE TABLE jobs (id INT PRIMARY KEY, priority INT, state VARCHAR(10))");
        execute("INSERT INTO jobs VALUES (1, 5, 'new'), (2, 9, 'new'), (3, 1, 'new'), (4, 9, 'new'), (5, 7, 'done')");
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE jobs SET state = 'taken' WHERE state = 'new'"
                    + " ORDER BY priority DESC, id LIMIT 2")).isEqualTo(2);
            assertThat(rows("SELECT id FROM jobs WHERE state = 'taken' ORDER BY id")).containsExactly("2", "4");
            assertThat(statement.executeUpdate("DELETE FROM jobs WHERE state = 'new' ORDER BY priority LIMIT 1")).isEqualTo(1);
            assertThat(rows("SELECT id FROM jobs ORDER BY id")).containsExactly("1", "2", "4", "5");
            // LIMIT without ORDER BY takes any rows, as many as asked for.
            assertThat(statement.executeUpdate("DELETE FROM jobs LIMIT 3")).isEqualTo(3);
            assertThat(rows("SELECT count(*) FROM jobs")).containsExactly("1");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM jobs WHERE id > ? LIMIT ?")) {
            delete.setInt(1, 0);
            delete.setInt(2, 5);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void declaredTypesShowBackAndOnUpdateCurrentTimestampMovesWithChanges() throws SQLException {
        execute("CREATE TABLE typed (id INT UNSIGNED PRIMARY KEY, flag TINYINT(1), small TINYINT, med MEDIUMINT, y YEAR,"
                + " t1 TINYTEXT, t3 MEDIUMTEXT, t4 LONGTEXT, b1 BLOB, vb VARBINARY(16),"
                + " updated_at DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)");
        String ddl = rows("SHOW CREATE TABLE typed").getFirst();
        assertThat(ddl).contains("`id` int unsigned NOT NULL", "`flag` tinyint(1)", "`small` tinyint", "`med` mediumint",
                "`y` year", "`t1` tinytext", "`t3` mediumtext", "`t4` longtext", "`b1` blob", "`vb` varbinary(16)",
                "ON UPDATE CURRENT_TIMESTAMP").doesNotContain("CHECK");
        assertThat(rows("SHOW COLUMNS FROM typed LIKE 'updated_at'")).singleElement().asString()
                .endsWith("|on update CURRENT_TIMESTAMP");
        execute("INSERT INTO typed (id, t1, updated_at) VALUES (1, 'a', '2000-01-01 00:00:00')");
        execute("UPDATE typed SET t1 = 'a' WHERE id = 1");
        assertThat(rows("SELECT updated_at FROM typed")).containsExactly("2000-01-01 00:00:00");
        execute("UPDATE typed SET t1 = 'b' WHERE id = 1");
        assertThat(rows("SELECT YEAR(updated_at) > 2000 FROM typed")).containsExactly("1");
        execute("UPDATE typed SET t1 = 'c', updated_at = '2001-01-01 00:00:00' WHERE id = 1");
        assertThat(rows("SELECT updated_at FROM typed")).containsExactly("2001-01-01 00:00:00");
        execute("INSERT INTO typed (id, t1) VALUES (1, 'd') ON DUPLICATE KEY UPDATE t1 = VALUES(t1)");
        assertThat(rows("SELECT t1, YEAR(updated_at) > 2001 FROM typed")).containsExactly("d|1");
        execute("ALTER TABLE typed MODIFY t1 TEXT");
        assertThat(rows("SHOW COLUMNS FROM typed LIKE 't1'")).singleElement().asString().startsWith("t1|text|");
    }

    @Test
    void createTableLikeCopiesTheDefinitionWithoutRowsOrForeignKeys() throws SQLException {
        execute("CREATE TABLE parents (id INT PRIMARY KEY)");
        execute("CREATE TABLE originals (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(5) NOT NULL UNIQUE,"
                + " kind ENUM('a', 'b') DEFAULT 'a', note MEDIUMTEXT, parent INT, KEY by_note_parent (parent),"
                + " FOREIGN KEY (parent) REFERENCES parents (id)) COMMENT='kept'");
        execute("INSERT INTO originals (code) VALUES ('x'), ('y')");
        execute("CREATE TABLE copies LIKE originals");
        assertThat(rows("SELECT count(*) FROM copies")).containsExactly("0");
        String ddl = rows("SHOW CREATE TABLE copies").getFirst();
        assertThat(ddl).contains("`id` int NOT NULL AUTO_INCREMENT", "`code` varchar(5) NOT NULL",
                "`kind` enum('a', 'b') DEFAULT 'a'", "`note` mediumtext", "PRIMARY KEY (`id`)", "UNIQUE KEY",
                "KEY `by_note_parent` (`parent`)", "COMMENT='kept'").doesNotContain("FOREIGN KEY", "AUTO_INCREMENT=");
        execute("INSERT INTO copies (code, parent) VALUES ('x', 99)");
        assertThat(rows("SELECT id, code, kind FROM copies")).containsExactly("1|x|a");
        assertThatThrownBy(() -> execute("INSERT INTO copies (code) VALUES ('x')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1062));
        execute("CREATE TABLE IF NOT EXISTS copies LIKE originals");
        execute("CREATE TEMPORARY TABLE scratch LIKE originals");
        assertThat(rows("SELECT count(*) FROM scratch")).containsExactly("0");
    }

    @Test
    void indexNamesBelongToTheirTableAsInMysql() throws SQLException {
        execute("CREATE TABLE first_t (id INT PRIMARY KEY, user_id INT, email VARCHAR(20), KEY user_id (user_id),"
                + " UNIQUE KEY email (email))");
        execute("CREATE TABLE second_t (id INT PRIMARY KEY, user_id INT, email VARCHAR(20), KEY user_id (user_id),"
                + " UNIQUE KEY email (email))");
        execute("CREATE INDEX by_email ON first_t (email)");
        execute("CREATE INDEX by_email ON second_t (email)");
        // Unique keys come first, as in MySQL.
        assertThat(rows("SHOW INDEX FROM second_t")).extracting(row -> row.split("\\|")[2])
                .containsExactly("PRIMARY", "email", "user_id", "by_email");
        assertThat(rows("SHOW CREATE TABLE second_t").getFirst()).contains("KEY `user_id` (`user_id`)",
                "UNIQUE KEY `email` (`email`)", "KEY `by_email` (`email`)");
        assertThatThrownBy(() -> execute("CREATE INDEX by_email ON second_t (user_id)")).isInstanceOf(SQLException.class);
        execute("DROP INDEX by_email ON second_t");
        execute("ALTER TABLE first_t DROP INDEX user_id");
        assertThat(rows("SHOW INDEX FROM first_t")).extracting(row -> row.split("\\|")[2])
                .containsExactly("PRIMARY", "email", "by_email");
        assertThat(rows("SHOW INDEX FROM second_t")).extracting(row -> row.split("\\|")[2])
                .containsExactly("PRIMARY", "email", "user_id");
        // IF NOT EXISTS over an existing table leaves it, its keys included, and says so in a note.
        execute("CREATE TABLE IF NOT EXISTS second_t (id INT PRIMARY KEY, KEY user_id (id))");
        assertThat(rows("SHOW WARNINGS")).containsExactly("Note|1050|Table 'second_t' already exists");
        // A key over a column prefix indexes the whole column; a unique one over a prefix is refused.
        execute("CREATE TABLE posts_t (id INT PRIMARY KEY, title VARCHAR(200), KEY by_title (title(20)))");
        assertThat(rows("SHOW INDEX FROM posts_t")).extracting(row -> row.split("\\|")[2]).contains("by_title");
        assertThatThrownBy(() -> execute("CREATE UNIQUE INDEX one_title ON posts_t (title(20))"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1235));
        execute("INSERT INTO second_t VALUES (1, 1, 'a')");
        assertThatThrownBy(() -> execute("INSERT INTO second_t VALUES (2, 1, 'a')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1062));
    }

    @Test
    void columnsMoveWithFirstAndAfterWithoutLosingTheirValues() throws SQLException {
        execute("CREATE TABLE moved (a INT PRIMARY KEY, b VARCHAR(5), c INT)");
        execute("INSERT INTO moved VALUES (1, 'x', 10)");
        execute("ALTER TABLE moved ADD COLUMN d INT DEFAULT 7 AFTER a");
        execute("ALTER TABLE moved MODIFY c INT FIRST");
        execute("ALTER TABLE moved CHANGE b bee VARCHAR(9) AFTER d");
        execute("INSERT INTO moved (a, bee, c, d) VALUES (2, 'y', 20, 8)");
        assertThat(rows("SELECT * FROM moved ORDER BY a")).containsExactly("10|1|7|x", "20|2|8|y");
        assertThat(rows("SHOW COLUMNS FROM moved")).extracting(row -> row.split("\\|")[0])
                .containsExactly("c", "a", "d", "bee");
        assertThat(rows("SELECT a FROM moved WHERE a = 2")).containsExactly("2");
        execute("ALTER TABLE moved DROP PRIMARY KEY");
        execute("INSERT INTO moved (a, bee) VALUES (2, 'dup')");
        assertThat(rows("SELECT count(*) FROM moved WHERE a = 2")).containsExactly("2");
        assertThat(rows("SHOW INDEX FROM moved")).isEmpty();
    }

    @Test
    void nonStrictSqlModeAdjustsValuesWithWarningsWhereStrictModeFails() throws SQLException {
        execute("CREATE TABLE lenient (s VARCHAR(3), i INT, d DECIMAL(4,1))");
        assertThatThrownBy(() -> execute("INSERT INTO lenient VALUES ('abcdef', 1, 1)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1406));
        execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
        execute("INSERT INTO lenient VALUES ('abcdef', 3000000000, 12345.6), ('ok', 'xyz', -99999)");
        assertThat(rows("SHOW WARNINGS")).extracting(row -> row.split("\\|")[1])
                .containsExactly("1265", "1264", "1264", "1366", "1264");
        assertThat(rows("SELECT s, i, d FROM lenient ORDER BY s")).containsExactly("abc|2147483647|999.9", "ok|0|-999.9");
        execute("UPDATE lenient SET s = 'toolong' WHERE s = 'ok'");
        assertThat(rows("SELECT s FROM lenient ORDER BY s")).containsExactly("abc", "too");
        execute("CREATE TABLE required (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL)");
        assertThatThrownBy(() -> execute("INSERT INTO required (id) VALUES (1)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1364));
        assertThatThrownBy(() -> execute("INSERT INTO required (id, name) VALUES (1, NULL)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1048));
        execute("SET sql_mode = DEFAULT");
        assertThat(rows("SELECT @@sql_mode")).singleElement().asString().contains("STRICT_TRANS_TABLES");
        assertThatThrownBy(() -> execute("UPDATE lenient SET s = 'toolong'"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1406));
    }

    @Test
    void statisticsCardinalityComesFromAnalyze() throws SQLException {
        execute("CREATE TABLE counted (id INT PRIMARY KEY, k INT, KEY by_k (k))");
        StringBuilder insert = new StringBuilder("INSERT INTO counted VALUES ");
        for (int i = 1; i <= 200; i++) {
            insert.append(i > 1 ? ", " : "").append('(').append(i).append(", ").append(i % 10).append(')');
        }
        execute(insert.toString());
        execute("ANALYZE TABLE counted");
        assertThat(rows("SELECT index_name, cardinality FROM information_schema.statistics WHERE table_name = 'counted'"
                + " ORDER BY index_name")).containsExactly("PRIMARY|200", "by_k|10");
    }

    @Test
    void replaceSelectReplacesTheRowsHoldingTheSelectedKeys() throws SQLException {
        execute("CREATE TABLE prices (sku VARCHAR(5) PRIMARY KEY, price INT)");
        execute("CREATE TABLE updates (sku VARCHAR(5), price INT)");
        execute("INSERT INTO prices VALUES ('a', 1), ('b', 2)");
        execute("INSERT INTO updates VALUES ('b', 20), ('c', 30)");
        try (Statement statement = connection.createStatement()) {
            // One row replaced (deleted and inserted: 2) and one inserted (1).
            assertThat(statement.executeUpdate("REPLACE INTO prices SELECT sku, price FROM updates")).isEqualTo(3);
            // Reading the table it replaces into.
            assertThat(statement.executeUpdate("REPLACE INTO prices (sku, price) SELECT sku, price * 10 FROM prices"
                    + " WHERE sku = 'a'")).isEqualTo(2);
        }
        assertThat(rows("SELECT sku, price FROM prices ORDER BY sku")).containsExactly("a|10", "b|20", "c|30");
    }

    @Test
    void showWhereFiltersTheRowsByTheirColumns() throws SQLException {
        assertThat(rows("SHOW VARIABLES WHERE Variable_name = 'autocommit' OR Variable_name = 'version_comment'"))
                .containsExactly("autocommit|ON", "version_comment|WeftDB");
        execute("CREATE TABLE shown_t (id INT PRIMARY KEY, name VARCHAR(5), note TEXT)");
        assertThat(rows("SHOW COLUMNS FROM shown_t WHERE `Null` = 'YES' AND Field LIKE 'n%'"))
                .extracting(row -> row.split("\\|")[0]).containsExactly("name", "note");
        assertThat(rows("SHOW TABLES WHERE 1 = 0")).isEmpty();
    }

    @Test
    void autocommitOffKeepsATransactionOpenUntilCommit() throws SQLException {
        execute("CREATE TABLE ledger (amount INT)");
        execute("SET autocommit = 0");
        execute("INSERT INTO ledger VALUES (5)");
        assertThat(rows("SELECT @@autocommit")).containsExactly("0");
        execute("ROLLBACK");
        execute("INSERT INTO ledger VALUES (7)");
        execute("COMMIT");
        execute("SET autocommit = 1");
        assertThat(rows("SELECT amount FROM ledger")).containsExactly("7");
    }

    @Test
    void showCommandsAndDropDatabase() throws SQLException {
        assertThat(rows("SHOW ENGINES")).hasSize(1);
        assertThat(rows("SHOW COLLATION LIKE 'utf8mb4%'")).hasSize(1);
        assertThat(rows("SHOW CHARACTER SET")).hasSize(1);
        assertThat(rows("SHOW PROCESSLIST")).anyMatch(row -> row.contains("SHOW PROCESSLIST"));
        assertThat(rows("SHOW CREATE DATABASE shop")).singleElement().asString().contains("CREATE DATABASE `shop`");
        execute("CREATE DATABASE scratch");
        execute("USE scratch");
        execute("DROP DATABASE scratch");
        assertThat(rows("SELECT DATABASE() IS NULL")).containsExactly("1");
    }
}
