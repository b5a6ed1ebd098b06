package io.weftdb.engine.value;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Conversions between types with PostgreSQL's rules: range checks (22003), length checks (22001 on
 * assignment, silent truncation on explicit casts), rounding of numerics and floats to integers.
 */
public final class Casts {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Casts() {
    }

    /** How a conversion was asked for: explicit CAST truncates strings, assignment raises 22001. */
    public enum Context { EXPLICIT, ASSIGNMENT, IMPLICIT }

    public static Object cast(Object value, DataType from, DataType to, Context context, ZoneId zone) {
        if (value == null) {
            return null;
        }
        TypeKind source = from.kind();
        TypeKind target = to.kind();
        if (source == TypeKind.UNKNOWN && (target == TypeKind.VARCHAR || target == TypeKind.CHAR)) {
            // 'abc'::varchar(2) is an explicit cast and truncates, as it does from text.
            return fitString(value.toString(), to, context == Context.EXPLICIT);
        }
        if (source == TypeKind.UNKNOWN || (source.isString() && !target.isString() && target != TypeKind.JSON)) {
            return TextParse.parse(source == TypeKind.CHAR ? rtrim((String) value) : value.toString(), to, zone);
        }
        switch (target) {
            case TEXT:
                return source == TypeKind.CHAR ? rtrim((String) value) : TextFormat.format(value, from, zone);
            case VARCHAR:
            case CHAR:
                String text = source == TypeKind.CHAR && target == TypeKind.VARCHAR
                        ? rtrim((String) value) : TextFormat.format(value, from, zone);
                return fitString(text, to, context == Context.EXPLICIT);
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return checkRange(toLong(value, from, to), to);
            case REAL:
                return toReal(toDouble(value, from, to));
            case DOUBLE:
                return toDouble(value, from, to);
            case NUMERIC:
                return fitNumeric(toNumeric(value, from, to), to);
            case BOOLEAN:
                if (source == TypeKind.INTEGER) {
                    return ((Long) value) != 0;
                }
                if (source == TypeKind.BOOLEAN) {
                    return value;
                }
                throw cannotCast(from, to);
            case DATE:
                return switch (source) {
                    case DATE -> value;
                    case TIMESTAMP -> ((LocalDateTime) value).toLocalDate();
                    case TIMESTAMPTZ -> ((Instant) value).atZone(zone).toLocalDate();
                    default -> throw cannotCast(from, to);
                };
            case TIME:
                return switch (source) {
                    case TIME -> value;
                    case TIMESTAMP -> ((LocalDateTime) value).toLocalTime();
                    case TIMESTAMPTZ -> ((Instant) value).atZone(zone).toLocalTime();
                    default -> throw cannotCast(from, to);
                };
            case TIMESTAMP:
                return switch (source) {
                    case TIMESTAMP -> value;
                    case DATE -> ((LocalDate) value).atStartOfDay();
                    case TIMESTAMPTZ -> LocalDateTime.ofInstant((Instant) value, zone);
                    default -> throw cannotCast(from, to);
                };
            case TIMESTAMPTZ:
                return switch (source) {
                    case TIMESTAMPTZ -> value;
                    case DATE -> ((LocalDate) value).atStartOfDay(zone).toInstant();
                    case TIMESTAMP -> ((LocalDateTime) value).atZone(zone).toInstant();
                    default -> throw cannotCast(from, to);
                };
            case JSON:
                if (source == TypeKind.JSON || source == TypeKind.JSONB) {
                    return value;
                }
                if (source.isString()) {
                    return Json.validate((String) value);
                }
                throw cannotCast(from, to);
            case JSONB:
                if (source == TypeKind.JSON || source == TypeKind.JSONB) {
                    return Json.normalize((String) value);
                }
                throw cannotCast(from, to);
            case INTERVAL:
                if (source == TypeKind.TIME) {
                    return new io.weftdb.ir.type.Interval(0, 0, ((java.time.LocalTime) value).toNanoOfDay() / 1000);
                }
                if (source == target) {
                    return value;
                }
                throw cannotCast(from, to);
            case UUID:
            case BYTEA:
                if (source == target) {
                    return value;
                }
                throw cannotCast(from, to);
            case ARRAY:
                if (source == TypeKind.ARRAY) {
                    java.util.List<?> items = (java.util.List<?>) value;
                    java.util.List<Object> converted = new java.util.ArrayList<>(items.size());
                    for (Object item : items) {
                        converted.add(cast(item, from.element(), to.element(), context, zone));
                    }
                    return java.util.Collections.unmodifiableList(converted);
                }
                throw cannotCast(from, to);
            case RECORD:
                if (source == TypeKind.RECORD && from.fields().size() == to.fields().size()) {
                    java.util.List<Object> fields = ((io.weftdb.ir.type.RowValue) value).values();
                    Object[] converted = new Object[fields.size()];
                    for (int i = 0; i < converted.length; i++) {
                        converted[i] = cast(fields.get(i), from.fields().get(i).type(), to.fields().get(i).type(), context, zone);
                    }
                    return io.weftdb.ir.type.RowValue.of(converted);
                }
                throw cannotCast(from, to);
            case UNKNOWN:
                return value;
        }
        throw cannotCast(from, to);
    }

    public static SqlException cannotCast(DataType from, DataType to) {
        return new SqlException(ErrorCode.CANNOT_COERCE, "cannot cast type " + from.sqlName() + " to " + to.sqlName());
    }

    public static SqlException outOfRange(DataType type) {
        String name = switch (type.kind()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            default -> type.sqlName();
        };
        return new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
    }

    public static Long checkRange(long value, DataType type) {
        boolean fits = switch (type.kind()) {
            case SMALLINT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case INTEGER -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;
        };
        if (!fits) {
            throw outOfRange(type);
        }
        return value;
    }

    private static long toLong(Object value, DataType from, DataType to) {
        return switch (from.kind()) {
            case SMALLINT, INTEGER, BIGINT -> (Long) value;
            case REAL, DOUBLE -> {
                double d = (Double) value;
                double rounded = Math.rint(d);
                if (Double.isNaN(d) || rounded < -9.223372036854775808E18 || rounded >= 9.223372036854775808E18) {
                    throw outOfRange(to);
                }
                yield (long) rounded;
            }
            case NUMERIC -> {
                BigDecimal rounded = ((BigDecimal) value).setScale(0, RoundingMode.HALF_UP);
                if (rounded.compareTo(LONG_MIN) < 0 || rounded.compareTo(LONG_MAX) > 0) {
                    throw outOfRange(to);
                }
                yield rounded.longValueExact();
            }
            case BOOLEAN -> ((Boolean) value) ? 1L : 0L;
            default -> throw cannotCast(from, to);
        };
    }

    private static double toDouble(Object value, DataType from, DataType to) {
        return switch (from.kind()) {
            case SMALLINT, INTEGER, BIGINT -> (double) (Long) value;
            case REAL, DOUBLE -> (Double) value;
            case NUMERIC -> ((BigDecimal) value).doubleValue();
            default -> throw cannotCast(from, to);
        };
    }

    private static BigDecimal toNumeric(Object value, DataType from, DataType to) {
        return switch (from.kind()) {
            case SMALLINT, INTEGER, BIGINT -> BigDecimal.valueOf((Long) value);
            case REAL, DOUBLE -> {
                double d = (Double) value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "cannot convert " + TextFormat.formatFloat(d, false) + " to numeric");
                }
                yield new BigDecimal(TextFormat.formatFloat(d, from.kind() == TypeKind.REAL).replace("e", "E"));
            }
            case NUMERIC -> (BigDecimal) value;
            default -> throw cannotCast(from, to);
        };
    }

    /** Rounds a double to float precision (real), raising 22003 where float overflows. */
    public static Double toReal(double value) {
        float f = (float) value;
        if (Float.isInfinite(f) && !Double.isInfinite(value)) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return (double) f;
    }

    /** Applies numeric(p,s): rounds to the scale, raises 22003 when the integer digits exceed p-s. */
    public static BigDecimal fitNumeric(BigDecimal value, DataType type) {
        if (!type.hasLength()) {
            return value;
        }
        int scale = Math.max(type.scale(), 0);
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        if (rounded.signum() != 0 && integerDigits > type.length() - scale) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow", 0,
                    "A field with precision " + type.length() + ", scale " + scale
                            + " must round to an absolute value less than "
                            + (type.length() - scale == 0 ? "1" : "10^" + (type.length() - scale)) + ".",
                    null, null);
        }
        return rounded;
    }

    /**
     * Applies varchar(n)/char(n): too-long values raise 22001 unless the excess is spaces (PostgreSQL
     * trims those) or the cast is explicit (then truncated); char(n) pads with spaces.
     */
    public static String fitString(String value, DataType type, boolean explicit) {
        if (type.kind() == TypeKind.TEXT) {
            return value;
        }
        int limit = type.hasLength() ? type.length() : -1; // bpchar without a length is unbounded
        int length = value.codePointCount(0, value.length());
        if (limit >= 0 && length > limit) {
            int cut = value.offsetByCodePoints(0, limit);
            if (!explicit && !value.substring(cut).isBlank()) {
                throw new SqlException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "value too long for type "
                        + (type.kind() == TypeKind.CHAR ? "character(" : "character varying(") + limit + ")");
            }
            value = value.substring(0, cut);
            length = limit;
        }
        if (type.kind() == TypeKind.CHAR && limit > length) {
            return value + " ".repeat(limit - length);
        }
        return value;
    }

    private static String rtrim(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }
}
