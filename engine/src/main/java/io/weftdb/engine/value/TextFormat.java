package io.weftdb.engine.value;

import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * PostgreSQL's text output for every type (what {@code ::text}, psql and the text wire format
 * show), with the ISO DateStyle. Timestamps with time zone are shown in the given zone.
 */
public final class TextFormat {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TextFormat() {
    }

    /** Text in the UTC zone; null for SQL NULL. */
    public static String format(Object value, DataType type) {
        return format(value, type, ZoneOffset.UTC);
    }

    public static String format(Object value, DataType type, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case REAL -> formatFloat((Double) value, true);
            case DOUBLE -> formatFloat((Double) value, false);
            case NUMERIC -> ((BigDecimal) value).toPlainString();
            case DATE -> formatDate((LocalDate) value);
            case TIME -> formatTime((LocalTime) value);
            case TIMESTAMP -> formatTimestamp((LocalDateTime) value);
            case TIMESTAMPTZ -> formatTimestampTz((Instant) value, zone);
            case RECORD -> formatRecord((io.weftdb.ir.type.RowValue) value, type, zone);
            case ARRAY -> type.isVector() ? formatVector((List<?>) value) : formatArray((List<?>) value, type.element(), zone);
            case UNKNOWN, SMALLINT, INTEGER, BIGINT, TEXT, VARCHAR, CHAR, BYTEA, INTERVAL, UUID, JSON, JSONB ->
                    value.toString();
        };
    }

    /** Shortest text that reads back to the same value, as PostgreSQL 12+ prints with extra_float_digits=1. */
    public static String formatFloat(double value, boolean single) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        String text = single ? Float.toString((float) value) : Double.toString(value);
        int exponentAt = text.indexOf('E');
        String mantissa = exponentAt >= 0 ? text.substring(0, exponentAt) : text;
        int exponent = exponentAt >= 0 ? Integer.parseInt(text.substring(exponentAt + 1)) : 0;
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        if (exponentAt < 0) {
            return mantissa;
        }
        // PostgreSQL switches to exponent form below 1e-4 and at or above 1e15 (1e6 for real).
        int limit = single ? 6 : 15;
        if (exponent >= -4 && exponent < limit) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    public static String formatDate(LocalDate date) {
        if (date.getYear() <= 0) {
            return LocalDate.of(1 - date.getYear(), date.getMonth(), date.getDayOfMonth()).format(DATE) + " BC";
        }
        return date.format(DATE);
    }

    public static String formatTime(LocalTime time) {
        return time.format(TIME) + fraction(time.getNano());
    }

    public static String formatTimestamp(LocalDateTime timestamp) {
        String text = formatDate(timestamp.toLocalDate());
        String time = " " + formatTime(timestamp.toLocalTime());
        return text.endsWith(" BC") ? text.substring(0, text.length() - 3) + time + " BC" : text + time;
    }

    public static String formatTimestampTz(Instant instant, ZoneId zone) {
        ZonedDateTime zoned = instant.atZone(zone);
        String base = formatTimestamp(zoned.toLocalDateTime());
        int seconds = zoned.getOffset().getTotalSeconds();
        StringBuilder offset = new StringBuilder(seconds < 0 ? "-" : "+");
        int abs = Math.abs(seconds);
        offset.append(String.format("%02d", abs / 3600));
        if (abs % 3600 != 0) {
            offset.append(String.format(":%02d", (abs / 60) % 60));
            if (abs % 60 != 0) {
                offset.append(String.format(":%02d", abs % 60));
            }
        }
        if (base.endsWith(" BC")) {
            return base.substring(0, base.length() - 3) + offset + " BC";
        }
        return base + offset;
    }

    private static String fraction(int nanos) {
        int micros = nanos / 1000;
        if (micros == 0) {
            return "";
        }
        String digits = String.format("%06d", micros);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    /**
     * A record as PostgreSQL's record_out writes it: {@code (1,"a b",)}, a NULL field empty, a field
     * quoted when empty or holding a quote, backslash, parenthesis, comma or space.
     */
    private static String formatRecord(io.weftdb.ir.type.RowValue record, DataType type, ZoneId zone) {
        StringBuilder out = new StringBuilder("(");
        List<Object> values = record.values();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values.get(i) == null) {
                continue;
            }
            String text = format(values.get(i), type.fields().get(i).type(), zone);
            boolean quote = text.isEmpty() || text.chars().anyMatch(c -> c == '"' || c == '\\' || c == '(' || c == ')'
                    || c == ',' || Character.isWhitespace(c));
            if (!quote) {
                out.append(text);
                continue;
            }
            out.append('"');
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append(ch);
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append(')').toString();
    }

    /** int2vector and oidvector: the numbers separated by spaces. */
    private static String formatVector(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object value : values) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String formatArray(List<?> values, DataType element, ZoneId zone) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object item = values.get(i);
            if (item == null) {
                out.append("NULL");
                continue;
            }
            String text = format(item, element, zone);
            if (text.isEmpty() || text.equalsIgnoreCase("null") || needsQuotes(text)) {
                out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(text);
            }
        }
        return out.append('}').toString();
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
