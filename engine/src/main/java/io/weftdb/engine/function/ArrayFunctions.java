package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One-dimensional arrays: ARRAY[...] and subscripts, {@code = ANY/ALL (array)}, the array
 * functions and the operators {@code || @> <@ &&}. Polymorphic signatures (anyarray,
 * anyelement) resolve the element type from the arguments, as PostgreSQL does.
 */
public final class ArrayFunctions {
    private static final DataType INT = DataType.INTEGER;
    private static final DataType TEXT = DataType.TEXT;

    private ArrayFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("array_length", arguments -> dimensionFunction(arguments, true, INT, list -> (long) list.size()));
        registry.register("array_upper", arguments -> dimensionFunction(arguments, true, INT, list -> (long) list.size()));
        registry.register("array_lower", arguments -> dimensionFunction(arguments, true, INT, list -> 1L));
        registry.register("array_ndims", arguments -> dimensionFunction(arguments, false, INT, list -> 1L));
        registry.register("cardinality", arguments -> arguments.size() == 1 && isArray(arguments.get(0))
                ? strict(arguments, INT, (values, context) -> (long) list(values[0]).size()) : null);
        registry.register("array_dims",
                arguments -> dimensionFunction(arguments, false, TEXT, list -> "[1:" + list.size() + "]"));
        registry.register("trim_array", arguments -> arguments.size() == 2 && isArray(arguments.get(0))
                && Overload.coercible(arguments.get(1).type(), INT)
                ? strict(List.of(arguments.get(0), cast(arguments.get(1), INT)), arguments.get(0).type(), (values, context) -> {
                    List<Object> items = list(values[0]);
                    long trim = (Long) values[1];
                    if (trim < 0 || trim > items.size()) {
                        throw new SqlException(ErrorCode.ARRAY_SUBSCRIPT_ERROR,
                                "number of elements to trim must be between 0 and " + items.size());
                    }
                    return items.subList(0, items.size() - (int) trim);
                }) : null);
        registry.register("array_append", arguments -> arguments.size() == 2 ? append(arguments.get(0), arguments.get(1)) : null);
        registry.register("array_prepend", arguments -> arguments.size() == 2 ? prepend(arguments.get(0), arguments.get(1)) : null);
        registry.register("array_cat", arguments -> arguments.size() == 2 ? concatenate(arguments.get(0), arguments.get(1)) : null);
        registry.register("array_position", ArrayFunctions::position);
        registry.register("array_positions", ArrayFunctions::positions);
        registry.register("array_remove", ArrayFunctions::remove);
        registry.register("array_replace", ArrayFunctions::replace);
        registry.register("string_to_array", ArrayFunctions::stringToArray);
        registry.register("array_to_string", ArrayFunctions::arrayToString);
        registry.registerOperator("||", arguments -> concatOperator(arguments.get(0), arguments.get(1)));
        registry.registerOperator("@>", arguments -> containment(arguments, false));
        registry.registerOperator("<@", arguments -> containment(List.of(arguments.get(1), arguments.get(0)), false));
        registry.registerOperator("&&", arguments -> containment(arguments, true));
    }

    private static boolean isArray(BoundExpr argument) {
        return argument.type().kind() == TypeKind.ARRAY;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private interface Body {
        Object apply(Object[] values, EvaluationContext context);
    }

    private static BoundExpr strict(List<BoundExpr> arguments, DataType result, Body body) {
        Evaluator[] inputs = arguments.stream().map(BoundExpr::evaluator).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                values[i] = inputs[i].evaluate(row, context);
                if (values[i] == null) {
                    return null;
                }
            }
            return body.apply(values, context);
        }, result, Overload.foldable(arguments));
    }

    /** Evaluates arguments without skipping NULLs: for functions where a NULL element is meaningful. */
    private static BoundExpr lenient(List<BoundExpr> arguments, DataType result, Body body) {
        Evaluator[] inputs = arguments.stream().map(BoundExpr::evaluator).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                values[i] = inputs[i].evaluate(row, context);
            }
            return body.apply(values, context);
        }, result, Overload.foldable(arguments));
    }

    private static BoundExpr cast(BoundExpr argument, DataType target) {
        return ExpressionCompiler.cast(argument, target, Casts.Context.IMPLICIT);
    }

    /** array_length(a, dim) and friends: dimension 1 only; an empty array has no dimensions (NULL). */
    private static BoundExpr dimensionFunction(List<BoundExpr> arguments, boolean withDimension, DataType result,
                                               java.util.function.Function<List<Object>, Object> body) {
        if (arguments.size() != (withDimension ? 2 : 1) || !isArray(arguments.get(0))
                || withDimension && !Overload.coercible(arguments.get(1).type(), INT)) {
            return null;
        }
        List<BoundExpr> converted = withDimension ? List.of(arguments.get(0), cast(arguments.get(1), INT)) : arguments;
        return strict(converted, result, (values, context) -> {
            List<Object> items = list(values[0]);
            if (items.isEmpty() || withDimension && (Long) values[1] != 1) {
                return null;
            }
            return body.apply(items);
        });
    }

    /** The array type two arguments meet at: an unknown side takes the other side's array type. */
    private static DataType commonArray(BoundExpr left, BoundExpr right) {
        DataType a = left.type();
        DataType b = right.type();
        if (a.kind() == TypeKind.ARRAY && b.kind() == TypeKind.ARRAY) {
            DataType element = TypeRules.concrete(TypeRules.commonType(a.element(), b.element(), "||", 0));
            return DataType.arrayOf(element);
        }
        return a.kind() == TypeKind.ARRAY ? a : b;
    }

    private static BoundExpr append(BoundExpr array, BoundExpr element) {
        if (!isArray(array) && array.type().kind() != TypeKind.UNKNOWN) {
            return null;
        }
        DataType type = array.type().kind() == TypeKind.ARRAY ? array.type()
                : DataType.arrayOf(TypeRules.concrete(element.type()));
        BoundExpr item = cast(element, type.element());
        return lenient(List.of(cast(array, type), item), type, (values, context) -> {
            List<Object> items = values[0] == null ? new ArrayList<>() : new ArrayList<>(list(values[0]));
            items.add(values[1]);
            return Collections.unmodifiableList(items);
        });
    }

    private static BoundExpr prepend(BoundExpr element, BoundExpr array) {
        if (!isArray(array) && array.type().kind() != TypeKind.UNKNOWN) {
            return null;
        }
        DataType type = array.type().kind() == TypeKind.ARRAY ? array.type()
                : DataType.arrayOf(TypeRules.concrete(element.type()));
        return lenient(List.of(cast(element, type.element()), cast(array, type)), type, (values, context) -> {
            List<Object> items = new ArrayList<>();
            items.add(values[0]);
            if (values[1] != null) {
                items.addAll(list(values[1]));
            }
            return Collections.unmodifiableList(items);
        });
    }

    private static BoundExpr concatenate(BoundExpr left, BoundExpr right) {
        if (!isArray(left) && !isArray(right)) {
            return null;
        }
        DataType type = commonArray(left, right);
        return lenient(List.of(cast(left, type), cast(right, type)), type, (values, context) -> {
            if (values[0] == null || values[1] == null) {
                return values[0] == null ? values[1] : values[0];
            }
            List<Object> items = new ArrayList<>(list(values[0]));
            items.addAll(list(values[1]));
            return Collections.unmodifiableList(items);
        });
    }

    /** {@code ||} with an array on either side: array || array, array || element, element || array. */
    private static BoundExpr concatOperator(BoundExpr left, BoundExpr right) {
        boolean leftArray = isArray(left);
        boolean rightArray = isArray(right);
        if (leftArray && rightArray || leftArray && right.type().kind() == TypeKind.UNKNOWN
                || rightArray && left.type().kind() == TypeKind.UNKNOWN) {
            return concatenate(left, right);
        }
        if (leftArray) {
            return append(left, right);
        }
        return rightArray ? prepend(left, right) : null;
    }

    /** @> (left contains every element of right) and && (they share an element); NULL elements never match. */
    private static BoundExpr containment(List<BoundExpr> arguments, boolean overlap) {
        BoundExpr left = arguments.get(0);
        BoundExpr right = arguments.get(1);
        if (!isArray(left) && !isArray(right) || !isArray(left) && left.type().kind() != TypeKind.UNKNOWN
                || !isArray(right) && right.type().kind() != TypeKind.UNKNOWN) {
            return null;
        }
        DataType type = commonArray(left, right);
        return strict(List.of(cast(left, type), cast(right, type)), DataType.BOOLEAN, (values, context) -> {
            List<Object> container = list(values[0]);
            for (Object wanted : list(values[1])) {
                boolean found = wanted != null && container.stream().anyMatch(item -> item != null && ValueOrder.equal(item, wanted));
                if (found && overlap) {
                    return true;
                }
                if (!found && !overlap) {
                    return false;
                }
            }
            return !overlap;
        });
    }

    private static BoundExpr position(List<BoundExpr> arguments) {
        if (arguments.size() < 2 || arguments.size() > 3 || !isArray(arguments.get(0))) {
            return null;
        }
        DataType type = arguments.get(0).type();
        List<BoundExpr> converted = new ArrayList<>(List.of(arguments.get(0), cast(arguments.get(1), type.element())));
        if (arguments.size() == 3) {
            converted.add(cast(arguments.get(2), INT));
        }
        return lenient(converted, INT, (values, context) -> {
            if (values[0] == null || values.length == 3 && values[2] == null) {
                return null;
            }
            List<Object> items = list(values[0]);
            int start = values.length == 3 ? (int) Math.max(1, (Long) values[2]) : 1;
            for (int i = start - 1; i < items.size(); i++) {
                if (same(items.get(i), values[1])) {
                    return (long) i + 1;
                }
            }
            return null;
        });
    }

    /** IS NOT DISTINCT FROM: array_position finds NULL elements too. */
    private static boolean same(Object a, Object b) {
        return a == null ? b == null : b != null && ValueOrder.equal(a, b);
    }

    private static BoundExpr positions(List<BoundExpr> arguments) {
        if (arguments.size() != 2 || !isArray(arguments.get(0))) {
            return null;
        }
        DataType type = arguments.get(0).type();
        return lenient(List.of(arguments.get(0), cast(arguments.get(1), type.element())), DataType.arrayOf(INT), (values, context) -> {
            if (values[0] == null) {
                return null;
            }
            List<Object> found = new ArrayList<>();
            List<Object> items = list(values[0]);
            for (int i = 0; i < items.size(); i++) {
                if (same(items.get(i), values[1])) {
                    found.add((long) i + 1);
                }
            }
            return Collections.unmodifiableList(found);
        });
    }

    private static BoundExpr remove(List<BoundExpr> arguments) {
        if (arguments.size() != 2 || !isArray(arguments.get(0))) {
            return null;
        }
        DataType type = arguments.get(0).type();
        return lenient(List.of(arguments.get(0), cast(arguments.get(1), type.element())), type, (values, context) -> {
            if (values[0] == null) {
                return null;
            }
            return list(values[0]).stream().filter(item -> !same(item, values[1])).toList();
        });
    }

    private static BoundExpr replace(List<BoundExpr> arguments) {
        if (arguments.size() != 3 || !isArray(arguments.get(0))) {
            return null;
        }
        DataType type = arguments.get(0).type();
        return lenient(List.of(arguments.get(0), cast(arguments.get(1), type.element()), cast(arguments.get(2), type.element())),
                type, (values, context) -> {
                    if (values[0] == null) {
                        return null;
                    }
                    List<Object> items = new ArrayList<>();
                    for (Object item : list(values[0])) {
                        items.add(same(item, values[1]) ? values[2] : item);
                    }
                    return Collections.unmodifiableList(items);
                });
    }

    /** string_to_array(text, delimiter [, null string]): a NULL delimiter splits into characters. */
    private static BoundExpr stringToArray(List<BoundExpr> arguments) {
        if (arguments.size() < 2 || arguments.size() > 3
                || !arguments.stream().allMatch(argument -> Overload.coercible(argument.type(), TEXT))) {
            return null;
        }
        List<BoundExpr> converted = arguments.stream().map(argument -> cast(argument, TEXT)).toList();
        return lenient(converted, DataType.arrayOf(TEXT), (values, context) -> {
            String text = (String) values[0];
            if (text == null) {
                return null;
            }
            String delimiter = (String) values[1];
            String nullString = values.length == 3 ? (String) values[2] : null;
            List<String> parts;
            if (text.isEmpty()) {
                parts = List.of();
            } else if (delimiter == null) {
                parts = text.codePoints().mapToObj(Character::toString).toList();
            } else if (delimiter.isEmpty()) {
                parts = List.of(text);
            } else {
                parts = StringFunctions.splitOn(text, delimiter);
            }
            List<Object> items = new ArrayList<>(parts.size());
            for (String part : parts) {
                items.add(part.equals(nullString) ? null : part);
            }
            return Collections.unmodifiableList(items);
        });
    }

    /** array_to_string(array, delimiter [, null string]): NULL elements are skipped unless a null string is given. */
    private static BoundExpr arrayToString(List<BoundExpr> arguments) {
        if (arguments.size() < 2 || arguments.size() > 3 || !isArray(arguments.get(0))) {
            return null;
        }
        DataType element = arguments.get(0).type().element();
        List<BoundExpr> converted = new ArrayList<>(List.of(arguments.get(0), cast(arguments.get(1), TEXT)));
        if (arguments.size() == 3) {
            converted.add(cast(arguments.get(2), TEXT));
        }
        return lenient(converted, TEXT, (values, context) -> {
            if (values[0] == null || values[1] == null) {
                return null;
            }
            String nullString = values.length == 3 ? (String) values[2] : null;
            StringBuilder out = new StringBuilder();
            boolean first = true;
            for (Object item : list(values[0])) {
                if (item == null && nullString == null) {
                    continue;
                }
                if (!first) {
                    out.append((String) values[1]);
                }
                first = false;
                out.append(item == null ? nullString : io.weftdb.engine.value.TextFormat.format(item, element, context.timeZone()));
            }
            return out.toString();
        });
    }

    /** ARRAY[e1, e2...]: the elements meet at their common type; an empty constructor has unknown elements. */
    public static BoundExpr construct(List<BoundExpr> elements, int position) {
        DataType element = DataType.UNKNOWN;
        for (BoundExpr item : elements) {
            if (isArray(item)) {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported yet",
                        position);
            }
            try {
                element = TypeRules.commonType(element, item.type(), "ARRAY", position);
            } catch (SqlException e) {
                throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "ARRAY types " + element.sqlName() + " and "
                        + item.type().sqlName() + " cannot be matched", position);
            }
        }
        DataType type = DataType.arrayOf(elements.isEmpty() ? DataType.UNKNOWN : TypeRules.concrete(element));
        Evaluator[] inputs = elements.stream().map(item -> cast(item, type.element()).evaluator()).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            List<Object> items = new ArrayList<>(inputs.length);
            for (Evaluator input : inputs) {
                items.add(input.evaluate(row, context));
            }
            return Collections.unmodifiableList(items);
        }, type, Overload.foldable(elements));
    }

    /** array[i]: 1-based; an index outside the array gives NULL, as in PostgreSQL. */
    public static BoundExpr subscript(BoundExpr array, BoundExpr index, int position) {
        if (array.type().kind() == TypeKind.JSONB) {
            // jsonb['key'] and jsonb[0] are jsonb -> 'key' and jsonb -> 0 (PostgreSQL 14).
            BoundExpr access = FunctionRegistry.DEFAULT.bindOperator("->", array, index);
            if (access == null) {
                throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "subscript type " + index.type().sqlName()
                        + " is not supported", position).withHint("jsonb subscript must be coercible to either integer or text.");
            }
            return access;
        }
        if (!isArray(array)) {
            throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "cannot subscript type " + array.type().sqlName()
                    + " because it does not support subscripting", position);
        }
        if (!Overload.coercible(index.type(), INT) && !Overload.coercible(index.type(), DataType.BIGINT)) {
            throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "array subscript must have type integer", position);
        }
        Evaluator items = array.evaluator();
        Evaluator at = cast(index, DataType.BIGINT).evaluator();
        long lowerBound = array.type().isVector() ? 0 : 1;
        return new BoundExpr((row, context) -> {
            Object value = items.evaluate(row, context);
            Object i = value == null ? null : at.evaluate(row, context);
            if (i == null) {
                return null;
            }
            List<Object> list = list(value);
            long offset = (Long) i - lowerBound;
            return offset < 0 || offset >= list.size() ? null : list.get((int) offset);
        }, array.type().element(), array.constant() && index.constant());
    }

    /**
     * {@code left op ANY|ALL (array)} with a comparison operator: true/false by SQL's three-valued
     * rules (a NULL element makes an undecided answer NULL).
     */
    public static BoundExpr quantified(BinaryOperator operator, BoundExpr left, BoundExpr array, boolean all,
                                       int position) {
        if (!operator.isComparison()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "operator " + operator.symbol() + " with ANY/ALL is not supported yet", position);
        }
        DataType arrayType = array.type();
        if (arrayType.kind() == TypeKind.UNKNOWN) {
            arrayType = DataType.arrayOf(TypeRules.concrete(left.type()));
        } else if (arrayType.kind() != TypeKind.ARRAY) {
            throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "op ANY/ALL (array) requires array on right side", position);
        }
        DataType common = TypeRules.concrete(TypeRules.commonType(left.type(), arrayType.element(), operator.symbol(), position));
        Evaluator subject = cast(left, common).evaluator();
        Evaluator candidates = cast(array, DataType.arrayOf(common)).evaluator();
        return new BoundExpr((row, context) -> {
            Object values = candidates.evaluate(row, context);
            if (values == null) {
                return null;
            }
            List<Object> items = list(values);
            if (items.isEmpty()) {
                return all;
            }
            Object x = subject.evaluate(row, context);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Object item : items) {
                if (item == null) {
                    sawNull = true;
                    continue;
                }
                boolean holds = holds(operator, ValueOrder.compare(x, item));
                if (holds != all) {
                    return !all;
                }
            }
            return sawNull ? null : all;
        }, DataType.BOOLEAN, Overload.foldable(List.of(left, array)) && !Overload.readsTimeZone(common));
    }

    private static boolean holds(BinaryOperator operator, int comparison) {
        return switch (operator) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_EQUAL -> comparison >= 0;
            default -> throw new IllegalArgumentException(operator.toString());
        };
    }
}
