package io.weftdb.engine.copy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's text format: fields split by the delimiter (tab), a field equal to the NULL string
 * ({@code \N}) before de-escaping is NULL, and backslash escapes {@code \b \f \n \r \t \v \\}, up
 * to three octal digits and {@code \x} with one or two hex digits; a backslash before any other
 * character (the delimiter, a newline) stands for that character.
 */
final class TextRowParser implements CopyRowParser {
    private final byte delimiter;
    private final byte[] nullBytes;
    private final FieldBuffer field = new FieldBuffer();
    private final List<String> fields = new ArrayList<>();
    /** The last byte scanned was a backslash: the next one is escaped, even a newline. */
    private boolean afterBackslash;

    TextRowParser(CopyOptions options) {
        this.delimiter = options.delimiter();
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int findLineEnd(byte[] data, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte b = data[i];
            if (afterBackslash) {
                afterBackslash = false;
            } else if (b == '\\') {
                afterBackslash = true;
            } else if (b == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean insideQuotedField() {
        return false;
    }

    @Override
    public String[] parseLine(byte[] data, int start, int end) {
        if (CopyRowParser.isEndMarker(data, start, end)) {
            return END_OF_DATA;
        }
        fields.clear();
        int fieldStart = start;
        int i = start;
        boolean escaped = false;
        while (true) {
            if (i == end || data[i] == delimiter) {
                fields.add(field(data, fieldStart, i, escaped));
                if (i == end) {
                    break;
                }
                fieldStart = ++i;
                escaped = false;
            } else if (data[i] == '\\') {
                escaped = true;
                i += i + 1 < end ? 2 : 1;
            } else {
                i++;
            }
        }
        return fields.toArray(new String[0]);
    }

    private String field(byte[] data, int start, int end, boolean hasBackslash) {
        if (end - start == nullBytes.length && Arrays.equals(data, start, end, nullBytes, 0, nullBytes.length)) {
            return null;
        }
        if (!hasBackslash) {
            // Most fields hold no backslash: they are their bytes, decoded once.
            return new String(data, start, end - start, StandardCharsets.UTF_8);
        }
        field.clear();
        int i = start;
        while (i < end) {
            byte b = data[i++];
            if (b != '\\' || i == end) {
                field.add(b);
                continue;
            }
            byte escaped = data[i++];
            switch (escaped) {
                case 'b' -> field.add((byte) '\b');
                case 'f' -> field.add((byte) '\f');
                case 'n' -> field.add((byte) '\n');
                case 'r' -> field.add((byte) '\r');
                case 't' -> field.add((byte) '\t');
                case 'v' -> field.add((byte) 0x0B);
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i < end && Character.digit(data[i], 16) >= 0) {
                        value = value * 16 + Character.digit(data[i++], 16);
                        digits++;
                    }
                    field.add(digits == 0 ? (byte) 'x' : (byte) value);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = escaped - '0';
                    int digits = 1;
                    while (digits < 3 && i < end && data[i] >= '0' && data[i] <= '7') {
                        value = value * 8 + (data[i++] - '0');
                        digits++;
                    }
                    field.add((byte) value);
                }
                default -> field.add(escaped);
            }
        }
        return field.text();
    }
}
