package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.expr.Arithmetic;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Mathematical functions. Integer arguments to the transcendental functions resolve to double
 * precision (PostgreSQL's preferred numeric type); numeric arguments keep numeric, with the result
 * scales of PostgreSQL's numeric.c (at least 16 significant digits).
 */
final class MathFunctions {
    private static final DataType SMALLINT = DataType.SMALLINT;
    private static final DataType INT = DataType.INTEGER;
    private static final DataType BIGINT = DataType.BIGINT;
    private static final DataType REAL = DataType.REAL;
    private static final DataType DOUBLE = DataType.DOUBLE;
    private static final DataType NUMERIC = DataType.NUMERIC;
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_SCALE = 1000;
    private static final int MAX_RESULT_DIGITS = 6000;

    private MathFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("abs",
                of(SMALLINT, (v, c) -> Casts.checkRange(Math.abs((Long) v[0]), SMALLINT), SMALLINT),
                of(INT, (v, c) -> Casts.checkRange(Math.abs((Long) v[0]), INT), INT),
                of(BIGINT, (v, c) -> absBigint((Long) v[0]), BIGINT),
                of(REAL, (v, c) -> Math.abs((Double) v[0]), REAL),
                of(DOUBLE, (v, c) -> Math.abs((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> ((BigDecimal) v[0]).abs(), NUMERIC));
        registry.register("round",
                of(DOUBLE, (v, c) -> Math.rint((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> round((BigDecimal) v[0], 0, RoundingMode.HALF_UP), NUMERIC),
                of(NUMERIC, (v, c) -> round((BigDecimal) v[0], (Long) v[1], RoundingMode.HALF_UP), NUMERIC, INT));
        registry.register("trunc",
                of(DOUBLE, (v, c) -> truncate((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> round((BigDecimal) v[0], 0, RoundingMode.DOWN), NUMERIC),
                of(NUMERIC, (v, c) -> round((BigDecimal) v[0], (Long) v[1], RoundingMode.DOWN), NUMERIC, INT));
        Overload[] ceil = {
                of(DOUBLE, (v, c) -> Math.ceil((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> ((BigDecimal) v[0]).setScale(0, RoundingMode.CEILING), NUMERIC)};
        registry.register("ceil", ceil);
        registry.register("ceiling", ceil);
        registry.register("floor",
                of(DOUBLE, (v, c) -> Math.floor((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> ((BigDecimal) v[0]).setScale(0, RoundingMode.FLOOR), NUMERIC));
        registry.register("sign",
                of(DOUBLE, (v, c) -> Math.signum((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> BigDecimal.valueOf(((BigDecimal) v[0]).signum()), NUMERIC));
        registry.register("mod",
                of(SMALLINT, (v, c) -> Arithmetic.integer(BinaryOperator.MODULO, (Long) v[0], (Long) v[1], SMALLINT),
                        SMALLINT, SMALLINT),
                of(INT, (v, c) -> Arithmetic.integer(BinaryOperator.MODULO, (Long) v[0], (Long) v[1], INT), INT, INT),
                of(BIGINT, (v, c) -> Arithmetic.integer(BinaryOperator.MODULO, (Long) v[0], (Long) v[1], BIGINT),
                        BIGINT, BIGINT),
                of(NUMERIC, (v, c) -> Arithmetic.numeric(BinaryOperator.MODULO, (BigDecimal) v[0], (BigDecimal) v[1]),
                        NUMERIC, NUMERIC));
        registry.register("div", of(NUMERIC, (v, c) -> div((BigDecimal) v[0], (BigDecimal) v[1]), NUMERIC, NUMERIC));
        Overload[] power = {
                of(DOUBLE, (v, c) -> power((Double) v[0], (Double) v[1]), DOUBLE, DOUBLE),
                of(NUMERIC, (v, c) -> power((BigDecimal) v[0], (BigDecimal) v[1]), NUMERIC, NUMERIC)};
        registry.register("power", power);
        registry.register("pow", power);
        registry.register("sqrt",
                of(DOUBLE, (v, c) -> sqrt((Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> sqrt((BigDecimal) v[0]), NUMERIC));
        registry.register("cbrt", of(DOUBLE, (v, c) -> Math.cbrt((Double) v[0]), DOUBLE));
        registry.register("exp",
                of(DOUBLE, (v, c) -> checkOverflow(Math.exp((Double) v[0]), (Double) v[0]), DOUBLE),
                of(NUMERIC, (v, c) -> exp((BigDecimal) v[0]), NUMERIC));
        registry.register("ln",
                of(DOUBLE, (v, c) -> logarithm((Double) v[0], Math::log), DOUBLE),
                of(NUMERIC, (v, c) -> ln((BigDecimal) v[0]), NUMERIC));
        Overload[] log10 = {
                of(DOUBLE, (v, c) -> logarithm((Double) v[0], Math::log10), DOUBLE),
                of(NUMERIC, (v, c) -> log(BigDecimal.TEN, (BigDecimal) v[0]), NUMERIC)};
        registry.register("log10", log10);
        registry.register("log", log10);
        registry.register("log", of(NUMERIC, (v, c) -> log((BigDecimal) v[0], (BigDecimal) v[1]), NUMERIC, NUMERIC));
        registry.register("pi", of(DOUBLE, (v, c) -> Math.PI));
        registry.register("random", of(DOUBLE, (v, c) -> ThreadLocalRandom.current().nextDouble()).volatileResult());
        registry.register("gcd",
                of(INT, (v, c) -> gcd((Long) v[0], (Long) v[1], INT), INT, INT),
                of(BIGINT, (v, c) -> gcd((Long) v[0], (Long) v[1], BIGINT), BIGINT, BIGINT),
                of(NUMERIC, (v, c) -> gcd((BigDecimal) v[0], (BigDecimal) v[1]), NUMERIC, NUMERIC));
        registry.register("lcm",
                of(INT, (v, c) -> lcm((Long) v[0], (Long) v[1], INT), INT, INT),
                of(BIGINT, (v, c) -> lcm((Long) v[0], (Long) v[1], BIGINT), BIGINT, BIGINT),
                of(NUMERIC, (v, c) -> lcm((BigDecimal) v[0], (BigDecimal) v[1]), NUMERIC, NUMERIC));
        registry.register("to_number",
                of(NUMERIC, (v, c) -> NumberFormat.parse((String) v[0], (String) v[1]), DataType.TEXT, DataType.TEXT));
        registry.register("factorial", of(NUMERIC, (v, c) -> factorial((Long) v[0]), BIGINT));
        registry.register("scale", of(INT, (v, c) -> (long) Math.max(0, ((BigDecimal) v[0]).scale()), NUMERIC));
        registry.register("min_scale", of(INT, (v, c) -> (long) Math.max(0, trimScale((BigDecimal) v[0]).scale()), NUMERIC));
        registry.register("trim_scale", of(NUMERIC, (v, c) -> trimScale((BigDecimal) v[0]), NUMERIC));
        registry.register("degrees", of(DOUBLE, (v, c) -> Math.toDegrees((Double) v[0]), DOUBLE));
        registry.register("radians", of(DOUBLE, (v, c) -> Math.toRadians((Double) v[0]), DOUBLE));
        registry.register("sin", trigonometric(Math::sin, Domain.FINITE));
        registry.register("cos", trigonometric(Math::cos, Domain.FINITE));
        registry.register("tan", trigonometric(Math::tan, Domain.FINITE));
        registry.register("cot", trigonometric(x -> 1.0 / Math.tan(x), Domain.FINITE));
        registry.register("asin", trigonometric(Math::asin, Domain.UNIT));
        registry.register("acos", trigonometric(Math::acos, Domain.UNIT));
        registry.register("atan", trigonometric(Math::atan, Domain.ALL));
        registry.register("atan2", of(DOUBLE, (v, c) -> Math.atan2((Double) v[0], (Double) v[1]), DOUBLE, DOUBLE));
        registry.register("sind", of(DOUBLE, (v, c) -> DegreeTrigonometry.sind((Double) v[0]), DOUBLE));
        registry.register("cosd", of(DOUBLE, (v, c) -> DegreeTrigonometry.cosd((Double) v[0]), DOUBLE));
        registry.register("tand", of(DOUBLE, (v, c) -> DegreeTrigonometry.tand((Double) v[0]), DOUBLE));
        registry.register("asind", of(DOUBLE, (v, c) -> DegreeTrigonometry.asind((Double) v[0]), DOUBLE));
        registry.register("acosd", of(DOUBLE, (v, c) -> DegreeTrigonometry.acosd((Double) v[0]), DOUBLE));
        registry.register("atand", of(DOUBLE, (v, c) -> DegreeTrigonometry.atand((Double) v[0]), DOUBLE));
        registry.register("sinh", trigonometric(Math::sinh, Domain.ALL));
        registry.register("cosh", trigonometric(Math::cosh, Domain.ALL));
        registry.register("tanh", trigonometric(Math::tanh, Domain.ALL));
        registry.register("width_bucket",
                of(INT, (v, c) -> widthBucket((Double) v[0], (Double) v[1], (Double) v[2], (Long) v[3]),
                        DOUBLE, DOUBLE, DOUBLE, INT),
                of(INT, (v, c) -> widthBucket((BigDecimal) v[0], (BigDecimal) v[1], (BigDecimal) v[2], (Long) v[3]),
                        NUMERIC, NUMERIC, NUMERIC, INT));
    }

    private static long absBigint(long value) {
        if (value == Long.MIN_VALUE) {
            throw Casts.outOfRange(BIGINT);
        }
        return Math.abs(value);
    }

    private static BigDecimal round(BigDecimal value, long digits, RoundingMode mode) {
        int scale = (int) Math.max(-MAX_SCALE, Math.min(MAX_SCALE, digits));
        BigDecimal rounded = value.setScale(scale, mode);
        // A negative digit count rounds left of the point but still shows no fractional digits.
        return scale < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }

    private static double truncate(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    private static BigDecimal div(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw FunctionErrors.divisionByZero();
        }
        return a.divide(b, 0, RoundingMode.DOWN);
    }

    private static double power(double base, double exponent) {
        if (base == 0 && exponent < 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (base < 0 && Math.floor(exponent) != exponent) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        double result = Math.pow(base, exponent);
        return checkOverflow(result, base, exponent);
    }

    private static double checkOverflow(double result, double... inputs) {
        for (double input : inputs) {
            if (Double.isInfinite(input) || Double.isNaN(input)) {
                return result;
            }
        }
        if (Double.isInfinite(result)) {
            throw FunctionErrors.outOfRange("value out of range: overflow");
        }
        return result;
    }

    /** Scale PostgreSQL gives a transcendental result whose decimal weight is about {@code log10}. */
    private static int resultScale(double log10, BigDecimal... inputs) {
        int scale = MIN_SIGNIFICANT_DIGITS - (int) log10;
        for (BigDecimal input : inputs) {
            scale = Math.max(scale, input.scale());
        }
        return Math.max(0, Math.min(MAX_SCALE, scale));
    }

    private static MathContext precisionFor(BigDecimal estimate, int scale) {
        int integerDigits = Math.max(1, estimate.precision() - estimate.scale());
        return new MathContext(integerDigits + scale + 5, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        boolean integral = exponent.stripTrailingZeros().scale() <= 0;
        if (base.signum() < 0 && !integral) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (base.signum() == 0) {
            return exponent.signum() == 0 ? BigDecimal.ONE.setScale(resultScale(0, base, exponent))
                    : BigDecimal.ZERO.setScale(resultScale(0, base, exponent));
        }
        double log10 = Math.log10(Math.abs(base.abs().doubleValue())) * exponent.doubleValue();
        if (Double.isInfinite(log10) || log10 > 131072) {
            throw FunctionErrors.outOfRange("value overflows numeric format");
        }
        if (log10 <= -MAX_RESULT_DIGITS) {
            return BigDecimal.ZERO.setScale(resultScale(0, base, exponent));
        }
        int scale = resultScale(log10, base, exponent);
        MathContext context = new MathContext((int) Math.max(1, log10 + 1) + scale + 5, RoundingMode.HALF_EVEN);
        BigDecimal result;
        if (integral) {
            // Integer powers keep a fixed 16 decimals (or the inputs' scale), not 16 significant digits.
            scale = Math.max(MIN_SIGNIFICANT_DIGITS, Math.max(base.scale(), Math.max(exponent.scale(), 0)));
            context = new MathContext((int) Math.max(1, log10 + 1) + scale + 5, RoundingMode.HALF_EVEN);
        }
        if (integral && exponent.abs().compareTo(BigDecimal.valueOf(1_000_000)) <= 0) {
            int n = exponent.intValueExact();
            result = n >= 0 ? base.pow(n, context) : BigDecimal.ONE.divide(base.pow(-n, context), context);
        } else {
            BigDecimal magnitude = BigMath.exp(exponent.multiply(BigMath.ln(base.abs(), context), context), context);
            result = base.signum() < 0 && exponent.toBigInteger().testBit(0) ? magnitude.negate() : magnitude;
        }
        return result.setScale(scale, RoundingMode.HALF_UP);
    }

    private static double sqrt(double value) {
        if (value < 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        return Math.sqrt(value);
    }

    private static BigDecimal sqrt(BigDecimal value) {
        if (value.signum() < 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        // numeric.c: the result keeps 16 significant digits from its first base-10000 digit.
        int weight = baseTenThousandWeight(value);
        int sqrtWeight = (weight + 1) * 4 / 2 - 1;
        int scale = Math.max(0, Math.min(MAX_SCALE, Math.max(MIN_SIGNIFICANT_DIGITS - sqrtWeight, value.scale())));
        return value.sqrt(precisionFor(value, scale)).setScale(scale, RoundingMode.HALF_UP);
    }

    private static int baseTenThousandWeight(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        return Math.floorDiv(value.precision() - value.scale() - 1, 4);
    }

    private static BigDecimal exp(BigDecimal value) {
        double log10 = value.doubleValue() * 0.434294481903252;
        // numeric.c's limits: results beyond 6000 decimal digits overflow, below them underflow to zero.
        if (log10 >= MAX_RESULT_DIGITS) {
            throw FunctionErrors.outOfRange("value overflows numeric format");
        }
        if (log10 <= -MAX_RESULT_DIGITS) {
            return BigDecimal.ZERO.setScale(MAX_SCALE);
        }
        int scale = resultScale(Math.max(log10, -MAX_SCALE), value);
        MathContext context = new MathContext((int) Math.max(1, log10 + 1) + scale + 5, RoundingMode.HALF_EVEN);
        return BigMath.exp(value, context).setScale(scale, RoundingMode.HALF_UP);
    }

    private static void checkLogarithmArgument(int signum) {
        if (signum == 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (signum < 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
    }

    private static double logarithm(double value, DoubleUnaryOperator function) {
        checkLogarithmArgument(value == 0 ? 0 : value < 0 ? -1 : 1);
        return function.applyAsDouble(value);
    }

    private static BigDecimal ln(BigDecimal value) {
        checkLogarithmArgument(value.signum());
        // numeric.c's numeric_ln: 16 digits less the estimated decimal weight of the result.
        int scale = Math.max(0, Math.min(MAX_SCALE, Math.max(MIN_SIGNIFICANT_DIGITS - lnDecimalWeight(value), value.scale())));
        return BigMath.ln(value, new MathContext(scale + 10, RoundingMode.HALF_EVEN)).setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal log(BigDecimal base, BigDecimal value) {
        checkLogarithmArgument(base.signum());
        checkLogarithmArgument(value.signum());
        if (base.compareTo(BigDecimal.ONE) == 0) {
            throw FunctionErrors.divisionByZero();
        }
        // numeric.c's log_var: the scale follows the estimated decimal weights of the two logarithms.
        int scale = MIN_SIGNIFICANT_DIGITS - (lnDecimalWeight(value) - lnDecimalWeight(base));
        scale = Math.max(0, Math.min(MAX_SCALE, Math.max(scale, Math.max(base.scale(), value.scale()))));
        MathContext context = new MathContext(scale + 40, RoundingMode.HALF_EVEN);
        BigDecimal quotient = BigMath.ln(value, context).divide(BigMath.ln(base, context), context);
        return quotient.setScale(scale, RoundingMode.HALF_UP);
    }

    /** numeric.c's estimate_ln_dweight: the decimal weight of ln(x), truncated toward zero. */
    private static int lnDecimalWeight(BigDecimal x) {
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal offset = x.subtract(BigDecimal.ONE).abs();
            return offset.signum() == 0 ? 0 : offset.precision() - offset.scale() - 1;
        }
        int exponent = x.precision() - x.scale() - 1;
        double ln = Math.log(x.movePointLeft(exponent).doubleValue()) + exponent * Math.log(10);
        return (int) Math.log10(Math.abs(ln));
    }

    /** The arguments a trigonometric function accepts: periodic ones need a finite angle. */
    private enum Domain { ALL, FINITE, UNIT }

    private static Overload trigonometric(DoubleUnaryOperator function, Domain domain) {
        return of(DOUBLE, (v, c) -> {
            double x = (Double) v[0];
            boolean outside = switch (domain) {
                case ALL -> false;
                case FINITE -> Double.isInfinite(x);
                case UNIT -> x < -1 || x > 1;
            };
            if (outside) {
                throw FunctionErrors.outOfRange("input is out of range");
            }
            return function.applyAsDouble(x);
        }, DOUBLE);
    }

    private static long gcd(long a, long b, DataType type) {
        BigInteger result = BigInteger.valueOf(a).gcd(BigInteger.valueOf(b));
        if (result.bitLength() > (type == INT ? 31 : 63)) {
            throw Casts.outOfRange(type);
        }
        return result.longValue();
    }

    private static long lcm(long a, long b, DataType type) {
        if (a == 0 || b == 0) {
            return 0;
        }
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        BigInteger result = x.divide(x.gcd(y)).multiply(y).abs();
        if (result.bitLength() > (type == INT ? 31 : 63)) {
            throw Casts.outOfRange(type);
        }
        return result.longValue();
    }

    private static BigDecimal gcd(BigDecimal a, BigDecimal b) {
        int scale = Math.max(a.scale(), b.scale());
        BigInteger x = a.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger y = b.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        return new BigDecimal(x.gcd(y), Math.max(0, scale));
    }

    private static BigDecimal lcm(BigDecimal a, BigDecimal b) {
        int scale = Math.max(0, Math.max(a.scale(), b.scale()));
        if (a.signum() == 0 || b.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigInteger x = a.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger y = b.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        return new BigDecimal(x.divide(x.gcd(y)).multiply(y).abs(), scale);
    }

    private static BigDecimal factorial(long n) {
        if (n < 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw FunctionErrors.outOfRange("value overflows numeric format");
        }
        BigInteger result = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            result = result.multiply(BigInteger.valueOf(i));
        }
        return new BigDecimal(result);
    }

    private static BigDecimal trimScale(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    private static long widthBucket(double operand, double low, double high, long count) {
        if (count <= 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET, "count must be greater than zero");
        }
        if (low == high) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET, "lower bound cannot equal upper bound");
        }
        if (Double.isNaN(operand) || Double.isNaN(low) || Double.isNaN(high)) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET,
                    "operand, lower bound, and upper bound cannot be NaN");
        }
        if (low < high) {
            if (operand < low) {
                return 0;
            }
            if (operand >= high) {
                return bucketBeyond(count);
            }
            return (long) ((operand - low) / (high - low) * count) + 1;
        }
        if (operand > low) {
            return 0;
        }
        if (operand <= high) {
            return bucketBeyond(count);
        }
        return (long) ((low - operand) / (low - high) * count) + 1;
    }

    private static long widthBucket(BigDecimal operand, BigDecimal low, BigDecimal high, long count) {
        if (count <= 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET, "count must be greater than zero");
        }
        int direction = low.compareTo(high);
        if (direction == 0) {
            throw new SqlException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET, "lower bound cannot equal upper bound");
        }
        BigDecimal span = high.subtract(low);
        if (direction < 0 ? operand.compareTo(low) < 0 : operand.compareTo(low) > 0) {
            return 0;
        }
        if (direction < 0 ? operand.compareTo(high) >= 0 : operand.compareTo(high) <= 0) {
            return bucketBeyond(count);
        }
        BigDecimal offset = operand.subtract(low).multiply(BigDecimal.valueOf(count));
        return offset.divide(span, 0, RoundingMode.DOWN).longValueExact() + 1;
    }

    private static long bucketBeyond(long count) {
        if (count == Integer.MAX_VALUE) {
            throw Casts.outOfRange(INT);
        }
        return count + 1;
    }
}
