package io.weftdb.engine.value;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text input form of one-dimensional arrays: {@code {1,2,NULL,"a b","x\"y"}}. Elements are
 * trimmed unless quoted; an unquoted NULL (any case) is SQL NULL; a backslash escapes the next
 * character. Nested braces (multi-dimensional arrays) are refused.
 */
final class ArrayText {
    private ArrayText() {
    }

    static List<Object> parse(String text, DataType type, ZoneId zone) {
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        List<Object> items = new ArrayList<>();
        String body = trimmed.substring(1, trimmed.length() - 1);
        if (body.isBlank()) {
            return Collections.unmodifiableList(items);
        }
        int i = 0;
        while (true) {
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            StringBuilder element = new StringBuilder();
            boolean quoted = false;
            if (i < body.length() && body.charAt(i) == '"') {
                quoted = true;
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                        i++;
                    }
                    element.append(body.charAt(i++));
                }
                if (i >= body.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                i++;
                while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
            } else {
                while (i < body.length() && body.charAt(i) != ',') {
                    char c = body.charAt(i);
                    if (c == '{' || c == '}' || c == '"') {
                        throw c == '{' ? new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "multidimensional arrays are not supported yet")
                                : malformed(text, "Unexpected \"" + c + "\" character.");
                    }
                    if (c == '\\' && i + 1 < body.length()) {
                        i++;
                    }
                    element.append(body.charAt(i++));
                }
            }
            String value = quoted ? element.toString() : element.toString().strip();
            if (!quoted && value.isEmpty()) {
                throw malformed(text, "Unexpected \",\" character.");
            }
            items.add(!quoted && value.equalsIgnoreCase("null") ? null : TextParse.parse(value, type.element(), zone));
            if (i >= body.length()) {
                break;
            }
            if (body.charAt(i) != ',') {
                throw malformed(text, "Unexpected array element.");
            }
            i++;
        }
        return Collections.unmodifiableList(items);
    }

    private static SqlException malformed(String text, String detail) {
        return new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
                .withDetail(detail);
    }
}
