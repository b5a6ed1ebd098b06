package io.weftdb.engine.value;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's text input for every type: what a quoted literal, a text parameter or a COPY field
 * becomes. Malformed input raises 22P02/22007, values out of range 22003/22008, as PostgreSQL does.
 */
public final class TextParse {
    /** A decimal number as numeric and float input accept it (precompiled: COPY parses millions). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("(\\d{1,7})-(\\d{1,2})-(\\d{1,2})(\\s+BC)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{1,7}-\\d{1,2}-\\d{1,2})(?:[ T]+(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?"
                    + "\\s*(Z|z|UTC|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?)?(\\s+BC)?");
    private static final Pattern INTERVAL_PART = Pattern.compile(
            "([+-]?\\d+(?:\\.\\d+)?)\\s*(years?|y|mons?|months?|mon|weeks?|w|days?|d|hours?|h|minutes?|mins?|m|seconds?|secs?|s|milliseconds?|ms|microseconds?|us)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERVAL_CLOCK = Pattern.compile("([+-])?(\\d+):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?");

    private TextParse() {
    }

    public static Object parse(String text, DataType type) {
        return parse(text, type, ZoneOffset.UTC);
    }

    /** Parses {@code text} as a value of {@code type}; {@code zone} interprets timestamptz input without offset. */
    public static Object parse(String text, DataType type, ZoneId zone) {
        return switch (type.kind()) {
            case UNKNOWN, TEXT, JSON -> text;
            case VARCHAR, CHAR -> Casts.fitString(text, type, false);
            case BOOLEAN -> parseBoolean(text);
            case SMALLINT -> Casts.checkRange(parseLong(text, type), type);
            case INTEGER -> Casts.checkRange(parseLong(text, type), type);
            case BIGINT -> parseLong(text, type);
            case REAL -> Casts.toReal(parseDouble(text, type));
            case DOUBLE -> parseDouble(text, type);
            case NUMERIC -> Casts.fitNumeric(parseNumeric(text, type), type);
            case BYTEA -> parseBytea(text);
            case DATE -> parseDate(text);
            case TIME -> parseTime(text.trim());
            case TIMESTAMP -> parseTimestamp(text).toLocalDateTime();
            case TIMESTAMPTZ -> parseTimestamp(text).toInstant(zone);
            case INTERVAL -> parseInterval(text);
            case UUID -> parseUuid(text);
            case JSONB -> Json.normalize(text);
            case RECORD -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "input of anonymous composite types is not implemented");
            case ARRAY -> type.isVector() ? parseVector(text, type.element()) : ArrayText.parse(text, type, zone);
        };
    }

    static SqlException invalid(DataType type, String text) {
        return new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeNameForErrors(type) + ": \"" + text + "\"");
    }

    private static String typeNameForErrors(DataType type) {
        return switch (type.kind()) {
            case DOUBLE -> "double precision";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case TIME -> "time";
            case VARCHAR -> "character varying";
            case CHAR -> "character";
            default -> type.kind().name().toLowerCase(Locale.ROOT);
        };
    }

    public static Boolean parseBoolean(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "t", "true", "y", "yes", "on", "1", "tr", "tru", "ye" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0", "fa", "fal", "fals", "of" -> Boolean.FALSE;
            default -> throw invalid(DataType.BOOLEAN, text);
        };
    }

    private static long parseLong(String text, DataType type) {
        String value = text.trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                throw Casts.outOfRange(type);
            }
            throw invalid(type, text);
        }
    }

    private static double parseDouble(String text, DataType type) {
        String value = text.trim();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(type, text);
        }
        double parsed = Double.parseDouble(value);
        if (Double.isInfinite(parsed)) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + value + "\" is out of range for type " + typeNameForErrors(type));
        }
        return parsed;
    }

    private static BigDecimal parseNumeric(String text, DataType type) {
        String value = text.trim();
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(type, text);
        }
        return new BigDecimal(value);
    }

    private static Bytes parseBytea(String text) {
        if (text.startsWith("\\x")) {
            try {
                return Bytes.wrap(HexFormat.of().parseHex(text.substring(2)));
            } catch (IllegalArgumentException e) {
                throw invalid(DataType.BYTEA, text);
            }
        }
        // Traditional escape format: backslash octal escapes and doubled backslashes.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] raw = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\\') {
                out.write(raw[i]);
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < raw.length + 0 && isOctal(raw[i + 1]) && isOctal(raw[i + 2]) && isOctal(raw[i + 3])) {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 3;
            } else {
                throw invalid(DataType.BYTEA, text);
            }
        }
        return Bytes.wrap(out.toByteArray());
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    public static LocalDate parseDate(String text) {
        String value = text.trim();
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            LocalDateTime special = specialTimestamp(value);
            if (special != null) {
                return special.toLocalDate();
            }
            if (TIMESTAMP.matcher(value).matches()) {
                return parseTimestamp(value).toLocalDateTime().toLocalDate();
            }
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"" + text + "\"");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(4) != null) {
                year = 1 - year;
            }
            return LocalDate.of(year, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    public static LocalTime parseTime(String text) {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type time: \"" + text + "\"");
        }
        try {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = Integer.parseInt(matcher.group(2));
            int second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
            int nanos = matcher.group(4) == null ? 0 : roundToMicros(matcher.group(4));
            if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
                return LocalTime.MAX.withNano(999_999_000);
            }
            return LocalTime.of(hour, minute, second, nanos);
        } catch (DateTimeException e) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static int roundToMicros(String fraction) {
        String padded = (fraction + "000000000").substring(0, 9);
        long nanos = Long.parseLong(padded);
        return (int) ((nanos + 500) / 1000 * 1000);
    }

    /** A parsed timestamp: the local date-time as written plus the offset when one was given. */
    public record ParsedTimestamp(LocalDateTime local, ZoneOffset offset) {
        public LocalDateTime toLocalDateTime() {
            return local;
        }

        public Instant toInstant(ZoneId defaultZone) {
            return offset != null ? local.toInstant(offset) : local.atZone(defaultZone).toInstant();
        }
    }

    public static ParsedTimestamp parseTimestamp(String text) {
        String value = text.trim();
        LocalDateTime special = specialTimestamp(value);
        if (special != null) {
            return new ParsedTimestamp(special, null);
        }
        Matcher matcher = TIMESTAMP.matcher(value);
        if (!matcher.matches()) {
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type timestamp: \"" + text + "\"");
        }
        LocalDate date = parseDate(matcher.group(1) + (matcher.group(4) != null ? " BC" : ""));
        LocalTime time = matcher.group(2) == null ? LocalTime.MIDNIGHT : parseTime(matcher.group(2));
        ZoneOffset offset = matcher.group(3) == null ? null : parseOffset(matcher.group(3));
        return new ParsedTimestamp(LocalDateTime.of(date, time), offset);
    }

    private static LocalDateTime specialTimestamp(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "epoch" -> LocalDateTime.of(1970, 1, 1, 0, 0);
            default -> null;
        };
    }

    private static ZoneOffset parseOffset(String text) {
        if (text.equalsIgnoreCase("z") || text.equalsIgnoreCase("utc")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        // hh, hhmm or hhmmss; a single-digit hour is allowed when minutes follow it (e.g. +530).
        int hourDigits = digits.length() % 2 == 1 ? 1 : 2;
        int hours = Integer.parseInt(digits.substring(0, Math.min(hourDigits, digits.length())));
        int minutes = digits.length() >= hourDigits + 2 ? Integer.parseInt(digits.substring(hourDigits, hourDigits + 2)) : 0;
        int seconds = digits.length() >= hourDigits + 4 ? Integer.parseInt(digits.substring(hourDigits + 2, hourDigits + 4)) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }

    public static Interval parseInterval(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw invalid(DataType.INTERVAL, text);
        }
        long months = 0;
        long days = 0;
        double micros = 0;
        boolean ago = false;
        String rest = value;
        if (rest.toLowerCase(Locale.ROOT).endsWith(" ago")) {
            ago = true;
            rest = rest.substring(0, rest.length() - 4).trim();
        }
        if (rest.startsWith("@")) {
            rest = rest.substring(1).trim();
        }
        int consumed = 0;
        Matcher part = INTERVAL_PART.matcher(rest);
        StringBuilder leftover = new StringBuilder();
        while (part.find()) {
            leftover.append(rest, consumed, part.start());
            consumed = part.end();
            double amount = Double.parseDouble(part.group(1));
            String unit = part.group(2).toLowerCase(Locale.ROOT);
            if (unit.startsWith("y")) {
                months += Math.round(amount * 12);
            } else if (unit.startsWith("mon")) {
                months += (long) amount;
                days += Math.round((amount - (long) amount) * 30);
            } else if (unit.startsWith("w")) {
                days += (long) (amount * 7);
                micros += (amount * 7 - (long) (amount * 7)) * 86_400e6;
            } else if (unit.startsWith("d")) {
                days += (long) amount;
                micros += (amount - (long) amount) * 86_400e6;
            } else if (unit.startsWith("h")) {
                micros += amount * 3_600e6;
            } else if (unit.equals("m") || unit.startsWith("min")) {
                micros += amount * 60e6;
            } else if (unit.startsWith("ms") || unit.startsWith("milli")) {
                micros += amount * 1e3;
            } else if (unit.startsWith("us") || unit.startsWith("micro")) {
                micros += amount;
            } else {
                micros += amount * 1e6;
            }
        }
        leftover.append(rest.substring(consumed));
        String clock = leftover.toString().trim();
        if (!clock.isEmpty()) {
            Matcher matcher = INTERVAL_CLOCK.matcher(clock);
            if (matcher.matches()) {
                long sign = "-".equals(matcher.group(1)) ? -1 : 1;
                long hours = Long.parseLong(matcher.group(2));
                long minutes = Long.parseLong(matcher.group(3));
                long seconds = matcher.group(4) == null ? 0 : Long.parseLong(matcher.group(4));
                long fraction = matcher.group(5) == null ? 0 : Long.parseLong((matcher.group(5) + "000000").substring(0, 6));
                micros += sign * (((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + fraction);
            } else if (clock.matches("[+-]?\\d+(\\.\\d+)?")) {
                micros += Double.parseDouble(clock) * 1e6;
            } else {
                throw invalid(DataType.INTERVAL, text);
            }
        }
        Interval interval;
        try {
            interval = new Interval(Math.toIntExact(months), Math.toIntExact(days), Math.round(micros));
        } catch (ArithmeticException e) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
        }
        return ago ? interval.negate() : interval;
    }

    private static UUID parseUuid(String text) {
        String hex = text.trim().replace("-", "");
        if (hex.startsWith("{") && hex.endsWith("}")) {
            hex = hex.substring(1, hex.length() - 1);
        }
        if (hex.length() != 32 || !hex.matches("[0-9a-fA-F]+")) {
            throw invalid(DataType.UUID, text);
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** int2vector and oidvector text: integers separated by spaces. */
    private static List<Object> parseVector(String text, DataType element) {
        List<Object> items = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                items.add(parse(word, element, ZoneOffset.UTC));
            }
        }
        return Collections.unmodifiableList(items);
    }
}
