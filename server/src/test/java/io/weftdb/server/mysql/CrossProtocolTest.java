package io.weftdb.server.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One engine behind both listeners: MySQL's database "public" is PostgreSQL's schema public. */
class CrossProtocolTest {
    @TempDir
    static Path directory;
    private static WeftdbServe server;

    @BeforeAll
    static void startServer() throws Exception {
        server = WeftdbServe.start(directory.resolve("data"), null);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Connection mysql() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.mysqlPort()
                + "/public?sslMode=DISABLED&allowPublicKeyRetrieval=true", "app", "");
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/postgres?sslmode=disable",
                "app", "");
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
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
    void aTableWrittenOverMysqlIsReadOverPostgresql() throws SQLException {
        try (Connection mysql = mysql(); Statement statement = mysql.createStatement()) {
            statement.execute("CREATE TABLE `orders` (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(20) NOT NULL,"
                    + " amount DECIMAL(8,2)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            statement.executeUpdate("INSERT INTO orders (item, amount) VALUES ('tea', 3.50), ('cake', 4.25)");
        }
        try (Connection postgres = postgres()) {
            assertThat(rows(postgres, "SELECT id, item, amount FROM public.orders ORDER BY id"))
                    .containsExactly("1|tea|3.50", "2|cake|4.25");
        }
    }

    @Test
    void aTableWrittenOverPostgresqlIsReadOverMysql() throws SQLException {
        try (Connection postgres = postgres(); Statement statement = postgres.createStatement()) {
            statement.execute("CREATE TABLE public.notes (id serial PRIMARY KEY, body text, done boolean)");
            statement.executeUpdate("INSERT INTO notes (body, done) VALUES ('first', true), ('second', false)");
        }
        try (Connection mysql = mysql()) {
            assertThat(rows(mysql, "SELECT id, body, done FROM notes ORDER BY id"))
                    .containsExactly("1|first|1", "2|second|0");
            assertThat(rows(mysql, "SELECT body FROM public.notes WHERE id = 2")).containsExactly("second");
        }
    }
}
