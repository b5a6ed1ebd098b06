package io.weftdb.engine.plan;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Arithmetic;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.function.Overload;
import io.weftdb.engine.function.RegexFunctions;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.Json;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The functions that return rows, for FROM: generate_series, unnest, and the json/jsonb element
 * and key/value expanders. Binding checks the argument types and fixes the result columns; the
 * rows are produced lazily, so {@code generate_series(1, 100000000)} streams.
 */
final class SetReturningFunctions {
    private SetReturningFunctions() {
    }

    /** Produces the rows of one call from its evaluated arguments. */
    @FunctionalInterface
    interface Rows {
        Iterator<Object[]> rows(Object[] arguments, EvaluationContext context);
    }

    /** A bound call: its arguments (cast as the function needs), result columns and row producer. */
    record Bound(List<BoundExpr> arguments, List<String> columnNames, List<DataType> columnTypes, Rows rows) {
        /** In a select list a function's several columns are one record value, as in PostgreSQL. */
        Bound asOneColumn() {
            if (columnTypes.size() == 1) {
                return this;
            }
            List<DataType.Field> fields = new ArrayList<>();
            for (int i = 0; i < columnTypes.size(); i++) {
                fields.add(new DataType.Field(columnNames.get(i), columnTypes.get(i)));
            }
            Rows columns = rows;
            return new Bound(arguments, List.of("record"), List.of(DataType.record(fields)), (values, context) -> {
                Iterator<Object[]> produced = columns.rows(values, context);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return produced.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        return new Object[] {io.weftdb.ir.type.RowValue.of(produced.next())};
                    }
                };
            });
        }
    }

    static boolean exists(String name) {
        return switch (name) {
            case "generate_series", "unnest", "jsonb_array_elements", "jsonb_array_elements_text", "json_array_elements",
                 "json_array_elements_text", "jsonb_each", "jsonb_each_text", "json_each", "json_each_text",
                 "jsonb_object_keys", "json_object_keys", "regexp_matches", "generate_subscripts",
                 "_pg_expandarray", "pg_get_keywords" -> true;
            default -> false;
        };
    }

    static Bound bind(String name, List<BoundExpr> arguments, int position) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "generate_series" -> generateSeries(arguments, position);
            case "unnest" -> {
                requireCount(lower, arguments, 1, position);
                DataType type = arguments.get(0).type();
                if (type.kind() != TypeKind.ARRAY) {
                    throw undefined(lower, arguments, position);
                }
                yield new Bound(arguments, List.of(lower), List.of(type.element()), (values, context) -> {
                    List<?> elements = (List<?>) values[0];
                    return elements.stream().map(element -> new Object[] {element}).iterator();
                });
            }
            case "generate_subscripts" -> generateSubscripts(arguments, position);
            // PostgreSQL 15's keywords and their categories (pgjdbc's getSQLKeywords reads them).
            case "pg_get_keywords" -> {
                requireCount(lower, arguments, 0, position);
                yield new Bound(arguments, List.of("word", "catcode", "barelabel", "catdesc", "baredesc"),
                        List.of(DataType.TEXT, DataType.character(1), DataType.BOOLEAN, DataType.TEXT, DataType.TEXT),
                        (values, context) -> PgKeywords.ROWS.stream().map(Object[]::clone).iterator());
            }
            // information_schema._pg_expandarray(array): each element with its 1-based position (x, n),
            // which pgjdbc's getPrimaryKeys and getIndexInfo read index keys with.
            case "_pg_expandarray" -> {
                requireCount(lower, arguments, 1, position);
                DataType type = arguments.get(0).type();
                if (type.kind() != TypeKind.ARRAY) {
                    throw undefined(lower, arguments, position);
                }
                yield new Bound(arguments, List.of("x", "n"), List.of(type.element(), DataType.INTEGER), (values, context) -> {
                    List<?> elements = (List<?>) values[0];
                    return java.util.stream.IntStream.range(0, elements.size())
                            .mapToObj(i -> new Object[] {elements.get(i), (long) i + 1}).iterator();
                });
            }
            case "jsonb_array_elements", "json_array_elements", "jsonb_array_elements_text", "json_array_elements_text" -> {
                List<BoundExpr> json = jsonArgument(lower, arguments, position);
                boolean text = lower.endsWith("_text");
                boolean binary = lower.startsWith("jsonb");
                DataType type = text ? DataType.TEXT : binary ? DataType.JSONB : DataType.JSON;
                yield new Bound(json, List.of("value"), List.of(type), (values, context) -> {
                    if (!(Json.parse((String) values[0]) instanceof List<?> elements)) {
                        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot extract elements from "
                                + (binary ? "a scalar or object" : "an object"));
                    }
                    return elements.stream().map(element -> new Object[] {jsonValue(element, text, binary)}).iterator();
                });
            }
            case "jsonb_each", "json_each", "jsonb_each_text", "json_each_text" -> {
                List<BoundExpr> json = jsonArgument(lower, arguments, position);
                boolean text = lower.endsWith("_text");
                boolean binary = lower.startsWith("jsonb");
                DataType type = text ? DataType.TEXT : binary ? DataType.JSONB : DataType.JSON;
                yield new Bound(json, List.of("key", "value"), List.of(DataType.TEXT, type), (values, context) ->
                        object(values[0], lower).entrySet().stream()
                                .map(entry -> new Object[] {entry.getKey(), jsonValue(entry.getValue(), text, binary)}).iterator());
            }
            case "jsonb_object_keys", "json_object_keys" -> {
                List<BoundExpr> json = jsonArgument(lower, arguments, position);
                yield new Bound(json, List.of(lower), List.of(DataType.TEXT), (values, context) ->
                        object(values[0], lower).keySet().stream().map(key -> new Object[] {key}).iterator());
            }
            case "regexp_matches" -> {
                if (arguments.size() < 2 || arguments.size() > 3) {
                    throw undefined(lower, arguments, position);
                }
                List<BoundExpr> texts = arguments.stream()
                        .map(argument -> ExpressionCompiler.cast(argument, DataType.TEXT, Casts.Context.IMPLICIT)).toList();
                yield new Bound(texts, List.of(lower), List.of(DataType.arrayOf(DataType.TEXT)), (values, context) ->
                        RegexFunctions.matches((String) values[0], (String) values[1], values.length > 2 ? (String) values[2] : "")
                                .stream().map(groups -> new Object[] {groups}).iterator());
            }
            default -> throw undefined(lower, arguments, position);
        };
    }

    /**
     * generate_subscripts(array, dimension [, reverse]): the valid subscripts of that dimension
     * (from 0 for int2vector and oidvector, from 1 for other arrays); none for a dimension the array
     * does not have.
     */
    private static Bound generateSubscripts(List<BoundExpr> arguments, int position) {
        if (arguments.size() < 2 || arguments.size() > 3 || arguments.get(0).type().kind() != TypeKind.ARRAY
                || !Overload.coercible(arguments.get(1).type(), DataType.INTEGER)
                || arguments.size() == 3 && !Overload.coercible(arguments.get(2).type(), DataType.BOOLEAN)) {
            throw undefined("generate_subscripts", arguments, position);
        }
        DataType array = arguments.get(0).type();
        long lowerBound = array.isVector() ? 0 : 1;
        List<BoundExpr> bound = new ArrayList<>(List.of(arguments.get(0),
                ExpressionCompiler.cast(arguments.get(1), DataType.INTEGER, Casts.Context.IMPLICIT)));
        if (arguments.size() == 3) {
            bound.add(ExpressionCompiler.cast(arguments.get(2), DataType.BOOLEAN, Casts.Context.IMPLICIT));
        }
        return new Bound(bound, List.of("generate_subscripts"), List.of(DataType.INTEGER), (values, context) -> {
            int size = dimensionSize((List<?>) values[0], ((Number) values[1]).intValue());
            boolean reverse = values.length > 2 && Boolean.TRUE.equals(values[2]);
            return java.util.stream.LongStream.range(0, size)
                    .mapToObj(i -> new Object[] {lowerBound + (reverse ? size - 1 - i : i)}).iterator();
        });
    }

    /** The length of an array's n-th dimension (nested lists), 0 when it has fewer dimensions. */
    private static int dimensionSize(List<?> array, int dimension) {
        List<?> level = array;
        for (int d = 1; d < dimension; d++) {
            if (level.isEmpty() || !(level.getFirst() instanceof List<?> inner)) {
                return 0;
            }
            level = inner;
        }
        return dimension < 1 ? 0 : level.size();
    }

    private static Map<?, ?> object(Object document, String function) {
        if (!(Json.parse((String) document) instanceof Map<?, ?> object)) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot call " + function + " on a non-object");
        }
        return object;
    }

    /** An element as json/jsonb text, or for the _text variants a string's contents (JSON null: SQL NULL). */
    private static Object jsonValue(Object element, boolean text, boolean binary) {
        if (text) {
            return element == Json.NULL ? null : element instanceof String string ? string : Json.write(element);
        }
        return binary ? Json.write(element) : Json.writeCompact(element);
    }

    private static List<BoundExpr> jsonArgument(String name, List<BoundExpr> arguments, int position) {
        requireCount(name, arguments, 1, position);
        DataType target = name.startsWith("jsonb") ? DataType.JSONB : DataType.JSON;
        TypeKind kind = arguments.get(0).type().kind();
        if (kind != target.kind() && kind != TypeKind.UNKNOWN) {
            throw undefined(name, arguments, position);
        }
        return List.of(ExpressionCompiler.cast(arguments.get(0), target, Casts.Context.IMPLICIT));
    }

    /**
     * generate_series(start, stop [, step]) over integers, bigints and numerics (the result takes
     * the arguments' common type), or over timestamps with an interval step.
     */
    private static Bound generateSeries(List<BoundExpr> arguments, int position) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw undefined("generate_series", arguments, position);
        }
        DataType type = TypeRules.concrete(TypeRules.commonType(arguments.get(0).type(), arguments.get(1).type(),
                "generate_series", position));
        if (type.kind() == TypeKind.TIMESTAMP || type.kind() == TypeKind.TIMESTAMPTZ || type.kind() == TypeKind.DATE) {
            if (arguments.size() != 3 || arguments.get(2).type().kind() != TypeKind.INTERVAL
                    && arguments.get(2).type().kind() != TypeKind.UNKNOWN) {
                throw undefined("generate_series", arguments, position);
            }
            DataType result = type.kind() == TypeKind.DATE ? DataType.TIMESTAMP : type;
            List<BoundExpr> cast = List.of(ExpressionCompiler.cast(arguments.get(0), result, Casts.Context.IMPLICIT),
                    ExpressionCompiler.cast(arguments.get(1), result, Casts.Context.IMPLICIT),
                    ExpressionCompiler.cast(arguments.get(2), DataType.INTERVAL, Casts.Context.IMPLICIT));
            return new Bound(cast, List.of("generate_series"), List.of(result),
                    (values, context) -> temporalSeries(values, result.kind()));
        }
        if (arguments.size() == 3) {
            type = TypeRules.concrete(TypeRules.commonType(type, arguments.get(2).type(), "generate_series", position));
        }
        if (!type.kind().isNumeric() || type.kind() == TypeKind.REAL || type.kind() == TypeKind.DOUBLE) {
            throw undefined("generate_series", arguments, position);
        }
        DataType result = type.kind() == TypeKind.SMALLINT ? DataType.INTEGER : type;
        List<BoundExpr> cast = new ArrayList<>();
        for (BoundExpr argument : arguments) {
            cast.add(ExpressionCompiler.cast(argument, result, Casts.Context.IMPLICIT));
        }
        if (result.kind() == TypeKind.NUMERIC) {
            return new Bound(cast, List.of("generate_series"), List.of(result), (values, context) -> numericSeries(values));
        }
        return new Bound(cast, List.of("generate_series"), List.of(result), (values, context) -> integerSeries(values));
    }

    private static Iterator<Object[]> integerSeries(Object[] values) {
        long start = (Long) values[0];
        long stop = (Long) values[1];
        long step = values.length > 2 ? (Long) values[2] : 1;
        requireNonZero(step == 0);
        return new Iterator<>() {
            private long next = start;
            private boolean done = step > 0 ? start > stop : start < stop;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object[] next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                long current = next;
                try {
                    next = Math.addExact(next, step);
                    done = step > 0 ? next > stop : next < stop;
                } catch (ArithmeticException overflow) {
                    done = true;
                }
                return new Object[] {current};
            }
        };
    }

    private static Iterator<Object[]> numericSeries(Object[] values) {
        BigDecimal start = (BigDecimal) values[0];
        BigDecimal stop = (BigDecimal) values[1];
        BigDecimal step = values.length > 2 ? (BigDecimal) values[2] : BigDecimal.ONE;
        requireNonZero(step.signum() == 0);
        return new Iterator<>() {
            private BigDecimal next = start;

            @Override
            public boolean hasNext() {
                return step.signum() > 0 ? next.compareTo(stop) <= 0 : next.compareTo(stop) >= 0;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BigDecimal current = next;
                next = next.add(step);
                return new Object[] {current};
            }
        };
    }

    private static Iterator<Object[]> temporalSeries(Object[] values, TypeKind kind) {
        Interval step = (Interval) values[2];
        requireNonZero(step.normalizedMicros() == 0);
        boolean forward = step.normalizedMicros() > 0;
        Object stop = values[1];
        return new Iterator<>() {
            private Object next = values[0];

            @Override
            public boolean hasNext() {
                int order = ((Comparable<Object>) next).compareTo(stop);
                return forward ? order <= 0 : order >= 0;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object current = next;
                next = Arithmetic.temporal(BinaryOperator.ADD, next, kind, step, TypeKind.INTERVAL);
                return new Object[] {current};
            }
        };
    }

    private static void requireNonZero(boolean zero) {
        if (zero) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
    }

    private static void requireCount(String name, List<BoundExpr> arguments, int count, int position) {
        if (arguments.size() != count) {
            throw undefined(name, arguments, position);
        }
    }

    private static SqlException undefined(String name, List<BoundExpr> arguments, int position) {
        StringBuilder signature = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            signature.append(i > 0 ? ", " : "").append(arguments.get(i).type().sqlName());
        }
        return new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + signature + ") does not exist", position)
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
