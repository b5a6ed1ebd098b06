package io.weftdb.engine.copy;

import java.util.List;

/**
 * PostgreSQL's CSV output: a value is quoted when it holds the delimiter, the quote, a newline or
 * carriage return, when it equals the NULL string (so it reads back as a value, not NULL), when it
 * is {@code \.} (which would read back as the end marker) or when FORCE_QUOTE names its column;
 * inside quotes the quote and escape characters are preceded by the escape character.
 */
final class CsvRowEncoder implements CopyRowEncoder {
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final String nullString;
    private final boolean[] forceQuote;
    private final StringBuilder line = new StringBuilder();

    CsvRowEncoder(CopyOptions options, List<String> columnNames) {
        this.delimiter = (char) options.delimiter();
        this.quote = (char) options.quote();
        this.escape = (char) options.escape();
        this.nullString = options.nullString();
        this.forceQuote = new boolean[columnNames.size()];
        for (int i = 0; i < forceQuote.length; i++) {
            forceQuote[i] = options.forceQuote(columnNames.get(i));
        }
    }

    @Override
    public byte[] encode(String[] fields) {
        return encode(fields, true);
    }

    @Override
    public byte[] header(List<String> names) {
        return encode(names.toArray(new String[0]), false);
    }

    private byte[] encode(String[] fields, boolean applyForceQuote) {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            String value = fields[i];
            if (value == null) {
                line.append(nullString);
            } else if ((applyForceQuote && i < forceQuote.length && forceQuote[i]) || needsQuotes(value)) {
                quoted(value);
            } else {
                line.append(value);
            }
        }
        return CopyRowEncoder.utf8(line.append('\n').toString());
    }

    private boolean needsQuotes(String value) {
        if (value.equals(nullString) || value.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void quoted(String value) {
        line.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote || c == escape) {
                line.append(escape);
            }
            line.append(c);
        }
        line.append(quote);
    }
}
