package io.weftdb.engine.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small recursive-descent JSON parser producing a tree: {@link Map} (jsonb key order), {@link List},
 * String, BigDecimal, Boolean and {@link #NULL}.
 */
final class JsonReader {
    /** JSON's null, distinct from SQL NULL. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** jsonb orders object keys by length first, then bytes, as PostgreSQL does. */
    static final Comparator<String> KEY_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final int MAX_DEPTH = 1000;
    private final String text;
    private int at;
    private int depth;

    JsonReader(String text) {
        this.text = text;
    }

    Object readDocument() {
        Object value = readValue();
        skipWhitespace();
        if (at != text.length()) {
            throw Json.invalid(text, "Expected end of input, but found \"" + text.charAt(at) + "\".");
        }
        return value;
    }

    private Object readValue() {
        skipWhitespace();
        if (at >= text.length()) {
            throw Json.invalid(text, "The input string ended unexpectedly.");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> readNumber();
        };
    }

    private Object readObject() {
        enter();
        at++;
        Map<String, Object> members = new TreeMap<>(KEY_ORDER);
        skipWhitespace();
        if (peek() == '}') {
            at++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw Json.invalid(text, "Expected string, but found \"" + (char) peek() + "\".");
            }
            String key = readString();
            skipWhitespace();
            expect(':');
            members.put(key, readValue());
            skipWhitespace();
            int c = peek();
            at++;
            if (c == '}') {
                depth--;
                return members;
            }
            if (c != ',') {
                throw Json.invalid(text, "Expected \",\" or \"}\".");
            }
        }
    }

    private Object readArray() {
        enter();
        at++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            depth--;
            return items;
        }
        while (true) {
            items.add(readValue());
            skipWhitespace();
            int c = peek();
            at++;
            if (c == ']') {
                depth--;
                return items;
            }
            if (c != ',') {
                throw Json.invalid(text, "Expected \",\" or \"]\".");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Json.invalid(text, "JSON nested too deeply.");
        }
    }

    private String readString() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw Json.invalid(text, "The input string ended unexpectedly.");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw Json.invalid(text, "Character with value 0x" + Integer.toHexString(c) + " must be escaped.");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw Json.invalid(text, "The input string ended unexpectedly.");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw Json.invalid(text, "\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw Json.invalid(text, "\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    at += 4;
                }
                default -> throw Json.invalid(text, "Escape sequence \"\\" + escaped + "\" is invalid.");
            }
        }
    }

    private Object readNumber() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (!number.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw Json.invalid(text, "Token \"" + (number.isEmpty() ? String.valueOf(text.charAt(start)) : number)
                    + "\" is invalid.");
        }
        return new BigDecimal(number);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw Json.invalid(text, "Token is invalid.");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw Json.invalid(text, "Expected \"" + c + "\".");
        }
        at++;
    }

    private int peek() {
        return at < text.length() ? text.charAt(at) : -1;
    }

    private void skipWhitespace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
