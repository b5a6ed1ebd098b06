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

/** DISTINCT ON: answers checked against PostgreSQL 15. */
class DistinctOnTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE d (g text, v integer, n text)");
        sql.execute("INSERT INTO d VALUES ('a', 3, 'x'), ('a', 1, 'y'), ('b', 2, 'z'), ('b', 5, 'w'), (NULL, 1, 'q')");
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
    void keepsTheFirstRowOfEachGroupInOrderByOrder() {
        assertThat(sql.query("SELECT DISTINCT ON (g) g, v, n FROM d ORDER BY g, v DESC"))
                .containsExactly(row("a", "3", "x"), row("b", "5", "w"), row(null, "1", "q"));
        assertThat(sql.query("SELECT DISTINCT ON (g) n FROM d ORDER BY g, v"))
                .containsExactly(row("y"), row("z"), row("q"));
        assertThat(sql.query("SELECT DISTINCT ON (g) g, count(*) FROM d GROUP BY g, v ORDER BY g, count(*) DESC, v"))
                .containsExactly(row("a", "1"), row("b", "1"), row(null, "1"));
        assertThat(sql.query("SELECT DISTINCT ON (g) g, v FROM d ORDER BY g, v LIMIT 1")).containsExactly(row("a", "1"));
    }

    @Test
    void anExpressionInTheSelectListMatchesTheSameExpressionInDistinctOnAndOrderBy() {
        assertThat(sql.query("SELECT DISTINCT ON (v % 2) v % 2, n FROM d ORDER BY v % 2, n DESC"))
                .containsExactly(row("0", "z"), row("1", "y"));
    }

    @Test
    void orderByMustStartWithTheDistinctOnExpressions() {
        assertThat(sql.error("SELECT DISTINCT ON (g) g, v FROM d ORDER BY v").code())
                .isEqualTo(ErrorCode.INVALID_COLUMN_REFERENCE);
    }
}
