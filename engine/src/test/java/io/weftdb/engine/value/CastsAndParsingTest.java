package io.weftdb.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CastsAndParsingTest {
    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (SqlException e) {
            return e.code();
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void integerInputOutOfRangeIsNumericValueOutOfRange() {
        assertThat(codeOf(() -> TextParse.parse("2147483648", DataType.INTEGER))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(codeOf(() -> TextParse.parse("12x", DataType.INTEGER))).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
        assertThat(TextParse.parse(" -42 ", DataType.SMALLINT)).isEqualTo(-42L);
    }

    @Test
    void varcharAssignmentRejectsTooLongValuesButExplicitCastTruncates() {
        DataType varchar3 = DataType.varchar(3);
        assertThat(codeOf(() -> Casts.cast("abcd", DataType.TEXT, varchar3, Casts.Context.ASSIGNMENT, ZoneOffset.UTC)))
                .isEqualTo(ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
        assertThat(Casts.cast("abcd", DataType.TEXT, varchar3, Casts.Context.EXPLICIT, ZoneOffset.UTC)).isEqualTo("abc");
        assertThat(Casts.cast("ab  ", DataType.TEXT, DataType.varchar(2), Casts.Context.ASSIGNMENT, ZoneOffset.UTC)).isEqualTo("ab");
        assertThat(Casts.cast("a", DataType.TEXT, DataType.character(3), Casts.Context.ASSIGNMENT, ZoneOffset.UTC)).isEqualTo("a  ");
    }

    @Test
    void numericTypmodRoundsAndRejectsOverflow() {
        DataType money = DataType.numeric(5, 2);
        assertThat(Casts.fitNumeric(new BigDecimal("123.456"), money)).isEqualByComparingTo("123.46");
        assertThatThrownBy(() -> Casts.fitNumeric(new BigDecimal("1234.5"), money))
                .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    @Test
    void floatToIntegerRoundsHalfToEvenAsPostgresDoes() {
        assertThat(Casts.cast(2.5, DataType.DOUBLE, DataType.INTEGER, Casts.Context.EXPLICIT, ZoneOffset.UTC)).isEqualTo(2L);
        assertThat(Casts.cast(new BigDecimal("2.5"), DataType.NUMERIC, DataType.INTEGER, Casts.Context.EXPLICIT, ZoneOffset.UTC))
                .isEqualTo(3L);
    }

    @Test
    void datesAndIntervalsParseAndPrintLikePostgres() {
        assertThat(TextParse.parse("2024-02-29", DataType.DATE)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(codeOf(() -> TextParse.parse("2023-02-29", DataType.DATE))).isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
        Interval interval = (Interval) TextParse.parse("1 year 2 mons 3 days 04:05:06.5", DataType.INTERVAL);
        assertThat(interval.toString()).isEqualTo("1 year 2 mons 3 days 04:05:06.5");
        assertThat(TextFormat.format(TextParse.parse("2024-01-02 03:04:05+02", DataType.TIMESTAMPTZ), DataType.TIMESTAMPTZ))
                .isEqualTo("2024-01-02 01:04:05+00");
    }

    @Test
    void floatsPrintTheShortestRoundTrippingText() {
        assertThat(TextFormat.formatFloat(0.1, false)).isEqualTo("0.1");
        assertThat(TextFormat.formatFloat(1e20, false)).isEqualTo("1e+20");
        assertThat(TextFormat.formatFloat(100.0, false)).isEqualTo("100");
        assertThat(TextFormat.formatFloat(Double.NaN, false)).isEqualTo("NaN");
    }

    @Test
    void jsonbIsNormalizedWithSortedKeysAndLastDuplicateWinning() {
        assertThat(Json.normalize("{\"bb\":1, \"a\":[true,null], \"bb\":2}")).isEqualTo("{\"a\": [true, null], \"bb\": 2}");
        assertThat(codeOf(() -> Json.normalize("{\"a\":}"))).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
    }
}
