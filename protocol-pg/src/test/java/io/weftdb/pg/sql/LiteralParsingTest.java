package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.bigint;
import static io.weftdb.pg.sql.ExpectedIr.bool;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.numeric;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** Constants: how numbers are typed, and every way of quoting a string. */
final class LiteralParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private Expr selectExpression(String text) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT " + text);
        return select.items().getFirst().expression();
    }

    @Test
    void integerThatFitsIn32BitsIsInteger() {
        assertThat(selectExpression("2147483647")).isEqualTo(integer(2147483647L, 8));
    }

    @Test
    void integerBeyond32BitsIsBigint() {
        assertThat(selectExpression("2147483648")).isEqualTo(bigint(2147483648L, 8));
    }

    @Test
    void integerBeyond64BitsIsNumeric() {
        assertThat(selectExpression("9223372036854775808")).isEqualTo(numeric("9223372036854775808", 8));
    }

    @Test
    void negatedIntegerTakesTheSmallestTypeThatHoldsItAsInPostgres() {
        assertThat(selectExpression("-2147483647")).isEqualTo(integer(-2147483647L, 8));
        assertThat(selectExpression("-2147483648")).isEqualTo(integer(-2147483648L, 8));
        assertThat(selectExpression("-2147483649")).isEqualTo(bigint(-2147483649L, 8));
        assertThat(selectExpression("- -2147483648")).isEqualTo(bigint(2147483648L, 8));
    }

    @Test
    void smallestBigintIsWrittenAsANegatedNumeric() {
        assertThat(selectExpression("-9223372036854775808")).isEqualTo(bigint(Long.MIN_VALUE, 8));
        assertThat(selectExpression("-9223372036854775809")).isEqualTo(numeric("-9223372036854775809", 8));
    }

    @Test
    void decimalPointOrExponentMakesNumeric() {
        assertThat(selectExpression("1.5")).isEqualTo(numeric("1.5", 8));
        assertThat(selectExpression(".5")).isEqualTo(numeric("0.5", 8));
        assertThat(selectExpression("1e3")).isEqualTo(numeric("1e3", 8));
        assertThat(selectExpression("2.5E-3")).isEqualTo(numeric("0.0025", 8));
    }

    @Test
    void integersAcceptUnderscoresAndRadixPrefixes() {
        assertThat(selectExpression("1_000_000")).isEqualTo(integer(1_000_000, 8));
        assertThat(selectExpression("0x1F")).isEqualTo(integer(31, 8));
        assertThat(selectExpression("0o17")).isEqualTo(integer(15, 8));
        assertThat(selectExpression("0b101")).isEqualTo(integer(5, 8));
    }

    @Test
    void booleansAndNull() {
        assertThat(selectExpression("TRUE")).isEqualTo(bool(true, 8));
        assertThat(selectExpression("false")).isEqualTo(bool(false, 8));
        assertThat(selectExpression("NULL")).isEqualTo(Expr.Literal.nullValue(8));
    }

    @Test
    void quotedStringIsUntypedWithDoubledQuotes() {
        assertThat(selectExpression("'it''s'")).isEqualTo(string("it's", 8));
    }

    @Test
    void standardStringKeepsBackslashes() {
        assertThat(selectExpression("'a\\nb'")).isEqualTo(string("a\\nb", 8));
    }

    @Test
    void stringsContinueAcrossALineBreak() {
        assertThat(selectExpression("'foo'\n  'bar'")).isEqualTo(string("foobar", 8));
    }

    @Test
    void stringsOnOneLineDoNotContinue() {
        assertThatThrownBy(() -> selectExpression("'foo' 'bar'"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("syntax error at or near \"'bar'\"");
                    assertThat(e.position()).isEqualTo(14);
                });
    }

    @Test
    void escapeStringResolvesBackslashEscapes() {
        assertThat(selectExpression("E'tab\\there\\nnew \\'quoted\\' \\\\ \\x41\\101 \\u00e9 \\U0001F600'"))
                .isEqualTo(string("tab\there\nnew 'quoted' \\ AA é \uD83D\uDE00", 8));
    }

    @Test
    void escapeStringByteEscapesFormUtf8Together() {
        assertThat(selectExpression("e'caf\\xC3\\xA9'")).isEqualTo(string("café", 8));
    }

    @Test
    void escapeStringRejectsBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> selectExpression("E'\\xff'"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CHARACTER_NOT_IN_REPERTOIRE);
                    assertThat(e.getMessage()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0xff");
                });
    }

    @Test
    void dollarQuotedStringsTakeTheTextAsIs() {
        assertThat(selectExpression("$$it's \\n$$")).isEqualTo(string("it's \\n", 8));
        assertThat(selectExpression("$fn$ a $$ b $fn$")).isEqualTo(string(" a $$ b ", 8));
    }

    @Test
    void dollarQuoteTagMayHoldAnyLetter() {
        assertThat(selectExpression("$\uD835\uDC00$x$\uD835\uDC00$")).isEqualTo(string("x", 8));
    }

    @Test
    void dollarQuoteTagsAreCaseSensitive() {
        assertThat(selectExpression("$a$ x $A$ y $a$")).isEqualTo(string(" x $A$ y ", 8));
    }

    @Test
    void unicodeEscapeString() {
        assertThat(selectExpression("U&'d\\0061t\\+000061 \\\\'")).isEqualTo(string("data \\", 8));
    }

    @Test
    void typedLiteralIsACastOfAnUntypedString() {
        assertThat(selectExpression("DATE '2020-01-01'"))
                .isEqualTo(new Expr.Cast(string("2020-01-01", 13), DataType.DATE, 8));
        assertThat(selectExpression("TIMESTAMP WITH TIME ZONE '2020-01-01 00:00+00'"))
                .isEqualTo(new Expr.Cast(string("2020-01-01 00:00+00", 33), DataType.TIMESTAMPTZ, 8));
        assertThat(selectExpression("int4 '5'")).isEqualTo(new Expr.Cast(string("5", 13), DataType.INTEGER, 8));
    }

    @Test
    void intervalLiteral() {
        assertThat(selectExpression("INTERVAL '1 day'"))
                .isEqualTo(new Expr.Cast(string("1 day", 17), DataType.INTERVAL, 8));
    }

    @Test
    void intervalFieldGivesABareNumberItsUnit() {
        assertThat(selectExpression("INTERVAL '2' HOUR"))
                .isEqualTo(new Expr.Cast(string("2 hour", 17), DataType.INTERVAL, 8));
        assertThat(selectExpression("INTERVAL '90' MINUTE TO SECOND"))
                .isEqualTo(new Expr.Cast(string("90 second", 17), DataType.INTERVAL, 8));
    }

    @Test
    void parametersAreNumberedFromOne() {
        assertThat(selectExpression("$12")).isEqualTo(new Expr.Parameter(12, 8));
    }

    @Test
    void parameterZeroDoesNotExist() {
        assertThatThrownBy(() -> selectExpression("$0"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo("there is no parameter $0");
                    assertThat(e.position()).isEqualTo(8);
                });
    }
}
