package io.weftdb.engine.function;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accessor part of SQL/JSON path, PostgreSQL's jsonpath as {@code jsonb_path_query_first} and
 * {@code jsonb_path_exists} read it (and MySQL's JSON path, which is the same for these forms):
 * {@code $}, {@code .key}, {@code ."quoted key"}, {@code .*}, {@code [n]}, {@code [last]},
 * {@code [last - n]}, {@code [*]}, with an optional {@code lax}/{@code strict} mode word. Lax mode
 * (the default) looks through an array for a key and treats a non-array as a one-element array.
 * Filters, methods and arithmetic are refused (0A000).
 */
final class JsonPath {
    private sealed interface Step {}

    private record Key(String name) implements Step {}

    private record AnyKey() implements Step {}

    /** {@code [n]}, or {@code [last - n]} with {@code fromEnd}. */
    private record Index(long value, boolean fromEnd) implements Step {}

    private record AnyIndex() implements Step {}

    private final List<Step> steps;
    private final boolean strict;

    private JsonPath(List<Step> steps, boolean strict) {
        this.steps = steps;
        this.strict = strict;
    }

    static JsonPath parse(String text) {
        String path = text.strip();
        boolean strict = false;
        if (path.startsWith("strict ")) {
            strict = true;
            path = path.substring(7).strip();
        } else if (path.startsWith("lax ")) {
            path = path.substring(4).strip();
        }
        if (!path.startsWith("$")) {
            throw syntax(text);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '.') {
                i++;
                if (i < path.length() && path.charAt(i) == '*') {
                    steps.add(new AnyKey());
                    i++;
                } else if (i < path.length() && path.charAt(i) == '"') {
                    StringBuilder name = new StringBuilder();
                    i++;
                    while (i < path.length() && path.charAt(i) != '"') {
                        if (path.charAt(i) == '\\' && i + 1 < path.length()) {
                            i++;
                        }
                        name.append(path.charAt(i++));
                    }
                    if (i >= path.length()) {
                        throw syntax(text);
                    }
                    i++;
                    steps.add(new Key(name.toString()));
                } else {
                    int start = i;
                    while (i < path.length() && (Character.isLetterOrDigit(path.charAt(i)) || path.charAt(i) == '_'
                            || path.charAt(i) == '$')) {
                        i++;
                    }
                    if (start == i) {
                        throw syntax(text);
                    }
                    steps.add(new Key(path.substring(start, i)));
                }
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw syntax(text);
                }
                steps.add(subscript(path.substring(i + 1, end).strip(), text));
                i = end + 1;
            } else {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "this JSON path is not supported: " + text);
            }
        }
        return new JsonPath(List.copyOf(steps), strict);
    }

    private static Step subscript(String inside, String text) {
        if (inside.equals("*")) {
            return new AnyIndex();
        }
        if (inside.startsWith("last")) {
            String rest = inside.substring(4).strip();
            if (rest.isEmpty()) {
                return new Index(0, true);
            }
            if (rest.startsWith("-")) {
                return new Index(parseIndex(rest.substring(1).strip(), text), true);
            }
            throw syntax(text);
        }
        return new Index(parseIndex(inside, text), false);
    }

    private static long parseIndex(String digits, String text) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "this JSON path is not supported: " + text);
        }
    }

    private static SqlException syntax(String text) {
        return new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error in JSON path \"" + text + "\"");
    }

    /** The first item the path selects in {@code document} (a parsed tree), or null (SQL NULL) when none. */
    Object first(Object document) {
        List<Object> found = new ArrayList<>(1);
        walk(document, 0, found, true);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Every item the path selects, in document order. */
    List<Object> all(Object document) {
        List<Object> found = new ArrayList<>();
        walk(document, 0, found, false);
        return found;
    }

    /** Adds what steps {@code from..} select under {@code node}; returns true to stop (first match found). */
    private boolean walk(Object node, int from, List<Object> found, boolean firstOnly) {
        if (from == steps.size()) {
            found.add(node);
            return firstOnly;
        }
        Step step = steps.get(from);
        if (!strict && node instanceof List<?> list && (step instanceof Key || step instanceof AnyKey)) {
            // Lax mode: a key step looks into each element of an array.
            for (Object element : list) {
                if (walk(element, from, found, firstOnly)) {
                    return true;
                }
            }
            return false;
        }
        return switch (step) {
            case Key key -> node instanceof Map<?, ?> map && map.containsKey(key.name())
                    && walk(map.get(key.name()), from + 1, found, firstOnly);
            case AnyKey any -> {
                if (node instanceof Map<?, ?> map) {
                    for (Object value : map.values()) {
                        if (walk(value, from + 1, found, firstOnly)) {
                            yield true;
                        }
                    }
                }
                yield false;
            }
            case Index index -> {
                List<?> list = node instanceof List<?> l ? l : strict ? null : List.of(node);
                if (list == null) {
                    yield false;
                }
                long at = index.fromEnd() ? list.size() - 1 - index.value() : index.value();
                yield at >= 0 && at < list.size() && walk(list.get((int) at), from + 1, found, firstOnly);
            }
            case AnyIndex any -> {
                List<?> list = node instanceof List<?> l ? l : strict ? List.of() : List.of(node);
                for (Object element : list) {
                    if (walk(element, from + 1, found, firstOnly)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }
}
