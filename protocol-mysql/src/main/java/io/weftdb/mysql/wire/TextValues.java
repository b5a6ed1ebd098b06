package io.weftdb.mysql.wire;

import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Values as the text protocol carries them, in MySQL's formats: booleans as 1/0, datetimes as
 * {@code YYYY-MM-DD hh:mm:ss[.ffffff]}, TIMESTAMP (timestamptz) in the session time zone, byte
 * strings as their raw bytes.
 */
final class TextValues {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private TextValues() {
    }

    static byte[] encode(Object value, DataType type, ZoneId zone) {
        return switch (value) {
            case Bytes bytes -> bytes.unsafeArray();
            case Boolean bool -> bool ? new byte[] {'1'} : new byte[] {'0'};
            default -> format(value, type, zone).getBytes(StandardCharsets.UTF_8);
        };
    }

    static String format(Object value, DataType type, ZoneId zone) {
        return switch (value) {
            // MySQL drops CHAR(n)'s trailing pad spaces when it reads a value (no PAD_CHAR_TO_FULL_LENGTH).
            case String text when type.kind() == TypeKind.CHAR -> text.stripTrailing();
            case Boolean bool -> bool ? "1" : "0";
            case Long number -> number.toString();
            case Double number -> TextFormat.formatFloat(number, type.kind() == TypeKind.REAL);
            case BigDecimal number -> number.toPlainString();
            case LocalDateTime timestamp -> datetime(timestamp);
            case Instant instant -> datetime(LocalDateTime.ofInstant(instant, zone));
            case LocalTime time -> time(time);
            default -> TextFormat.format(value, type, zone);
        };
    }

    static String datetime(LocalDateTime timestamp) {
        String text = DATETIME.format(timestamp);
        return timestamp.getNano() == 0 ? text : text + fraction(timestamp.getNano());
    }

    static String time(LocalTime time) {
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        return time.getNano() == 0 ? text : text + fraction(time.getNano());
    }

    private static String fraction(int nanos) {
        return "." + String.format("%06d", nanos / 1000);
    }
}
