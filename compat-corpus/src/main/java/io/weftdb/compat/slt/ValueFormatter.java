package io.weftdb.compat.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders one result value as sqllogictest compares it: by the column type the record declares, not
 * by the SQL type the engine reports.
 *
 * <ul>
 *   <li>NULL is {@code NULL}; an empty string is {@code (empty)}.
 *   <li>{@code I}: an integer as is. A fractional number is truncated toward zero, and text is read
 *       for its leading integer (0 when there is none). That is SQLite's conversion to integer,
 *       which produced the expected answers; upstream's ODBC runner for PostgreSQL and MySQL asks the
 *       driver for an integer and gets the same truncation. Booleans are 1 and 0.
 *   <li>{@code R}: {@code printf("%.3f")}; text is read for its leading number.
 *   <li>{@code T}: the engine's text form, with every character outside 0x20..0x7E replaced by {@code @}.
 * </ul>
 */
public final class ValueFormatter {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private ValueFormatter() {
    }

    /**
     * @param asText the engine's own text form of a non-null value, used for {@code T} columns and
     *     for values of types the numeric renderings do not know
     */
    public static String format(Object value, ColumnType type, Function<Object, String> asText) {
        if (value == null) {
            return "NULL";
        }
        String rendered = switch (type) {
            case INTEGER -> integer(value, asText);
            case REAL -> real(value, asText);
            case TEXT -> printable(asText.apply(value));
        };
        return rendered.isEmpty() ? "(empty)" : rendered;
    }

    private static String integer(Object value, Function<Object, String> asText) {
        return switch (value) {
            case Long number -> number.toString();
            case Integer number -> number.toString();
            case Short number -> number.toString();
            case Byte number -> number.toString();
            case BigInteger number -> number.toString();
            case BigDecimal number -> number.setScale(0, RoundingMode.DOWN).toBigInteger().toString();
            case Double number -> Long.toString(number.longValue());
            case Float number -> Long.toString(number.longValue());
            case Boolean bool -> bool ? "1" : "0";
            default -> leadingNumber(asText.apply(value)).setScale(0, RoundingMode.DOWN).toBigInteger().toString();
        };
    }

    private static String real(Object value, Function<Object, String> asText) {
        double number = switch (value) {
            case Number numeric -> numeric.doubleValue();
            case Boolean bool -> bool ? 1 : 0;
            default -> leadingNumber(asText.apply(value)).doubleValue();
        };
        return String.format(Locale.ROOT, "%.3f", number);
    }

    /** What C's {@code strtod} would read from the start of {@code text}: 0 when nothing numeric leads it. */
    private static BigDecimal leadingNumber(String text) {
        Matcher matcher = LEADING_NUMBER.matcher(text);
        return matcher.find() ? new BigDecimal(matcher.group(1)) : BigDecimal.ZERO;
    }

    /** Upstream replaces every character outside printable ASCII with {@code @}. */
    static String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            result.append(character < 0x20 || character > 0x7e ? '@' : character);
        }
        return result.toString();
    }
}
