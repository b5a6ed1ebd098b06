package io.weftdb.engine.expr;

import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Arithmetic with PostgreSQL's semantics: integer results checked against their type's range
 * (22003), integer division truncating, division by zero 22012, numeric division scaled like
 * PostgreSQL's select_div_scale, date/timestamp/interval arithmetic.
 */
public final class Arithmetic {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;

    private Arithmetic() {
    }

    static SqlException divisionByZero() {
        return new SqlException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    public static long integer(BinaryOperator operator, long a, long b, DataType type) {
        long result;
        try {
            result = switch (operator) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case DIVIDE -> {
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw Casts.outOfRange(type);
                    }
                    yield a / b;
                }
                case MODULO -> {
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    yield b == -1 ? 0 : a % b;
                }
                case BITWISE_AND -> a & b;
                case BITWISE_OR -> a | b;
                case BITWISE_XOR -> a ^ b;
                case SHIFT_LEFT -> a << b;
                case SHIFT_RIGHT -> a >> b;
                default -> throw new IllegalArgumentException(operator.toString());
            };
        } catch (ArithmeticException e) {
            throw Casts.outOfRange(type);
        }
        return Casts.checkRange(result, type);
    }

    public static double floating(BinaryOperator operator, double a, double b, boolean single) {
        double result = switch (operator) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> {
                if (b == 0) {
                    throw divisionByZero();
                }
                yield a / b;
            }
            case MODULO -> {
                if (b == 0) {
                    throw divisionByZero();
                }
                yield a % b;
            }
            case POWER -> Math.pow(a, b);
            default -> throw new IllegalArgumentException(operator.toString());
        };
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return single ? Casts.toReal(result) : result;
    }

    public static BigDecimal numeric(BinaryOperator operator, BigDecimal a, BigDecimal b) {
        return switch (operator) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> {
                if (b.signum() == 0) {
                    throw divisionByZero();
                }
                yield a.divide(b, divisionScale(a, b), RoundingMode.HALF_UP);
            }
            case MODULO -> {
                if (b.signum() == 0) {
                    throw divisionByZero();
                }
                yield a.remainder(b);
            }
            case POWER -> {
                if (b.stripTrailingZeros().scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(1000)) <= 0) {
                    int exponent = b.intValue();
                    yield exponent >= 0 ? a.pow(exponent)
                            : BigDecimal.ONE.divide(a.pow(-exponent), MIN_SIGNIFICANT_DIGITS, RoundingMode.HALF_UP);
                }
                yield new BigDecimal(Math.pow(a.doubleValue(), b.doubleValue()));
            }
            default -> throw new IllegalArgumentException(operator.toString());
        };
    }

    /** PostgreSQL's select_div_scale: at least 16 significant digits, never less than either input's scale. */
    static int divisionScale(BigDecimal a, BigDecimal b) {
        int weightA = weight(a);
        int weightB = weight(b);
        int quotientWeight = weightA - weightB;
        if (firstDigit(a, weightA) <= firstDigit(b, weightB)) {
            quotientWeight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * 4;
        scale = Math.max(scale, Math.max(a.scale(), b.scale()));
        return Math.min(Math.max(scale, 0), 1000);
    }

    /** Weight of the value's first base-10000 digit (PostgreSQL stores numerics in base 10000). */
    private static int weight(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        int exponent = value.precision() - value.scale() - 1;
        return Math.floorDiv(exponent, 4);
    }

    private static int firstDigit(BigDecimal value, int weight) {
        if (value.signum() == 0) {
            return 0;
        }
        return value.abs().movePointLeft(4 * weight).setScale(0, RoundingMode.DOWN).intValue();
    }

    /** Date/time arithmetic; returns null when the operator does not apply to these kinds. */
    public static Object temporal(BinaryOperator operator, Object a, TypeKind kindA, Object b, TypeKind kindB) {
        if (operator == BinaryOperator.ADD) {
            if (kindA == TypeKind.INTERVAL && kindB != TypeKind.INTERVAL) {
                return temporal(operator, b, kindB, a, kindA);
            }
            if (kindA == TypeKind.DATE && kindB.isInteger()) {
                return ((LocalDate) a).plusDays((Long) b);
            }
            if (kindA.isInteger() && kindB == TypeKind.DATE) {
                return ((LocalDate) b).plusDays((Long) a);
            }
            if (kindB == TypeKind.INTERVAL) {
                return plusInterval(a, kindA, (Interval) b);
            }
        } else if (operator == BinaryOperator.SUBTRACT) {
            if (kindA == TypeKind.DATE && kindB == TypeKind.DATE) {
                return ChronoUnit.DAYS.between((LocalDate) b, (LocalDate) a);
            }
            if (kindA == TypeKind.DATE && kindB.isInteger()) {
                return ((LocalDate) a).minusDays((Long) b);
            }
            if (kindB == TypeKind.INTERVAL) {
                return plusInterval(a, kindA, ((Interval) b).negate());
            }
            if (kindA == TypeKind.TIMESTAMP && kindB == TypeKind.TIMESTAMP) {
                return between(ChronoUnit.MICROS.between((LocalDateTime) b, (LocalDateTime) a));
            }
            if (kindA == TypeKind.TIMESTAMPTZ && kindB == TypeKind.TIMESTAMPTZ) {
                return between(ChronoUnit.MICROS.between((Instant) b, (Instant) a));
            }
        }
        return null;
    }

    private static Interval between(long micros) {
        long days = micros / 86_400_000_000L;
        return new Interval(0, Math.toIntExact(days), micros - days * 86_400_000_000L);
    }

    private static Object plusInterval(Object value, TypeKind kind, Interval interval) {
        return switch (kind) {
            case INTERVAL -> ((Interval) value).plus(interval);
            case DATE -> ((LocalDate) value).atStartOfDay().plusMonths(interval.months()).plusDays(interval.days())
                    .plus(interval.micros(), ChronoUnit.MICROS);
            case TIMESTAMP -> ((LocalDateTime) value).plusMonths(interval.months()).plusDays(interval.days())
                    .plus(interval.micros(), ChronoUnit.MICROS);
            case TIMESTAMPTZ -> LocalDateTime.ofInstant((Instant) value, java.time.ZoneOffset.UTC)
                    .plusMonths(interval.months()).plusDays(interval.days()).plus(interval.micros(), ChronoUnit.MICROS)
                    .toInstant(java.time.ZoneOffset.UTC);
            case TIME -> ((java.time.LocalTime) value).plus(interval.micros(), ChronoUnit.MICROS);
            default -> null;
        };
    }
}
