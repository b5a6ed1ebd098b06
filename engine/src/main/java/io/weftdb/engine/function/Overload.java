package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * One signature of a function: parameter types, result type and a body over the argument values
 * already converted to those types. A parameter of type UNKNOWN takes any argument as it is.
 * Strict overloads (the default) return NULL for any NULL argument without running the body.
 */
public record Overload(List<DataType> parameters, boolean variadic, DataType result, Body body, boolean strict,
                       boolean isVolatile) {
    public static final DataType ANY = DataType.UNKNOWN;

    /** A function body: {@code values} are the converted arguments, in order. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] values, EvaluationContext context);
    }

    public Overload {
        parameters = List.copyOf(parameters);
    }

    public static Overload of(DataType result, Body body, DataType... parameters) {
        return new Overload(List.of(parameters), false, result, body, true, false);
    }

    /** The last parameter repeats: {@code concat_ws(text, variadic text)}. */
    public Overload repeatingLast() {
        return new Overload(parameters, true, result, body, strict, isVolatile);
    }

    /** NULL arguments reach the body (concat, num_nulls...). */
    public Overload lenient() {
        return new Overload(parameters, variadic, result, body, false, isVolatile);
    }

    /** Gives a different value on each call (random, clock_timestamp): never folded to a constant. */
    public Overload volatileResult() {
        return new Overload(parameters, variadic, result, body, strict, true);
    }

    private boolean accepts(int count) {
        return variadic ? count >= parameters.size() - 1 : count == parameters.size();
    }

    private DataType parameter(int index) {
        return index < parameters.size() ? parameters.get(index) : parameters.getLast();
    }

    /**
     * PostgreSQL's function resolution, simplified: among the overloads every argument converts to
     * implicitly, keep those with the most exact type matches, then those converting the most
     * arguments to their category's preferred type (double precision, text); the first listed wins.
     */
    public static BoundExpr resolve(List<Overload> candidates, List<BoundExpr> arguments) {
        return resolve(candidates, arguments, false);
    }

    /**
     * Operator resolution: as {@link #resolve(List, List)}, but a candidate must match at least one
     * typed operand exactly, so {@code '1 day' * 2} is not read as interval * double.
     */
    public static BoundExpr resolveOperator(List<Overload> candidates, List<BoundExpr> arguments) {
        return resolve(candidates, arguments, true);
    }

    private static BoundExpr resolve(List<Overload> candidates, List<BoundExpr> arguments, boolean anchored) {
        Overload best = choose(candidates, arguments, anchored);
        return best == null ? null : best.bind(arguments);
    }

    /** The parameter types the chosen overload gives each argument (UNKNOWN where it takes any type). */
    public static List<DataType> chosenParameterTypes(List<Overload> candidates, List<BoundExpr> arguments) {
        Overload best = choose(candidates, arguments, false);
        if (best == null) {
            return null;
        }
        List<DataType> types = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            types.add(best.parameter(i));
        }
        return types;
    }

    private static Overload choose(List<Overload> candidates, List<BoundExpr> arguments, boolean anchored) {
        Overload best = null;
        int bestExact = -1;
        int bestPreferred = -1;
        for (Overload candidate : candidates) {
            if (!candidate.accepts(arguments.size())) {
                continue;
            }
            int exact = 0;
            int preferred = 0;
            boolean anchoredMatch = false;
            boolean applicable = true;
            for (int i = 0; i < arguments.size() && applicable; i++) {
                DataType parameter = candidate.parameter(i);
                DataType argument = arguments.get(i).type();
                if (parameter.kind() == TypeKind.UNKNOWN || exactMatch(argument, parameter)) {
                    exact++;
                    anchoredMatch |= argument.kind() != TypeKind.UNKNOWN;
                } else if (!coercible(argument, parameter)) {
                    applicable = false;
                } else if (parameter.kind() == TypeKind.DOUBLE || parameter.kind() == TypeKind.TEXT
                        || parameter.kind() == TypeKind.TIMESTAMPTZ) {
                    preferred++;
                }
            }
            applicable &= anchoredMatch || !anchored;
            if (applicable && (exact > bestExact || exact == bestExact && preferred > bestPreferred)) {
                best = candidate;
                bestExact = exact;
                bestPreferred = preferred;
            }
        }
        return best;
    }

    private static boolean exactMatch(DataType argument, DataType parameter) {
        TypeKind from = argument.kind();
        TypeKind to = parameter.kind();
        if (from == TypeKind.ARRAY && to == TypeKind.ARRAY) {
            return exactMatch(argument.element(), parameter.element());
        }
        return from == to || from.isString() && to == TypeKind.TEXT;
    }

    /** Whether PostgreSQL converts {@code argument} to {@code parameter} implicitly. */
    public static boolean coercible(DataType argument, DataType parameter) {
        TypeKind from = argument.kind();
        TypeKind to = parameter.kind();
        if (from == TypeKind.UNKNOWN || to == TypeKind.UNKNOWN || from == to && from != TypeKind.ARRAY) {
            return true;
        }
        if (from == TypeKind.ARRAY && to == TypeKind.ARRAY) {
            return argument.element().kind() == TypeKind.UNKNOWN || coercible(argument.element(), parameter.element());
        }
        if (from.isString()) {
            return to.isString();
        }
        return switch (from) {
            case SMALLINT -> to == TypeKind.INTEGER || to == TypeKind.BIGINT || to.isNumeric();
            case INTEGER -> to == TypeKind.BIGINT || to == TypeKind.NUMERIC || to.isFloat();
            case BIGINT -> to == TypeKind.NUMERIC || to.isFloat();
            case NUMERIC -> to.isFloat();
            case REAL -> to == TypeKind.DOUBLE;
            case DATE -> to == TypeKind.TIMESTAMP || to == TypeKind.TIMESTAMPTZ;
            case TIMESTAMP -> to == TypeKind.TIMESTAMPTZ;
            case TIME -> to == TypeKind.INTERVAL;
            default -> false;
        };
    }

    /**
     * Whether a call over these arguments may be folded to a constant when planned: every argument
     * is constant and none is shown or converted in the session's time zone, which planning does
     * not know (PostgreSQL's stable functions).
     */
    public static boolean foldable(List<BoundExpr> arguments) {
        return arguments.stream().allMatch(argument -> argument.constant() && !readsTimeZone(argument.type()));
    }

    static boolean readsTimeZone(DataType type) {
        return type.kind() == TypeKind.TIMESTAMPTZ || type.kind() == TypeKind.ARRAY && readsTimeZone(type.element());
    }

    private BoundExpr bind(List<BoundExpr> arguments) {
        List<Evaluator> evaluators = new ArrayList<>(arguments.size());
        boolean constant = !isVolatile && !readsTimeZone(result);
        for (int i = 0; i < arguments.size(); i++) {
            BoundExpr argument = arguments.get(i);
            DataType parameter = parameter(i);
            BoundExpr converted = parameter.kind() == TypeKind.UNKNOWN ? argument
                    : ExpressionCompiler.cast(argument, parameter, Casts.Context.IMPLICIT);
            evaluators.add(converted.evaluator());
            constant &= argument.constant() && !readsTimeZone(argument.type()) && !readsTimeZone(parameter);
        }
        Evaluator[] inputs = evaluators.toArray(Evaluator[]::new);
        boolean skipNulls = strict;
        Body function = body;
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                values[i] = inputs[i].evaluate(row, context);
                if (values[i] == null && skipNulls) {
                    return null;
                }
            }
            try {
                return function.apply(values, context);
            } catch (ArithmeticException e) {
                // Exact arithmetic in a body overflowed: the value does not fit the result type.
                throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            } catch (DateTimeException e) {
                throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range");
            }
        }, result, constant);
    }
}
