package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.value.Json;
import io.weftdb.engine.value.JsonText;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * json and jsonb: the access operators ({@code -> ->> #> #>>}), jsonb containment and key tests
 * ({@code @> <@ ? ?| ?&}), concatenation and deletion ({@code || -}), the builders and the
 * inspection functions. Values are parsed per call into {@link Json}'s tree.
 */
final class JsonFunctions {
    private static final DataType TEXT = DataType.TEXT;
    private static final DataType INT = DataType.INTEGER;
    private static final DataType JSON = DataType.JSON;
    private static final DataType JSONB = DataType.JSONB;
    private static final DataType TEXT_ARRAY = DataType.arrayOf(DataType.TEXT);
    private static final DataType BOOLEAN = DataType.BOOLEAN;

    private JsonFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.registerOperator("->",
                of(JSONB, (v, c) -> write(field(Json.parse((String) v[0]), (String) v[1])), JSONB, TEXT),
                of(JSONB, (v, c) -> write(element(Json.parse((String) v[0]), (Long) v[1])), JSONB, INT),
                of(JSON, (v, c) -> JsonText.field((String) v[0], (String) v[1]), JSON, TEXT),
                of(JSON, (v, c) -> JsonText.element((String) v[0], (Long) v[1]), JSON, INT));
        registry.registerOperator("->>",
                of(TEXT, (v, c) -> text(field(Json.parse((String) v[0]), (String) v[1])), JSONB, TEXT),
                of(TEXT, (v, c) -> text(element(Json.parse((String) v[0]), (Long) v[1])), JSONB, INT),
                of(TEXT, (v, c) -> rawText(JsonText.field((String) v[0], (String) v[1])), JSON, TEXT),
                of(TEXT, (v, c) -> rawText(JsonText.element((String) v[0], (Long) v[1])), JSON, INT));
        registry.registerOperator("#>",
                of(JSONB, (v, c) -> write(path(Json.parse((String) v[0]), list(v[1]))), JSONB, TEXT_ARRAY),
                of(JSON, (v, c) -> rawPath((String) v[0], list(v[1])), JSON, TEXT_ARRAY));
        registry.registerOperator("#>>",
                of(TEXT, (v, c) -> text(path(Json.parse((String) v[0]), list(v[1]))), JSONB, TEXT_ARRAY),
                of(TEXT, (v, c) -> rawText(rawPath((String) v[0], list(v[1]))), JSON, TEXT_ARRAY));
        registry.register("jsonb_extract_path",
                of(JSONB, (v, c) -> write(path(Json.parse((String) v[0]), strings(v, 1))), JSONB, TEXT).repeatingLast());
        registry.register("jsonb_extract_path_text",
                of(TEXT, (v, c) -> text(path(Json.parse((String) v[0]), strings(v, 1))), JSONB, TEXT).repeatingLast());
        registry.register("json_extract_path",
                of(JSON, (v, c) -> rawPath((String) v[0], strings(v, 1)), JSON, TEXT).repeatingLast());
        registry.register("json_extract_path_text",
                of(TEXT, (v, c) -> rawText(rawPath((String) v[0], strings(v, 1))), JSON, TEXT).repeatingLast());
        for (DataType type : List.of(JSONB, JSON)) {
            boolean binary = type == JSONB;
            String prefix = binary ? "jsonb_" : "json_";
            registry.register(prefix + "array_length", of(INT, (v, c) -> arrayLength(Json.parse((String) v[0])), type));
            registry.register(prefix + "typeof", of(TEXT, (v, c) -> typeOf(Json.parse((String) v[0])), type));
            registry.register(prefix + "build_object", arguments -> buildObject(arguments, binary));
            registry.register(prefix + "build_array", arguments -> buildArray(arguments, binary));
            registry.register(binary ? "to_jsonb" : "to_json", arguments -> toJson(arguments, binary));
            if (!binary) {
                // row_to_json(record): to_json of a composite value, an object keyed by field names.
                registry.register("row_to_json", arguments -> arguments.size() == 1
                        && arguments.get(0).type().kind() == io.weftdb.ir.type.TypeKind.RECORD ? toJson(arguments, false) : null);
            }
            registry.register(prefix + "strip_nulls", of(type, (v, c) -> binary ? write(stripNulls(Json.parse((String) v[0])))
                    : Json.writeCompact(stripNulls(Json.parse((String) v[0]))), type));
        }
        registry.registerOperator("@>", of(BOOLEAN, (v, c) -> contains(Json.parse((String) v[0]), Json.parse((String) v[1]), true),
                JSONB, JSONB));
        registry.registerOperator("<@", of(BOOLEAN, (v, c) -> contains(Json.parse((String) v[1]), Json.parse((String) v[0]), true),
                JSONB, JSONB));
        registry.registerOperator("?", of(BOOLEAN, (v, c) -> hasKey(Json.parse((String) v[0]), (String) v[1]), JSONB, TEXT));
        registry.registerOperator("?|", of(BOOLEAN, (v, c) -> hasKeys(Json.parse((String) v[0]), list(v[1]), false),
                JSONB, TEXT_ARRAY));
        registry.registerOperator("?&", of(BOOLEAN, (v, c) -> hasKeys(Json.parse((String) v[0]), list(v[1]), true),
                JSONB, TEXT_ARRAY));
        registry.registerOperator("||", of(JSONB, (v, c) -> Json.write(concat(Json.parse((String) v[0]),
                Json.parse((String) v[1]))), JSONB, JSONB));
        registry.registerOperator("-",
                of(JSONB, (v, c) -> Json.write(deleteKey(Json.parse((String) v[0]), (String) v[1])), JSONB, TEXT),
                of(JSONB, (v, c) -> Json.write(deleteIndex(Json.parse((String) v[0]), (Long) v[1])), JSONB, INT));
        registry.register("jsonb_set",
                of(JSONB, (v, c) -> Json.write(set(Json.parse((String) v[0]), list(v[1]), Json.parse((String) v[2]), true)),
                        JSONB, TEXT_ARRAY, JSONB),
                of(JSONB, (v, c) -> Json.write(set(Json.parse((String) v[0]), list(v[1]), Json.parse((String) v[2]),
                        (Boolean) v[3])), JSONB, TEXT_ARRAY, JSONB, BOOLEAN));
        registry.register("jsonb_insert",
                of(JSONB, (v, c) -> Json.write(insert(Json.parse((String) v[0]), list(v[1]), Json.parse((String) v[2]), false)),
                        JSONB, TEXT_ARRAY, JSONB),
                of(JSONB, (v, c) -> Json.write(insert(Json.parse((String) v[0]), list(v[1]), Json.parse((String) v[2]),
                        (Boolean) v[3])), JSONB, TEXT_ARRAY, JSONB, BOOLEAN));
        // The path is text here (there is no jsonpath type): a literal reads the same either way.
        registry.register("jsonb_path_query_first",
                of(JSONB, (v, c) -> write(JsonPath.parse((String) v[1]).first(Json.parse((String) v[0]))), JSONB, TEXT));
        registry.register("jsonb_path_exists",
                of(BOOLEAN, (v, c) -> JsonPath.parse((String) v[1]).first(Json.parse((String) v[0])) != null, JSONB, TEXT));
        registry.register("jsonb_path_query_array",
                of(JSONB, (v, c) -> Json.write(JsonPath.parse((String) v[1]).all(Json.parse((String) v[0]))), JSONB, TEXT));
        registry.register("jsonb_pretty", of(TEXT, (v, c) -> pretty(Json.parse((String) v[0])), JSONB));
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }

    private static List<String> strings(Object[] values, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < values.length; i++) {
            out.add((String) values[i]);
        }
        return out;
    }

    private static Object field(Object node, String key) {
        return node instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static Object element(Object node, long index) {
        if (!(node instanceof List<?> list)) {
            return null;
        }
        long at = index < 0 ? list.size() + index : index;
        return at < 0 || at >= list.size() ? null : list.get((int) at);
    }

    /** #> path: object keys, or array indexes written as integers. */
    private static Object path(Object node, List<String> keys) {
        Object current = node;
        for (String key : keys) {
            if (key == null) {
                return null;
            }
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?>) {
                try {
                    current = element(current, Long.parseLong(key.strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static String write(Object node) {
        return node == null ? null : Json.write(node);
    }

    /** json's #> path over the document's own text: keys, or indexes where the value is an array. */
    private static String rawPath(String json, List<String> keys) {
        String current = json;
        for (String key : keys) {
            if (current == null || key == null) {
                return null;
            }
            String trimmed = current.strip();
            if (trimmed.startsWith("[")) {
                try {
                    current = JsonText.element(trimmed, Long.parseLong(key.strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                current = JsonText.field(trimmed, key);
            }
        }
        return current;
    }

    /** ->> on json: a string unescaped, null as SQL NULL, anything else as written. */
    private static String rawText(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.startsWith("\"") ? (String) Json.parse(raw) : raw.equals("null") ? null : raw;
    }

    /** ->> and #>>: a string unquoted, JSON null as SQL NULL, anything else as JSON text. */
    private static String text(Object node) {
        if (node == null || node == Json.NULL) {
            return null;
        }
        return node instanceof String s ? s : Json.write(node);
    }

    private static long arrayLength(Object node) {
        if (node instanceof List<?> list) {
            return list.size();
        }
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, node instanceof Map<?, ?>
                ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
    }

    private static String typeOf(Object node) {
        return switch (node) {
            case Map<?, ?> map -> "object";
            case List<?> list -> "array";
            case String s -> "string";
            case BigDecimal n -> "number";
            case Boolean b -> "boolean";
            default -> "null";
        };
    }

    private static boolean hasKey(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            return map.containsKey(key);
        }
        if (node instanceof List<?> list) {
            return list.contains(key);
        }
        return key.equals(node);
    }

    private static boolean hasKeys(Object node, List<String> keys, boolean all) {
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            if (hasKey(node, key) != all) {
                return !all;
            }
        }
        return all;
    }

    /** jsonb containment: objects by subset of pairs, arrays by subset of elements, scalars by equality. */
    private static boolean contains(Object container, Object contained, boolean topLevel) {
        if (container instanceof Map<?, ?> outer) {
            if (!(contained instanceof Map<?, ?> inner)) {
                return false;
            }
            for (Map.Entry<?, ?> entry : inner.entrySet()) {
                Object value = outer.get(entry.getKey());
                if (value == null || !contains(value, entry.getValue(), false)) {
                    return false;
                }
            }
            return true;
        }
        if (container instanceof List<?> outer) {
            if (contained instanceof List<?> inner) {
                for (Object wanted : inner) {
                    if (outer.stream().noneMatch(candidate -> contains(candidate, wanted, false))) {
                        return false;
                    }
                }
                return true;
            }
            // A top-level array contains a scalar that is one of its elements.
            return topLevel && !(contained instanceof Map<?, ?>)
                    && outer.stream().anyMatch(candidate -> scalarEqual(candidate, contained));
        }
        return scalarEqual(container, contained);
    }

    private static boolean scalarEqual(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a == b || a != null && a.equals(b) && !(a instanceof Map<?, ?>) && !(a instanceof List<?>);
    }

    /** jsonb || jsonb: objects merge (right wins), otherwise both sides concatenate as arrays. */
    private static Object concat(Object left, Object right) {
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            Map<String, Object> merged = new TreeMap<>(Json.KEY_ORDER);
            a.forEach((key, value) -> merged.put((String) key, value));
            b.forEach((key, value) -> merged.put((String) key, value));
            return merged;
        }
        List<Object> items = new ArrayList<>();
        addAsElements(items, left);
        addAsElements(items, right);
        return items;
    }

    private static void addAsElements(List<Object> items, Object node) {
        if (node instanceof List<?> list) {
            items.addAll(list);
        } else {
            items.add(node);
        }
    }

    private static Object deleteKey(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>(Json.KEY_ORDER);
            map.forEach((k, value) -> {
                if (!k.equals(key)) {
                    copy.put((String) k, value);
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().filter(item -> !key.equals(item)).toList();
        }
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }

    private static Object deleteIndex(Object node, long index) {
        if (node instanceof List<?> list) {
            long at = index < 0 ? list.size() + index : index;
            List<Object> copy = new ArrayList<>(list);
            if (at >= 0 && at < copy.size()) {
                copy.remove((int) at);
            }
            return copy;
        }
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                node instanceof Map<?, ?> ? "cannot delete from object using integer index" : "cannot delete from scalar");
    }

    /** jsonb_set: replaces (or, with createMissing, adds) the value at the path; a missing parent leaves it as is. */
    private static Object set(Object node, List<String> path, Object value, boolean createMissing) {
        if (path.isEmpty()) {
            return node;
        }
        String key = path.getFirst();
        if (key == null) {
            throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "path element at position 1 is null");
        }
        List<String> rest = path.subList(1, path.size());
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>(Json.KEY_ORDER);
            map.forEach((k, v) -> copy.put((String) k, v));
            Object current = copy.get(key);
            if (rest.isEmpty()) {
                if (current != null || createMissing) {
                    copy.put(key, value);
                }
            } else if (current != null) {
                copy.put(key, set(current, rest, value, createMissing));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            long index;
            try {
                index = Long.parseLong(key.strip());
            } catch (NumberFormatException e) {
                throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                        "path element at position 1 is not an integer: \"" + key + "\"");
            }
            List<Object> copy = new ArrayList<>(list);
            long at = index < 0 ? copy.size() + index : index;
            if (at >= 0 && at < copy.size()) {
                copy.set((int) at, rest.isEmpty() ? value : set(copy.get((int) at), rest, value, createMissing));
            } else if (rest.isEmpty() && createMissing) {
                if (at < 0) {
                    copy.addFirst(value);
                } else {
                    copy.add(value);
                }
            }
            return copy;
        }
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
    }

    /**
     * jsonb_insert: in an array the value goes before the element at the path (after it with
     * insertAfter); in an object it is added under a new key, and an existing key is an error.
     */
    private static Object insert(Object node, List<String> path, Object value, boolean insertAfter) {
        if (path.isEmpty()) {
            return node;
        }
        String key = path.getFirst();
        if (key == null) {
            throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "path element at position 1 is null");
        }
        List<String> rest = path.subList(1, path.size());
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>(Json.KEY_ORDER);
            map.forEach((k, v) -> copy.put((String) k, v));
            Object current = copy.get(key);
            if (rest.isEmpty()) {
                if (current != null) {
                    throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot replace existing key")
                            .withHint("Try using the function jsonb_set to replace key value.");
                }
                copy.put(key, value);
            } else if (current != null) {
                copy.put(key, insert(current, rest, value, insertAfter));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            long index;
            try {
                index = Long.parseLong(key.strip());
            } catch (NumberFormatException e) {
                throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                        "path element at position 1 is not an integer: \"" + key + "\"");
            }
            List<Object> copy = new ArrayList<>(list);
            long at = index < 0 ? copy.size() + index : index;
            if (!rest.isEmpty()) {
                if (at >= 0 && at < copy.size()) {
                    copy.set((int) at, insert(copy.get((int) at), rest, value, insertAfter));
                }
                return copy;
            }
            long position = Math.max(0, Math.min(copy.size(), insertAfter ? at + 1 : at));
            copy.add((int) position, value);
            return copy;
        }
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
    }

    private static Object stripNulls(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>(Json.KEY_ORDER);
            map.forEach((key, value) -> {
                if (value != Json.NULL) {
                    copy.put((String) key, stripNulls(value));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(JsonFunctions::stripNulls).toList();
        }
        return node;
    }

    /** jsonb_pretty: four-space indentation, one member or element per line. */
    private static String pretty(Object node) {
        StringBuilder out = new StringBuilder();
        pretty(node, out, 0);
        return out.toString();
    }

    private static void pretty(Object node, StringBuilder out, int depth) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.repeat("    ", depth + 1).append(Json.quote((String) entry.getKey())).append(": ");
                pretty(entry.getValue(), out, depth + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.repeat("    ", depth).append('}');
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.repeat("    ", depth + 1);
                pretty(list.get(i), out, depth + 1);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.repeat("    ", depth).append(']');
        } else if (node instanceof Map<?, ?> || node instanceof List<?>) {
            // PostgreSQL breaks even an empty container over two lines.
            out.append(node instanceof Map<?, ?> ? "{\n" : "[\n").repeat("    ", depth).append(node instanceof Map<?, ?> ? '}' : ']');
        } else {
            out.append(Json.write(node));
        }
    }

    /** Evaluates an argument into its JSON text (json) or tree (jsonb), as to_json does. */
    private static Evaluator jsonOf(BoundExpr argument, boolean binary) {
        Evaluator input = argument.evaluator();
        DataType type = argument.type();
        return (row, context) -> {
            Object value = input.evaluate(row, context);
            return binary ? tree(value, type, context) : jsonText(value, type, context);
        };
    }

    /** An SQL value as a JSON tree: numbers, booleans and arrays map to their JSON kinds, the rest to strings. */
    static Object tree(Object value, DataType type, EvaluationContext context) {
        if (value == null) {
            return Json.NULL;
        }
        return switch (type.kind()) {
            case JSON, JSONB -> Json.parse((String) value);
            case SMALLINT, INTEGER, BIGINT -> BigDecimal.valueOf((Long) value);
            case NUMERIC -> value;
            case REAL, DOUBLE -> {
                double d = (Double) value;
                yield Double.isNaN(d) || Double.isInfinite(d) ? TextFormat.format(value, type)
                        : new BigDecimal(TextFormat.format(value, type));
            }
            case BOOLEAN -> value;
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(tree(item, type.element(), context));
                }
                yield items;
            }
            case RECORD -> {
                Map<String, Object> object = new LinkedHashMap<>();
                List<Object> fields = ((io.weftdb.ir.type.RowValue) value).values();
                for (int i = 0; i < fields.size(); i++) {
                    DataType.Field field = type.fields().get(i);
                    object.put(field.name(), fields.get(i) == null ? Json.NULL : tree(fields.get(i), field.type(), context));
                }
                yield object;
            }
            case DATE -> value.toString();
            case TIME -> TextFormat.formatTime((LocalTime) value);
            case TIMESTAMP -> TextFormat.formatTimestamp((LocalDateTime) value).replace(' ', 'T');
            case TIMESTAMPTZ -> isoTimestampTz((Instant) value, context);
            default -> TextFormat.format(value, type, context.timeZone());
        };
    }

    private static String isoTimestampTz(Instant value, EvaluationContext context) {
        String text = TextFormat.formatTimestampTz(value, context.timeZone());
        String iso = text.replaceFirst(" ", "T");
        // PostgreSQL's JSON form writes the offset with minutes: +00:00.
        return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
    }

    private static String jsonText(Object value, DataType type, EvaluationContext context) {
        if (value == null) {
            return "null";
        }
        if (type.kind() == TypeKind.JSON || type.kind() == TypeKind.JSONB) {
            return (String) value;
        }
        return Json.writeCompact(tree(value, type, context));
    }

    private static BoundExpr toJson(List<BoundExpr> arguments, boolean binary) {
        if (arguments.size() != 1) {
            return null;
        }
        Evaluator input = arguments.get(0).evaluator();
        DataType type = arguments.get(0).type();
        return new BoundExpr((row, context) -> {
            Object value = input.evaluate(row, context);
            if (value == null) {
                return null;
            }
            return binary ? Json.write(tree(value, type, context)) : jsonText(value, type, context);
        }, binary ? JSONB : JSON, Overload.foldable(arguments));
    }

    private static BoundExpr buildObject(List<BoundExpr> arguments, boolean binary) {
        if (arguments.size() % 2 != 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + (binary ? "jsonb" : "json")
                            + "_build_object() must consist of alternating keys and values.");
        }
        Evaluator[] keys = new Evaluator[arguments.size() / 2];
        Evaluator[] values = new Evaluator[arguments.size() / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = StringFunctions.ValueText.of(arguments.get(2 * i));
            values[i] = jsonOf(arguments.get(2 * i + 1), binary);
        }
        return new BoundExpr((row, context) -> {
            Map<String, Object> tree = new TreeMap<>(Json.KEY_ORDER);
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].evaluate(row, context);
                if (key == null) {
                    throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "argument " + (2 * i + 1) + ": key must not be null");
                }
                Object value = values[i].evaluate(row, context);
                if (binary) {
                    tree.put((String) key, value);
                } else {
                    text.append(i > 0 ? ", " : "").append(Json.quote((String) key)).append(" : ").append(value);
                }
            }
            return binary ? Json.write(tree) : text.append('}').toString();
        }, binary ? JSONB : JSON, Overload.foldable(arguments));
    }

    private static BoundExpr buildArray(List<BoundExpr> arguments, boolean binary) {
        Evaluator[] values = arguments.stream().map(argument -> jsonOf(argument, binary)).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            List<Object> items = new ArrayList<>();
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < values.length; i++) {
                Object value = values[i].evaluate(row, context);
                items.add(value);
                text.append(i > 0 ? ", " : "").append(value);
            }
            return binary ? Json.write(Collections.unmodifiableList(items)) : text.append(']').toString();
        }, binary ? JSONB : JSON, Overload.foldable(arguments));
    }
}
