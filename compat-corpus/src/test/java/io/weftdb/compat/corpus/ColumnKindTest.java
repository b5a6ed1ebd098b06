package io.weftdb.compat.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnKindTest {

    @Test
    void nullAndEmptyStringAreSpelledOutInEveryKind() {
        for (ColumnKind kind : ColumnKind.values()) {
            assertThat(kind.normalise(null)).isEqualTo("NULL");
            assertThat(kind.normalise("")).isEqualTo("(empty)");
        }
    }

    @Test
    void booleansOfEveryProtocolReadAlike() {
        assertThat(ColumnKind.BOOLEAN.normalise("t")).isEqualTo("true");
        assertThat(ColumnKind.BOOLEAN.normalise("1")).isEqualTo("true");
        assertThat(ColumnKind.BOOLEAN.normalise("true")).isEqualTo("true");
        assertThat(ColumnKind.BOOLEAN.normalise("f")).isEqualTo("false");
        assertThat(ColumnKind.BOOLEAN.normalise("0")).isEqualTo("false");
    }

    @Test
    void realsCompareByValueWithoutTrailingZeros() {
        assertThat(ColumnKind.REAL.normalise("15.0000000000000000")).isEqualTo("15");
        assertThat(ColumnKind.REAL.normalise("-2.25E10")).isEqualTo("-22500000000");
        assertThat(ColumnKind.REAL.normalise("0.000")).isEqualTo("0");
        assertThat(ColumnKind.REAL.normalise("NaN")).isEqualTo("NaN");
    }

    @Test
    void textAndIntegersStayAsSent() {
        assertThat(ColumnKind.TEXT.normalise("24.90")).isEqualTo("24.90");
        assertThat(ColumnKind.INTEGER.normalise("007")).isEqualTo("007");
    }
}
