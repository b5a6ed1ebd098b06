package io.weftdb.engine.value;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;

/**
 * Minimal JSON text handling for json (validated, kept as written) and jsonb (validated and
 * re-serialised in a canonical form: PostgreSQL's spacing, object keys sorted by length then
 * bytes, the last duplicate key winning).
 */
public final class Json {
    private Json() {
    }

    /** JSON's null inside a document, distinct from SQL NULL. */
    public static final Object NULL = JsonReader.NULL;

    /** Orders object keys as jsonb stores them: by length, then bytes. */
    public static final java.util.Comparator<String> KEY_ORDER = JsonReader.KEY_ORDER;

    /**
     * Parses a document into a tree of {@code Map} (keys in jsonb order), {@code List}, String,
     * BigDecimal, Boolean and {@link #NULL}.
     */
    public static Object parse(String text) {
        return new JsonReader(text).readDocument();
    }

    /** A tree in jsonb's canonical text form. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(tree, out);
        return out.toString();
    }

    /** A tree without spaces, as json (not jsonb) values built from SQL values are written. */
    public static String writeCompact(Object tree) {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(tree, out, true);
        return out.toString();
    }

    /** A string as a JSON string literal, quoted and escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        JsonWriter.writeString(text, out);
        return out.toString();
    }

    public static String validate(String text) {
        new JsonReader(text).readDocument();
        return text;
    }

    public static String normalize(String text) {
        Object tree = new JsonReader(text).readDocument();
        StringBuilder out = new StringBuilder(text.length());
        JsonWriter.write(tree, out);
        return out.toString();
    }

    static SqlException invalid(String text, String problem) {
        return new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json", 0,
                problem, null, null);
    }
}
