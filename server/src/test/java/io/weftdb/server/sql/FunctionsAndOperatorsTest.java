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

/**
 * The function library and operators from SQL text through the PostgreSQL grammar, binding and
 * execution over stored rows. Expected values are PostgreSQL 15's answers to the same queries.
 */
class FunctionsAndOperatorsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE t (id int PRIMARY KEY, name varchar(20), code char(5), price numeric(8,2), qty smallint, "
                + "born date, seen timestamp, seen_tz timestamptz, doc jsonb)");
        sql.execute("INSERT INTO t VALUES (1, 'Alice', 'ab', 12.50, 3, '1990-05-17', '2020-03-04 05:06:07.5', "
                + "'2020-03-04 05:06:07+00', '{\"a\":{\"b\":[1,2,3]},\"k\":\"v\"}'), "
                + "(2, 'bob', NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    @Test
    void stringFunctionsOverColumnsKeepCharPaddingRules() {
        assertThat(sql.query("SELECT upper(name), length(code), code || '|', concat(code, '|'), lpad(name, 8, '*') FROM t ORDER BY id"))
                .containsExactly(List.of("ALICE", "2", "ab|", "ab   |", "***Alice"),
                        Arrays.asList("BOB", null, null, "|", "*****bob"));
        assertThat(sql.value("SELECT format('%s has %L', name, price) FROM t WHERE id = 1")).isEqualTo("Alice has '12.50'");
    }

    @Test
    void sqlStandardSpellingsReachTheirFunctions() {
        assertThat(sql.query("SELECT substring('hello world' FROM 2 FOR 3), substring('foobar' FROM 'o(.)b'), "
                + "substring('foobar' SIMILAR '%#\"o_b#\"%' ESCAPE '#'), position('lo' IN 'hello'), "
                + "trim(LEADING 'x' FROM 'xxaxx'), overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4)"))
                .containsExactly(List.of("ell", "o", "oob", "4", "axx", "Thomas"));
        assertThat(sql.query("SELECT extract(year FROM born), EXTRACT(epoch FROM seen), date_part('month', born) FROM t WHERE id = 1"))
                .containsExactly(List.of("1990", "1583298367.500000", "5"));
        assertThat(sql.value("SELECT seen_tz AT TIME ZONE 'Asia/Tokyo' FROM t WHERE id = 1")).isEqualTo("2020-03-04 14:06:07");
    }

    @Test
    void mathFunctionsResolveOverloadsAsPostgres() {
        assertThat(sql.query("SELECT round(price, 1), price * qty, sqrt(qty), pg_typeof(sqrt(qty)), power(qty, 2), "
                + "mod(qty, 2), round(2.5), round(2.5::float8) FROM t WHERE id = 1"))
                .containsExactly(List.of("12.5", "37.50", "1.7320508075688772", "double precision", "9", "1", "3", "2"));
        assertThat(sql.error("SELECT sqrt(-1)").code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION);
        assertThat(sql.error("SELECT ln(0)").code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertThat(sql.error("SELECT mod(1, 0)").code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
    }

    @Test
    void dateTimeArithmeticAndFormatting() {
        assertThat(sql.query("SELECT age(date '2020-05-17', born), born + 30, to_char(seen, 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
                + "date_trunc('hour', seen_tz) FROM t WHERE id = 1"))
                .containsExactly(List.of("30 years", "1990-06-16", "2020-03-04T05:06:07.500000", "2020-03-04 05:00:00+00"));
        assertThat(sql.query("SELECT interval '1 day' * 2.5, interval '1 month' / 3, date '2020-01-01' + time '10:00', "
                + "timestamp '2020-03-01' - date '2020-02-01', time '10:00' - time '08:30'"))
                .containsExactly(List.of("2 days 12:00:00", "10 days", "2020-01-01 10:00:00", "29 days", "01:30:00"));
        assertThat(sql.value("SELECT pg_typeof(now() - now())")).isEqualTo("interval");
        assertThat(sql.error("SELECT to_date('2020-13-01', 'YYYY-MM-DD')").code()).isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
        assertThat(sql.error("SELECT extract(hour FROM date '2020-01-01')").code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void constantsShownInTheSessionTimeZoneAreNotFoldedWhilePlanning() {
        sql.execute("SET TIME ZONE 'America/New_York'");
        assertThat(sql.query("SELECT to_char(timestamptz '2020-07-01 12:00+00', 'HH24 TZ OF'), "
                + "extract(timezone_hour FROM timestamptz '2020-07-01 12:00+00'), concat(timestamptz '2020-01-01 12:00+00'), "
                + "date_part('epoch', date '2020-01-01')"))
                .containsExactly(List.of("08 EDT -04", "-4", "2020-01-01 07:00:00-05", "1577836800"));
        // A timestamptz literal without an offset is read in the session's zone, not in the planner's.
        assertThat(sql.value("SELECT '2020-01-01 00:00'::timestamptz = timestamptz '2020-01-01 05:00+00'")).isEqualTo("t");
    }

    @Test
    void jsonbOperatorsOverAColumn() {
        assertThat(sql.query("SELECT doc -> 'a', doc -> 'a' -> 'b' ->> 1, doc #>> '{a,b,2}', doc ? 'k', doc @> '{\"k\":\"v\"}', "
                + "jsonb_typeof(doc -> 'k') FROM t WHERE id = 1"))
                .containsExactly(List.of("{\"b\": [1, 2, 3]}", "2", "3", "t", "t", "string"));
        assertThat(sql.query("SELECT id FROM t WHERE doc @> '{\"a\":{\"b\":[2]}}'")).containsExactly(List.of("1"));
        assertThat(sql.query("SELECT '{\"a\":1}'::jsonb ?| array['x','a'], '{\"a\":1}'::jsonb ?& array['x','a'], "
                + "'{\"a\":1}'::jsonb || '{\"b\":2}', '{\"a\":1,\"b\":2}'::jsonb - 'a'"))
                .containsExactly(List.of("t", "f", "{\"a\": 1, \"b\": 2}", "{\"b\": 2}"));
        assertThat(sql.value("SELECT jsonb_build_object('id', id, 'name', name) FROM t WHERE id = 2"))
                .isEqualTo("{\"id\": 2, \"name\": \"bob\"}");
    }

    @Test
    void arraysConstructSubscriptAndCompare() {
        assertThat(sql.query("SELECT ARRAY[1,2,3], (ARRAY[1,2,3])[2], (ARRAY[1,2,3])[5], ARRAY[1,2] || 3, '{1,2,3}'::int[] @> ARRAY[2], "
                + "ARRAY[1,2] && ARRAY[5], array_to_string(string_to_array('a,b', ','), '+')"))
                .containsExactly(Arrays.asList("{1,2,3}", "2", null, "{1,2,3}", "t", "f", "a+b"));
        assertThat(sql.query("SELECT id FROM t WHERE qty = ANY(ARRAY[1,3]) OR name <> ALL('{Alice,bob}') ORDER BY id"))
                .containsExactly(List.of("1"));
        assertThat(sql.query("SELECT 1 = ANY(ARRAY[NULL,2]), 0 > ALL(ARRAY[1,NULL]), 5 = ANY('{}'::int[])"))
                .containsExactly(Arrays.asList(null, "f", "f"));
        assertThat(sql.error("SELECT '{1,2'::int[]").code()).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
    }

    @Test
    void regularExpressionOperatorsAndPatternMatching() {
        assertThat(sql.query("SELECT id FROM t WHERE name ~* '^a' OR code IS NULL ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(sql.query("SELECT 'abc' ~ 'b', 'abc' !~* 'B', 'abc' SIMILAR TO '(a|b)%', regexp_replace('Hello World', "
                + "'(\\w+) (\\w+)', '\\2 \\1')"))
                .containsExactly(List.of("t", "f", "t", "World Hello"));
        assertThat(sql.error("SELECT 'abc' ~ '('").code()).isEqualTo(ErrorCode.INVALID_REGULAR_EXPRESSION);
    }

    @Test
    void unknownFunctionsAndOperatorsAreUndefined() {
        assertThat(sql.error("SELECT lowr('x')").getMessage()).isEqualTo("function lowr(unknown) does not exist");
        assertThat(sql.error("SELECT lowr('x')").code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
        assertThat(sql.error("SELECT 1 ? 2").code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
    }
}
