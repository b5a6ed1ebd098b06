package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.errorOf;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.typeOf;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class MathFunctionsTest {
    private static BoundExpr numeric(String text) {
        return typed(text, DataType.NUMERIC);
    }

    private static BoundExpr float8(String text) {
        return typed(text, DataType.DOUBLE);
    }

    @Test
    void integerArgumentsResolveToDoublePrecisionWhereNoIntegerVersionExists() {
        assertThat(typeOf("round", integer(5))).isEqualTo("double precision");
        assertThat(typeOf("sqrt", integer(4))).isEqualTo("double precision");
        assertThat(typeOf("abs", integer(-5))).isEqualTo("integer");
        assertThat(typeOf("mod", integer(5), integer(3))).isEqualTo("integer");
        assertThat(typeOf("div", integer(5), integer(3))).isEqualTo("numeric");
        assertThat(typeOf("round", numeric("1.5"), integer(1))).isEqualTo("numeric");
    }

    @Test
    void roundingHalvesAwayFromZeroForNumericAndToEvenForDouble() {
        assertThat(call("round", float8("2.5"))).isEqualTo("2");
        assertThat(call("round", numeric("2.5"))).isEqualTo("3");
        assertThat(call("round", numeric("-2.5"))).isEqualTo("-3");
        assertThat(call("round", numeric("1234.5678"), integer(2))).isEqualTo("1234.57");
        assertThat(call("round", numeric("1234.5678"), integer(-2))).isEqualTo("1200");
        assertThat(call("trunc", numeric("2.789"), integer(1))).isEqualTo("2.7");
        assertThat(call("trunc", float8("-2.7"))).isEqualTo("-2");
        assertThat(call("ceil", numeric("2.1"))).isEqualTo("3");
        assertThat(call("floor", numeric("-2.1"))).isEqualTo("-3");
    }

    @Test
    void numericTranscendentalsKeepSixteenSignificantDigits() {
        assertThat(call("sqrt", numeric("2"))).isEqualTo("1.414213562373095");
        assertThat(call("sqrt", numeric("16.0"))).isEqualTo("4.000000000000000");
        assertThat(call("exp", numeric("1.0"))).isEqualTo("2.7182818284590452");
        assertThat(call("ln", numeric("2.0"))).isEqualTo("0.6931471805599453");
        assertThat(call("log", numeric("100.0"))).isEqualTo("2.0000000000000000");
        assertThat(call("log", numeric("2.0"), numeric("64.0"))).isEqualTo("6.0000000000000000");
        assertThat(call("log", integer(2), integer(1024))).isEqualTo("10.0000000000000000");
        assertThat(call("power", numeric("2.0"), numeric("0.5"))).isEqualTo("1.4142135623730950");
        assertThat(call("power", numeric("2.0"), integer(3))).isEqualTo("8.0000000000000000");
        assertThat(call("power", numeric("1.0001"), integer(10000))).isEqualTo("2.7181459268252249");
        assertThat(call("exp", integer(100))).isEqualTo("2.6881171418161356e+43");
    }

    @Test
    void integerPowersKeepSixteenDecimalsAndHugeResultsOverflowOrVanish() {
        assertThat(call("power", numeric("0.001"), integer(5))).isEqualTo("0.0000000000000010");
        assertThat(call("power", numeric("100"), numeric("2.5"))).isEqualTo("100000.00000000000");
        assertThat(call("ln", numeric("123456.789"))).isEqualTo("11.723646487185881");
        assertThat(errorOf("exp", numeric("100000"))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(call("exp", numeric("-100000"))).matches("0\\.0{1000}");
    }

    @Test
    void domainErrorsCarryPostgresSqlStates() {
        assertThat(errorOf("sqrt", integer(-1))).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION);
        assertThat(errorOf("power", integer(0), integer(-1))).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION);
        assertThat(errorOf("power", numeric("-8"), numeric("0.5"))).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION);
        assertThat(errorOf("ln", integer(0))).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertThat(errorOf("ln", numeric("-1.0"))).isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertThat(errorOf("mod", integer(1), integer(0))).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(errorOf("div", integer(1), integer(0))).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(errorOf("abs", typed("-2147483648", DataType.INTEGER))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(errorOf("exp", float8("1000"))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(errorOf("asin", integer(2))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(errorOf("width_bucket", integer(1), integer(1), integer(1), integer(3)))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET);
    }

    @Test
    void integerFunctions() {
        assertThat(call("mod", integer(-7), integer(3))).isEqualTo("-1");
        assertThat(call("div", numeric("-7.5"), integer(2))).isEqualTo("-3");
        assertThat(call("gcd", integer(12), integer(18))).isEqualTo("6");
        assertThat(call("lcm", integer(4), integer(6))).isEqualTo("12");
        assertThat(call("gcd", numeric("12.5"), integer(5))).isEqualTo("2.5");
        assertThat(errorOf("lcm", integer(2147483647), integer(2147483646))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(call("factorial", integer(5))).isEqualTo("120");
    }

    @Test
    void toNumberReadsTheDigitsTheTemplateHasPlacesFor() {
        assertThat(call("to_number", FunctionCalls.literal("12,454.8-"), FunctionCalls.literal("99G999D9S"))).isEqualTo("-12454.8");
        assertThat(call("to_number", FunctionCalls.literal("$1,234.50"), FunctionCalls.literal("L9G999D99"))).isEqualTo("1234.50");
        assertThat(call("to_number", FunctionCalls.literal("12.345"), FunctionCalls.literal("99.9"))).isEqualTo("12.3");
        assertThat(errorOf("to_number", FunctionCalls.literal("abc"), FunctionCalls.literal("999")))
                .isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
    }

    @Test
    void widthBucketCountsFromOneWithUnderAndOverflowBuckets() {
        assertThat(call("width_bucket", numeric("5.35"), numeric("0.024"), numeric("10.06"), integer(5))).isEqualTo("3");
        assertThat(call("width_bucket", integer(0), integer(1), integer(10), integer(3))).isEqualTo("0");
        assertThat(call("width_bucket", integer(20), integer(1), integer(10), integer(3))).isEqualTo("4");
        assertThat(call("width_bucket", float8("5"), integer(10), integer(0), integer(4))).isEqualTo("3");
    }

    @Test
    void degreeTrigonometryIsExactAtTheSpecialAngles() {
        assertThat(call("sind", integer(30))).isEqualTo("0.5");
        assertThat(call("sind", integer(210))).isEqualTo("-0.5");
        assertThat(call("cosd", integer(-240))).isEqualTo("-0.5");
        assertThat(call("tand", integer(135))).isEqualTo("-1");
        assertThat(call("acosd", float8("-0.5"))).isEqualTo("120");
        assertThat(call("atand", integer(1))).isEqualTo("45");
        assertThat(errorOf("asind", integer(2))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(call("min_scale", numeric("8.4100"))).isEqualTo("2");
    }

    @Test
    void trigonometryAndConstants() {
        assertThat(call("atan2", integer(1), integer(1))).isEqualTo("0.7853981633974483");
        assertThat(call("degrees", float8("3.141592653589793"))).isEqualTo("180");
        assertThat(call("sign", numeric("-2.5"))).isEqualTo("-1");
        assertThat(call("pi")).isEqualTo("3.141592653589793");
    }
}
