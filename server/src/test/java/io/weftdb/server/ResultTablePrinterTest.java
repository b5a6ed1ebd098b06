package io.weftdb.server;

import static io.weftdb.server.ResultTablePrinter.Alignment.LEFT;
import static io.weftdb.server.ResultTablePrinter.Alignment.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected texts are psql 15's output (default aligned format) for the queries in each comment. */
class ResultTablePrinterTest {

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void oneRowWithTheHeaderLineEndingInASpaceAndTheDataLineNot() {
        // select 1 as a, 'x' as b
        String table = ResultTablePrinter.format(List.of("a", "b"), List.of(RIGHT, LEFT), List.of(row("1", "x")));

        assertThat(table).isEqualTo("""
                 a | b\s
                ---+---
                 1 | x
                (1 row)

                """);
    }

    @Test
    void numbersRightAlignedTextLeftAlignedNullEmpty() {
        // select 1 as id, 'alice' as name, 3.5::numeric as score union all select 22, null, null
        //   union all select 333, 'bob', 10.25 order by 1
        String table = ResultTablePrinter.format(
                List.of("id", "name", "score"),
                List.of(RIGHT, LEFT, RIGHT),
                List.of(row("1", "alice", "3.5"), row("22", null, null), row("333", "bob", "10.25")));

        assertThat(table).isEqualTo("""
                 id  | name  | score\s
                -----+-------+-------
                   1 | alice |   3.5
                  22 |       |     \s
                 333 | bob   | 10.25
                (3 rows)

                """);
    }

    @Test
    void headersCenteredWithTheOddSpaceOnTheRight() {
        // select 'a' as odd, 'abcdef' as x, 12345 as num
        String table = ResultTablePrinter.format(
                List.of("odd", "x", "num"), List.of(LEFT, LEFT, RIGHT), List.of(row("a", "abcdef", "12345")));

        assertThat(table).isEqualTo("""
                 odd |   x    |  num \s
                -----+--------+-------
                 a   | abcdef | 12345
                (1 row)

                """);
    }

    @Test
    void headerWiderThanItsValues() {
        // select 'x' as long_column_name, 42 as n
        String table = ResultTablePrinter.format(
                List.of("long_column_name", "n"), List.of(LEFT, RIGHT), List.of(row("x", "42")));

        assertThat(table).isEqualTo("""
                 long_column_name | n \s
                ------------------+----
                 x                | 42
                (1 row)

                """);
    }

    @Test
    void nullInTheLastLeftAlignedColumnLeavesTheSeparatorsSpace() {
        // select 1 as a, null::text as b
        String table = ResultTablePrinter.format(List.of("a", "b"), List.of(RIGHT, LEFT), List.of(row("1", null)));

        assertThat(table).isEqualTo("""
                 a | b\s
                ---+---
                 1 |\s
                (1 row)

                """);
    }

    @Test
    void trailingSpacesOfValuesAreKept() {
        // select 'x  ' as b, 'é' as a union all select 'yy', null
        String table = ResultTablePrinter.format(
                List.of("b", "a"), List.of(LEFT, LEFT), List.of(row("x  ", "é"), row("yy", null)));

        assertThat(table).isEqualTo("""
                  b  | a\s
                -----+---
                 x   | é
                 yy  |\s
                (2 rows)

                """);
    }

    @Test
    void noRows() {
        // select 'x' as ab, 1 as abcd where false
        String table = ResultTablePrinter.format(List.of("ab", "abcd"), List.of(LEFT, RIGHT), List.of());

        assertThat(table).isEqualTo("""
                 ab | abcd\s
                ----+------
                (0 rows)

                """);
    }

    @Test
    void noColumns() {
        // select from generate_series(1, 2)
        String table = ResultTablePrinter.format(List.of(), List.of(), List.of(row(), row()));

        assertThat(table).isEqualTo("""
                --
                (2 rows)

                """);
    }

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        // select 'é' as a, '日本' as bb, 'abc' as c   (é written as e + U+0301 in the last column)
        String table = ResultTablePrinter.format(
                List.of("a", "bb", "c", "comb"), List.of(LEFT, LEFT, LEFT, LEFT), List.of(row("é", "日本", "abc", "e\u0301")));

        assertThat(table).isEqualTo("""
                 a |  bb  |  c  | comb\s
                ---+------+-----+------
                 é | 日本 | abc | e\u0301
                (1 row)

                """);
    }

    @Test
    void questionColumnOfANumber() {
        // select 1
        String table = ResultTablePrinter.format(List.of("?column?"), List.of(RIGHT), List.of(row("1")));

        assertThat(table).isEqualTo("""
                 ?column?\s
                ----------
                        1
                (1 row)

                """);
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> ResultTablePrinter.format(List.of("a"), List.of(LEFT), List.of(row("1", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultTablePrinter.format(List.of("a"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
