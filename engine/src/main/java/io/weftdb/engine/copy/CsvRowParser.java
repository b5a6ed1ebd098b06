package io.weftdb.engine.copy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's CSV format: fields split by the delimiter outside quotes; inside quotes the escape
 * character (the quote itself by default, so {@code ""}) makes the next quote or escape literal and
 * newlines are data. An unquoted field equal to the NULL string (empty by default) is NULL; a quoted
 * one never is, which is how CSV tells an empty string from NULL.
 */
final class CsvRowParser implements CopyRowParser {
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullBytes;
    private final FieldBuffer field = new FieldBuffer();
    private final List<String> fields = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();
    private boolean inQuote;
    /** Inside quotes, the last byte scanned was an escape (distinct from the quote): skip the next one. */
    private boolean afterEscape;

    CsvRowParser(CopyOptions options) {
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int findLineEnd(byte[] data, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte b = data[i];
            if (afterEscape) {
                afterEscape = false;
            } else if (inQuote && b == escape && escape != quote) {
                afterEscape = true;
            } else if (b == quote) {
                inQuote = !inQuote;
            } else if (b == '\n' && !inQuote) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean insideQuotedField() {
        return inQuote;
    }

    /** Whether the given field of the last parsed line was quoted (FORCE_NULL matches quoted NULL strings). */
    boolean wasQuoted(int index) {
        return quoted.get(index);
    }

    @Override
    public String[] parseLine(byte[] data, int start, int end) {
        if (CopyRowParser.isEndMarker(data, start, end)) {
            return END_OF_DATA;
        }
        fields.clear();
        quoted.clear();
        int i = start;
        while (true) {
            field.clear();
            boolean inside = false;
            boolean wasQuoted = false;
            int fieldStart = i;
            while (i < end) {
                byte b = data[i];
                if (!inside) {
                    if (b == delimiter) {
                        break;
                    }
                    if (b == quote) {
                        inside = true;
                        wasQuoted = true;
                    } else {
                        field.add(b);
                    }
                    i++;
                } else if (b == escape && i + 1 < end && (data[i + 1] == quote || data[i + 1] == escape)) {
                    field.add(data[i + 1]);
                    i += 2;
                } else if (b == quote) {
                    inside = false;
                    i++;
                } else {
                    field.add(b);
                    i++;
                }
            }
            if (inside) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
            }
            boolean isNull = !wasQuoted && i - fieldStart == nullBytes.length && field.contentEquals(nullBytes);
            fields.add(isNull ? null : field.text());
            quoted.add(wasQuoted);
            if (i == end) {
                break;
            }
            i++;
        }
        return fields.toArray(new String[0]);
    }

    /** The text of a quoted field that equals the NULL string, for FORCE_NULL. */
    boolean equalsNullString(String value) {
        return value != null && value.equals(new String(nullBytes, StandardCharsets.UTF_8));
    }
}
