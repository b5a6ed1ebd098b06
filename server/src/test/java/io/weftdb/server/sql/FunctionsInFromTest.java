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

/** Set-returning functions in FROM and in the select list: answers checked against PostgreSQL 15. */
class FunctionsInFromTest {
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

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    private List<String> column(String query) {
        return sql.query(query).stream().map(values -> values.get(0)).toList();
    }

    @Test
    void generateSubscriptsCountsFromTheArraysLowerBound() {
        assertThat(sql.query("SELECT generate_subscripts(ARRAY[5,6,7], 1), generate_subscripts('{1,2}'::int[], 1, true)"))
                .containsExactly(row("1", "2"), row("2", "1"), row("3", null));
        assertThat(column("SELECT * FROM generate_subscripts(ARRAY['a'], 2)")).isEmpty();
        sql.execute("CREATE TABLE pair (a int, b int, PRIMARY KEY (b, a))");
        // int2vector (pg_index.indkey) counts from 0 and reads as space-separated numbers, as in PostgreSQL.
        assertThat(sql.query("SELECT indkey::text, indkey[0], indkey[1], s FROM pg_index, generate_subscripts(indkey, 1) AS s "
                + "WHERE indrelid = 'pair'::regclass ORDER BY s"))
                .containsExactly(row("2 1", "2", "1", "0"), row("2 1", "2", "1", "1"));
    }

    @Test
    void generateSeriesCountsUpOrDownInSteps() {
        assertThat(column("SELECT * FROM generate_series(1, 5, 2)")).containsExactly("1", "3", "5");
        assertThat(column("SELECT g FROM generate_series(3, 1, -1) AS g")).containsExactly("3", "2", "1");
        assertThat(column("SELECT n * 2 FROM generate_series(1, 3) AS t(n) ORDER BY 1 DESC")).containsExactly("6", "4", "2");
        assertThat(column("SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '1 day')"))
                .containsExactly("2024-01-01 00:00:00", "2024-01-02 00:00:00", "2024-01-03 00:00:00");
        assertThat(column("SELECT * FROM generate_series(1.5, 3)")).containsExactly("1.5", "2.5");
        assertThat(sql.value("SELECT count(*) FROM generate_series(1, 100000)")).isEqualTo("100000");
        assertThat(sql.error("SELECT * FROM generate_series(1, 3, 0)").code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void unnestAndJsonExpandersGiveOneRowPerElement() {
        assertThat(sql.query("SELECT * FROM unnest(ARRAY[1, 2, NULL]) AS u")).containsExactly(row("1"), row("2"), row((String) null));
        assertThat(column("SELECT * FROM jsonb_array_elements('[1, \"a\", {\"b\": 2}, null]')"))
                .containsExactly("1", "\"a\"", "{\"b\": 2}", "null");
        assertThat(sql.query("SELECT * FROM jsonb_array_elements_text('[1, \"a\", {\"b\": 2}, null]')"))
                .containsExactly(row("1"), row("a"), row("{\"b\": 2}"), row((String) null));
        assertThat(sql.query("SELECT * FROM jsonb_each('{\"a\": 1, \"b\": [2]}') ORDER BY key"))
                .containsExactly(row("a", "1"), row("b", "[2]"));
        assertThat(column("SELECT * FROM jsonb_object_keys('{\"x\": 1, \"yy\": 2}')")).containsExactly("x", "yy");
    }

    @Test
    void aScalarFunctionInFromIsOneRowNamedAfterIt() {
        assertThat(sql.query("SELECT * FROM lower('ABC')")).containsExactly(row("abc"));
        assertThat(sql.value("SELECT x FROM upper('q') AS x")).isEqualTo("Q");
    }

    @Test
    void seriesJoinTables() {
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, v text)");
        sql.execute("INSERT INTO t VALUES (1, 'one'), (3, 'three')");
        assertThat(sql.query("SELECT g, t.v FROM generate_series(1, 3) AS g LEFT JOIN t ON t.id = g ORDER BY g"))
                .containsExactly(row("1", "one"), row("2", null), row("3", "three"));
    }

    @Test
    void regexpMatchesGivesEachMatchsGroups() {
        assertThat(column("SELECT * FROM regexp_matches('a1b22c333', '([a-z])(\\d+)', 'g')"))
                .containsExactly("{a,1}", "{b,22}", "{c,333}");
        assertThat(column("SELECT * FROM regexp_matches('Hello', 'l+')")).containsExactly("{ll}");
        assertThat(sql.query("SELECT regexp_matches FROM regexp_matches('abc', 'x')")).isEmpty();
        assertThat(sql.error("SELECT 'ab' LIKE 'a\\'").code()).isEqualTo(ErrorCode.INVALID_ESCAPE_SEQUENCE);
    }

    @Test
    void setReturningFunctionsInTheSelectListRepeatTheirRow() {
        sql.execute("CREATE TABLE tg (id integer, tags text[])");
        sql.execute("INSERT INTO tg VALUES (1, ARRAY['a', 'b']), (2, '{}'), (3, NULL), (4, ARRAY['c'])");
        assertThat(sql.query("SELECT id, unnest(tags) FROM tg ORDER BY 1, 2"))
                .containsExactly(row("1", "a"), row("1", "b"), row("4", "c"));
        assertThat(sql.query("SELECT id, unnest(tags) AS tag, generate_series(1, 3) AS n FROM tg WHERE id IN (1, 4) ORDER BY 1, 3"))
                .containsExactly(row("1", "a", "1"), row("1", "b", "2"), row("1", null, "3"), row("4", "c", "1"),
                        row("4", null, "2"), row("4", null, "3"));
        assertThat(column("SELECT generate_series(1, 3)")).containsExactly("1", "2", "3");
        assertThat(column("SELECT unnest(ARRAY[1, 2]) + 10 AS v")).containsExactly("11", "12");
        assertThat(sql.value("SELECT count(*) FROM (SELECT unnest(tags) FROM tg) s")).isEqualTo("3");
        assertThat(column("SELECT unnest(array_agg(id ORDER BY id)) FROM tg")).containsExactly("1", "2", "3", "4");
        assertThat(sql.query("SELECT unnest(tags) FROM tg WHERE id = 1")).extracting(r -> r.get(0)).containsExactly("a", "b");
    }
}
