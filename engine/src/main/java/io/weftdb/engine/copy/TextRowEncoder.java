package io.weftdb.engine.copy;

import java.util.List;

/**
 * PostgreSQL's text output: NULL as the NULL string, and in values the backslash, the delimiter and
 * the control characters that would break the line escaped ({@code \\ \t \n \r \b \f \v}).
 */
final class TextRowEncoder implements CopyRowEncoder {
    private final char delimiter;
    private final String nullString;
    private final StringBuilder line = new StringBuilder();

    TextRowEncoder(CopyOptions options) {
        this.delimiter = (char) options.delimiter();
        this.nullString = options.nullString();
    }

    @Override
    public byte[] encode(String[] fields) {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            if (fields[i] == null) {
                line.append(nullString);
            } else {
                escape(fields[i]);
            }
        }
        return CopyRowEncoder.utf8(line.append('\n').toString());
    }

    @Override
    public byte[] header(List<String> names) {
        return encode(names.toArray(new String[0]));
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append(delimiter == '\t' ? "\\t" : "\t");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case 0x0B -> line.append("\\v");
                default -> {
                    if (c == delimiter) {
                        line.append('\\');
                    }
                    line.append(c);
                }
            }
        }
    }
}
