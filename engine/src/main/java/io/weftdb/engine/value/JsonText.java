package io.weftdb.engine.value;

/**
 * Reads parts of a json (not jsonb) document as they are written: json keeps its text, so
 * {@code ->} returns the member's original spelling, spacing included, as PostgreSQL's json does.
 * The document was validated when it became a json value, so the scanner only has to find ends.
 */
public final class JsonText {
    private JsonText() {
    }

    /** The text of member {@code key} of an object (the last one when a key repeats), or null. */
    public static String field(String json, String key) {
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '{') {
            return null;
        }
        i = skipSpace(json, i + 1);
        String found = null;
        while (i < json.length() && json.charAt(i) != '}') {
            int keyEnd = skipValue(json, i);
            String name = (String) Json.parse(json.substring(i, keyEnd));
            i = skipSpace(json, keyEnd) + 1; // the colon
            int valueStart = skipSpace(json, i);
            int valueEnd = skipValue(json, valueStart);
            if (name.equals(key)) {
                found = json.substring(valueStart, valueEnd);
            }
            i = skipSpace(json, valueEnd);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            }
        }
        return found;
    }

    /** The text of array element {@code index} (negative counts from the end), or null. */
    public static String element(String json, long index) {
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '[') {
            return null;
        }
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        i = skipSpace(json, i + 1);
        while (i < json.length() && json.charAt(i) != ']') {
            int end = skipValue(json, i);
            spans.add(new int[] {i, end});
            i = skipSpace(json, end);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            }
        }
        long at = index < 0 ? spans.size() + index : index;
        if (at < 0 || at >= spans.size()) {
            return null;
        }
        int[] span = spans.get((int) at);
        return json.substring(span[0], span[1]);
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index just past the value starting at {@code i}. */
    private static int skipValue(String json, int i) {
        char c = json.charAt(i);
        if (c == '"') {
            return skipString(json, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (i < json.length()) {
                char d = json.charAt(i);
                if (d == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return i;
        }
        while (i < json.length() && ",}] \t\r\n".indexOf(json.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int skipString(String json, int i) {
        i++;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
