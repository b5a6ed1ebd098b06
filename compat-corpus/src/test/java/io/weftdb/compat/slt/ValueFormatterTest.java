package io.weftdb.compat.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
    private static final Function<Object, String> TO_STRING = String::valueOf;

    private static String format(Object value, ColumnType type) {
        return ValueFormatter.format(value, type, TO_STRING);
    }

    @Test
    void rendersNullAsNullWhateverTheColumnType() {
        assertThat(format(null, ColumnType.INTEGER)).isEqualTo("NULL");
        assertThat(format(null, ColumnType.REAL)).isEqualTo("NULL");
        assertThat(format(null, ColumnType.TEXT)).isEqualTo("NULL");
    }

    @Test
    void rendersAnEmptyStringAsEmptyInParentheses() {
        assertThat(format("", ColumnType.TEXT)).isEqualTo("(empty)");
    }

    @Test
    void rendersRealColumnsWithThreeDecimals() {
        assertThat(format(2.5, ColumnType.REAL)).isEqualTo("2.500");
        assertThat(format(7L, ColumnType.REAL)).isEqualTo("7.000");
        assertThat(format(new BigDecimal("-1.23456"), ColumnType.REAL)).isEqualTo("-1.235");
        assertThat(format("3.25abc", ColumnType.REAL)).isEqualTo("3.250");
    }

    @Test
    void truncatesFractionalNumbersInIntegerColumnsTowardZero() {
        assertThat(format(42L, ColumnType.INTEGER)).isEqualTo("42");
        assertThat(format(new BigDecimal("-7.9"), ColumnType.INTEGER)).isEqualTo("-7");
        assertThat(format(3.99, ColumnType.INTEGER)).isEqualTo("3");
        assertThat(format(true, ColumnType.INTEGER)).isEqualTo("1");
        assertThat(format("12 monkeys", ColumnType.INTEGER)).isEqualTo("12");
        assertThat(format("abc", ColumnType.INTEGER)).isEqualTo("0");
    }

    @Test
    void replacesControlAndNonAsciiCharactersInTextWithAt() {
        assertThat(format("a\tb\u00e9c", ColumnType.TEXT)).isEqualTo("a@b@c");
    }
}
