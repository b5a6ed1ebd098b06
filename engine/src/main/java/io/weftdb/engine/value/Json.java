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
