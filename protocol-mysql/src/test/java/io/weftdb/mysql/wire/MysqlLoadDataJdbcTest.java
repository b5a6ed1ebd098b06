package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LOAD DATA LOCAL INFILE through Connector/J (allowLoadLocalInfile): the client sends its file, the rows load like COPY. */
class MysqlLoadDataJdbcTest {
    @TempDir
    static Path directory;
    private static EngineFixture fixture;
    private static MysqlServer server;

    @BeforeAll
    static void startServer() {
        fixture = new EngineFixture(directory);
        server = new MysqlServer(fixture.engine(), MysqlServerConfig.defaults(), Optional.empty(), Optional.empty());
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        fixture.close();
    }

    private static Connection connect(boolean allowLocalInfile) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/public?useSSL=false"
                + "&allowLoadLocalInfile=" + allowLocalInfile, "app", "");
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
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

    private static String path(String name, String content) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toString().replace("\\", "/");
    }

    @Test
    void theDefaultFormatIsTabSeparatedWithBackslashEscapesAndBackslashNForNull() throws Exception {
        String file = path("people.tsv", "1\tAnn\t10.50\n2\tBob \\\"B\\\"\\tTab\t\\N\n3\tZoë\t-1\n");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), score DECIMAL(6,2))");
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE people")).isEqualTo(3);
            assertThat(rows(statement, "SELECT id, name, score FROM people ORDER BY id"))
                    .containsExactly("1|Ann|10.50", "2|Bob \"B\"\tTab|null", "3|Zoë|-1.00");
        }
    }

    @Test
    void enclosedFieldsReadAsCsvWithAHeaderLineAndAColumnList() throws Exception {
        String file = path("items.csv", "name,id\r\n\"a, b\",1\r\n\"say \\\"hi\\\"\",2\r\nplain,3\r\n");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), note VARCHAR(10) DEFAULT 'none')");
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE items"
                    + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n'"
                    + " IGNORE 1 LINES (name, id)")).isEqualTo(3);
            assertThat(rows(statement, "SELECT id, name, note FROM items ORDER BY id"))
                    .containsExactly("1|a, b|none", "2|say \"hi\"|none", "3|plain|none");
        }
    }

    @Test
    void ignoredLinesAndLinesStartingByShapeTheFileAsMysqlDoes() throws Exception {
        // A packet boundary may fall anywhere; the last line has no newline.
        String file = path("prefixed.tsv", "# export\n# columns: id, name\nxxx|1\tAnn\nno marker here\nyyy|2\tBob|by\n|3\tCy");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE prefixed (id INT PRIMARY KEY, name VARCHAR(40))");
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE prefixed"
                    + " LINES STARTING BY '|' IGNORE 2 LINES")).isEqualTo(3);
            assertThat(rows(statement, "SELECT id, name FROM prefixed ORDER BY id"))
                    .containsExactly("1|Ann", "2|Bob|by", "3|Cy");
        }
    }

    @Test
    void aBadRowUndoesTheWholeLoadAndReportsItsLine() throws Exception {
        String file = path("bad.tsv", "1\tok\n2\tok\nx\tbad\n");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE strict_rows (id INT PRIMARY KEY, note TEXT)");
            assertThatThrownBy(() -> statement.execute("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE strict_rows"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("line 3");
            assertThat(rows(statement, "SELECT count(*) FROM strict_rows")).containsExactly("0");
            // The connection goes on after the error.
            assertThat(rows(statement, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void fieldsReadIntoVariablesFeedTheSetClauseAndTheVariablesKeepTheLastLine() throws Exception {
        String file = path("people.csv", "1,ann,21/03/1990,x\n2,bob,01/12/1985,y\n");
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE born (id INT PRIMARY KEY, name VARCHAR(20), born DATE, note TEXT,"
                    + " loaded INT DEFAULT 7)");
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE born"
                    + " FIELDS TERMINATED BY ',' (id, @name, @born, @rest)"
                    + " SET name = UPPER(@name), born = STR_TO_DATE(@born, '%d/%m/%Y'), note = CONCAT(id, '-', @name)"))
                    .isEqualTo(2);
            assertThat(rows(statement, "SELECT id, name, born, note, loaded FROM born ORDER BY id"))
                    .containsExactly("1|ANN|1990-03-21|1-ann|7", "2|BOB|1985-12-01|2-bob|7");
            assertThat(rows(statement, "SELECT @rest, @name")).containsExactly("y|bob");
        }
    }

    @Test
    void aLocalLoadSkipsDuplicateKeysWithWarningsAndReplaceOverwritesThem() throws Exception {
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE keyed (id INT PRIMARY KEY, code VARCHAR(5) UNIQUE, v TEXT)");
            statement.execute("INSERT INTO keyed VALUES (1, 'a', 'old'), (5, 'e', 'kept')");
            String first = path("dup1.tsv", "1\tz\tnew\n2\tb\ttwo\n3\te\tthree\n");
            // LOCAL behaves as IGNORE: a line whose primary or unique key is taken is skipped.
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + first + "' INTO TABLE keyed")).isEqualTo(1);
            assertThat(rows(statement, "SHOW WARNINGS")).hasSize(2).allSatisfy(row -> assertThat(row).contains("|1062|"));
            assertThat(rows(statement, "SELECT id, code, v FROM keyed ORDER BY id"))
                    .containsExactly("1|a|old", "2|b|two", "5|e|kept");
            String second = path("dup2.tsv", "1\ta\tnewer\n4\tb\tfour\n6\tf\tsix\n");
            // REPLACE deletes the rows holding a key of the new line (id 1; code b of id 2) and counts them.
            assertThat(statement.executeUpdate("LOAD DATA LOCAL INFILE '" + second + "' REPLACE INTO TABLE keyed"))
                    .isEqualTo(5);
            assertThat(rows(statement, "SELECT id, code, v FROM keyed ORDER BY id"))
                    .containsExactly("1|a|newer", "4|b|four", "5|e|kept", "6|f|six");
        }
    }

    @Test
    void aClientThatDoesNotAllowLocalFilesIsRefusedAndServerFilesAreNotRead() throws Exception {
        String file = path("refused.tsv", "1\n");
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE refused (id INT)");
            assertThatThrownBy(() -> statement.execute("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE refused"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(3948));
            assertThatThrownBy(() -> statement.execute("LOAD DATA INFILE '" + file + "' INTO TABLE refused"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1235));
            assertThat(rows(statement, "SELECT count(*) FROM refused")).containsExactly("0");
        }
    }
}
