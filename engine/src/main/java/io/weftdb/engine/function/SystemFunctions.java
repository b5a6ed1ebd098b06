package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Session and system information (version, current_database...), sequences, uuids, pg_typeof and
 * the conditional functions whose arguments meet at one type (coalesce, nullif, greatest, least).
 */
final class SystemFunctions {
    private SystemFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("version", arguments -> arguments.isEmpty()
                ? BoundExpr.constant("PostgreSQL 15.0 (WeftDB " + versionOfEngine() + ")", DataType.TEXT) : null);
        registry.register("gen_random_uuid", of(DataType.UUID, (v, c) -> UUID.randomUUID()).volatileResult());
        registry.register("current_database", arguments -> arguments.isEmpty()
                ? new BoundExpr((row, context) -> context.currentDatabase(), DataType.TEXT, false) : null);
        registry.register("current_schema", arguments -> arguments.isEmpty()
                ? new BoundExpr((row, context) -> context.currentSchema(), DataType.TEXT, false) : null);
        registry.register("pg_typeof", arguments -> arguments.size() == 1
                ? BoundExpr.constant(arguments.get(0).type().sqlName(), DataType.TEXT) : null);
        registry.register("num_nulls", arguments -> countNulls(arguments, true));
        registry.register("num_nonnulls", arguments -> countNulls(arguments, false));
        registry.register("coalesce", arguments -> variadicCommon(arguments, "COALESCE", values -> {
            for (Object value : values) {
                if (value != null) {
                    return value;
                }
            }
            return null;
        }, true));
        registry.register("greatest", arguments -> variadicCommon(arguments, "GREATEST", values -> extreme(values, 1), false));
        registry.register("least", arguments -> variadicCommon(arguments, "LEAST", values -> extreme(values, -1), false));
        registry.register("nullif", SystemFunctions::nullIf);
        for (String name : List.of("nextval", "currval", "setval", "lastval")) {
            registry.registerVolatile(name, arguments -> sessionFunction(name, arguments));
        }
    }

    private static BoundExpr countNulls(List<BoundExpr> arguments, boolean nulls) {
        if (arguments.isEmpty()) {
            return null;
        }
        Evaluator[] inputs = arguments.stream().map(BoundExpr::evaluator).toArray(Evaluator[]::new);
        return new BoundExpr((row, context) -> {
            long count = 0;
            for (Evaluator input : inputs) {
                if ((input.evaluate(row, context) == null) == nulls) {
                    count++;
                }
            }
            return count;
        }, DataType.INTEGER, Overload.foldable(arguments));
    }

    private static BoundExpr nullIf(List<BoundExpr> arguments) {
        if (arguments.size() != 2) {
            return null;
        }
        DataType common = TypeRules.concrete(TypeRules.commonType(arguments.get(0).type(), arguments.get(1).type(), "=", 0));
        Evaluator left = arguments.get(0).evaluator();
        Evaluator right = arguments.get(1).evaluator();
        DataType leftType = arguments.get(0).type();
        DataType rightType = arguments.get(1).type();
        return new BoundExpr((row, context) -> {
            Object a = left.evaluate(row, context);
            if (a == null) {
                return null;
            }
            Object b = right.evaluate(row, context);
            if (b == null) {
                return a;
            }
            Object ca = Casts.cast(a, leftType, common, Casts.Context.IMPLICIT, context.timeZone());
            Object cb = Casts.cast(b, rightType, common, Casts.Context.IMPLICIT, context.timeZone());
            return ValueOrder.equal(ca, cb) ? null : a;
        }, leftType.kind() == TypeKind.UNKNOWN ? common : leftType,
                Overload.foldable(arguments));
    }

    private static BoundExpr sessionFunction(String name, List<BoundExpr> arguments) {
        int expected = switch (name) {
            case "lastval" -> 0;
            case "setval" -> -1;
            default -> 1;
        };
        if (expected >= 0 && arguments.size() != expected
                || expected < 0 && (arguments.size() < 2 || arguments.size() > 3)) {
            return null;
        }
        List<Evaluator> evaluators = arguments.stream().map(BoundExpr::evaluator).toList();
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[evaluators.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = evaluators.get(i).evaluate(row, context);
                if (values[i] == null) {
                    return null;
                }
            }
            return context.callSessionFunction(name, values);
        }, DataType.BIGINT, false);
    }

    /** Functions whose arguments meet at one common type (COALESCE, GREATEST, LEAST). */
    private static BoundExpr variadicCommon(List<BoundExpr> arguments, String display, Function<Object[], Object> body,
                                            boolean lazy) {
        if (arguments.isEmpty()) {
            return null;
        }
        DataType common = arguments.get(0).type();
        for (BoundExpr argument : arguments.subList(1, arguments.size())) {
            common = TypeRules.commonType(common, argument.type(), display, 0);
        }
        DataType resultType = TypeRules.concrete(common);
        List<Evaluator> evaluators = arguments.stream().map(BoundExpr::evaluator).toList();
        List<DataType> types = arguments.stream().map(BoundExpr::type).toList();
        return new BoundExpr((row, context) -> {
            Object[] values = new Object[evaluators.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = evaluators.get(i).evaluate(row, context);
                values[i] = Casts.cast(value, types.get(i), resultType, Casts.Context.IMPLICIT, context.timeZone());
                if (lazy && values[i] != null) {
                    return values[i];
                }
            }
            return body.apply(values);
        }, resultType, Overload.foldable(arguments));
    }

    private static Object extreme(Object[] values, int sign) {
        Object best = null;
        for (Object value : values) {
            if (value != null && (best == null || ValueOrder.compare(value, best) * sign > 0)) {
                best = value;
            }
        }
        return best;
    }

    private static String versionOfEngine() {
        String version = SystemFunctions.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
