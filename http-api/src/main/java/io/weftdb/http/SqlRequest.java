package io.weftdb.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /v1/sql}: {@code {"sql", "params"?, "dialect"?, "database"?, "timeoutMs"?}}.
 * Parameters: JSON null, booleans and numbers as themselves (integers exactly, decimals as numeric);
 * strings as text the engine parses as the parameter's type (so timestamps, bigint and numeric
 * strings, bytea as {@code \x...}); arrays and objects as their JSON text (for json/jsonb).
 */
record SqlRequest(String sql, List<Object> params, String dialect, String database, long timeoutMillis) {
    private static final Set<String> FIELDS = Set.of("sql", "params", "dialect", "database", "timeoutMs");

    static SqlRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("request body must be a JSON object with a \"sql\" string");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest("unknown field \"" + name + "\"; expected " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        JsonNode sql = root.get("sql");
        if (sql == null || !sql.isTextual()) {
            throw ApiError.badRequest("\"sql\" must be a string of SQL statements");
        }
        return new SqlRequest(sql.textValue(), params(root.get("params")), text(root, "dialect"), text(root, "database"),
                timeout(root.get("timeoutMs")));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("\"" + field + "\" must be a string");
        }
        return node.textValue();
    }

    private static long timeout(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.longValue() < 0) {
            throw ApiError.badRequest("\"timeoutMs\" must be a non-negative integer (milliseconds; 0 means none)");
        }
        return node.longValue();
    }

    private static List<Object> params(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("\"params\" must be an array of values for $1, $2, ...");
        }
        List<Object> values = new ArrayList<>(node.size());
        for (JsonNode value : node) {
            values.add(parameter(value));
        }
        return values;
    }

    static Object parameter(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : new BigDecimal(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.toString();
    }
}
