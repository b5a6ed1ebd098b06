package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.TypeRules;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The scalar function library, by lower-case name. Adding a function is one {@code register} call:
 * the binder finds it by name, the definition checks argument types and compiles the call.
 */
public final class FunctionRegistry {
    public static final FunctionRegistry DEFAULT = new FunctionRegistry();

    private final Map<String, FunctionDefinition> functions = new HashMap<>();

    private FunctionRegistry() {
        registerStrings();
        registerMath();
        registerSystem();
    }

    public void register(String name, FunctionDefinition definition) {
        functions.put(name, definition);
    }

    public BoundExpr bind(String name, List<BoundExpr> arguments, int position) {
        FunctionDefinition definition = functions.get(name);
        BoundExpr bound = definition == null ? null : definition.bind(arguments);
        if (bound == null) {
            StringBuilder signature = new StringBuilder(name).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                signature.append(i > 0 ? ", " : "").append(arguments.get(i).type().sqlName());
            }
            throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + signature + ") does not exist", position)
                    .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
        }
        return bound;
    }

    /** A strict function of one argument: NULL in, NULL out. */
    private static BoundExpr unary(BoundExpr argument, DataType result, Function<Object, Object> body) {
        Evaluator input = argument.evaluator();
        return new BoundExpr((row, context) -> {
            Object value = input.evaluate(row, context);
            return value == null ? null : body.apply(value);
        }, result, argument.constant());
    }

    private static boolean textLike(BoundExpr argument) {
        TypeKind kind = argument.type().kind();
        return kind.isString() || kind == TypeKind.UNKNOWN;
    }

    private static boolean allConstant(List<BoundExpr> arguments) {
        return arguments.stream().allMatch(BoundExpr::constant);
    }

    private void registerStrings() {
        register("lower", args -> args.size() == 1 && textLike(args.get(0))
                ? unary(args.get(0), DataType.TEXT, v -> ((String) v).toLowerCase(Locale.ROOT)) : null);
        register("upper", args -> args.size() == 1 && textLike(args.get(0))
                ? unary(args.get(0), DataType.TEXT, v -> ((String) v).toUpperCase(Locale.ROOT)) : null);
        FunctionDefinition length = args -> {
            if (args.size() != 1) {
                return null;
            }
            if (args.get(0).type().kind() == TypeKind.BYTEA) {
                return unary(args.get(0), DataType.INTEGER, v -> (long) ((io.weftdb.ir.type.Bytes) v).length());
            }
            return textLike(args.get(0)) ? unary(args.get(0), DataType.INTEGER, v -> {
                String s = (String) v;
                return (long) s.codePointCount(0, s.length());
            }) : null;
        };
        register("length", length);
        register("char_length", length);
        register("character_length", length);
        register("octet_length", args -> args.size() == 1 && textLike(args.get(0))
                ? unary(args.get(0), DataType.INTEGER, v -> (long) ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                : null);
        register("concat", args -> {
            List<Evaluator> parts = args.stream().map(BoundExpr::evaluator).toList();
            List<DataType> types = args.stream().map(BoundExpr::type).toList();
            return new BoundExpr((row, context) -> {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < parts.size(); i++) {
                    Object value = parts.get(i).evaluate(row, context);
                    if (value != null) {
                        out.append(TextFormat.format(value, types.get(i), context.timeZone()));
                    }
                }
                return out.toString();
            }, DataType.TEXT, allConstant(args));
        });
    }

    private void registerMath() {
        register("abs", args -> {
            if (args.size() != 1) {
                return null;
            }
            DataType type = TypeRules.generic(args.get(0).type());
            return switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT -> unary(args.get(0), type, v -> {
                    long l = (Long) v;
                    if (l == Long.MIN_VALUE) {
                        throw Casts.outOfRange(type);
                    }
                    return Casts.checkRange(Math.abs(l), type);
                });
                case REAL, DOUBLE -> unary(args.get(0), type, v -> Math.abs((Double) v));
                case NUMERIC -> unary(args.get(0), type, v -> ((BigDecimal) v).abs());
                default -> null;
            };
        });
        register("round", args -> {
            if (args.isEmpty() || args.size() > 2) {
                return null;
            }
            BoundExpr value = args.get(0);
            if (args.size() == 1 && value.type().kind().isFloat()) {
                return unary(value, DataType.DOUBLE, v -> (double) Math.round((Double) v));
            }
            if (!value.type().kind().isNumeric() && value.type().kind() != TypeKind.UNKNOWN) {
                return null;
            }
            Evaluator input = value.evaluator();
            DataType inputType = value.type();
            Evaluator digits = args.size() == 2 ? args.get(1).evaluator() : (row, context) -> 0L;
            return new BoundExpr((row, context) -> {
                Object v = input.evaluate(row, context);
                Object d = digits.evaluate(row, context);
                if (v == null || d == null) {
                    return null;
                }
                BigDecimal number = (BigDecimal) Casts.cast(v, inputType, DataType.NUMERIC, Casts.Context.IMPLICIT,
                        context.timeZone());
                return number.setScale((int) (long) (Long) d, RoundingMode.HALF_UP);
            }, DataType.NUMERIC, allConstant(args));
        });
    }

    private void registerSystem() {
        register("version", args -> args.isEmpty()
                ? BoundExpr.constant("PostgreSQL 16.0 (WeftDB " + versionOfEngine() + ")", DataType.TEXT) : null);
        register("gen_random_uuid", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> UUID.randomUUID(), DataType.UUID, false) : null);
        register("now", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> context.transactionTimestamp(), DataType.TIMESTAMPTZ, false) : null);
        register("transaction_timestamp", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> context.transactionTimestamp(), DataType.TIMESTAMPTZ, false) : null);
        register("statement_timestamp", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> context.statementTimestamp(), DataType.TIMESTAMPTZ, false) : null);
        register("current_database", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> context.currentDatabase(), DataType.TEXT, false) : null);
        register("current_schema", args -> args.isEmpty()
                ? new BoundExpr((row, context) -> context.currentSchema(), DataType.TEXT, false) : null);
        register("pg_typeof", args -> args.size() == 1
                ? BoundExpr.constant(args.get(0).type().sqlName(), DataType.TEXT) : null);
        register("coalesce", args -> variadicCommon(args, "COALESCE", values -> {
            for (Object value : values) {
                if (value != null) {
                    return value;
                }
            }
            return null;
        }, true));
        register("greatest", args -> variadicCommon(args, "GREATEST", values -> extreme(values, 1), false));
        register("least", args -> variadicCommon(args, "LEAST", values -> extreme(values, -1), false));
        register("nullif", args -> {
            if (args.size() != 2) {
                return null;
            }
            DataType common = TypeRules.concrete(TypeRules.commonType(args.get(0).type(), args.get(1).type(), "=", 0));
            Evaluator left = args.get(0).evaluator();
            Evaluator right = args.get(1).evaluator();
            DataType leftType = args.get(0).type();
            DataType rightType = args.get(1).type();
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
            }, leftType.kind() == TypeKind.UNKNOWN ? common : leftType, allConstant(args));
        });
        for (String name : List.of("nextval", "currval", "setval", "lastval")) {
            register(name, args -> sessionFunction(name, args));
        }
    }

    private static BoundExpr sessionFunction(String name, List<BoundExpr> args) {
        int expected = switch (name) {
            case "lastval" -> 0;
            case "setval" -> -1;
            default -> 1;
        };
        if (expected >= 0 && args.size() != expected || expected < 0 && (args.size() < 2 || args.size() > 3)) {
            return null;
        }
        List<Evaluator> evaluators = args.stream().map(BoundExpr::evaluator).toList();
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
    private static BoundExpr variadicCommon(List<BoundExpr> args, String display, Function<Object[], Object> body,
                                            boolean lazy) {
        if (args.isEmpty()) {
            return null;
        }
        DataType common = args.get(0).type();
        for (BoundExpr arg : args.subList(1, args.size())) {
            common = TypeRules.commonType(common, arg.type(), display, 0);
        }
        DataType resultType = common.kind() == TypeKind.UNKNOWN ? DataType.TEXT : common;
        List<Evaluator> evaluators = args.stream().map(BoundExpr::evaluator).toList();
        List<DataType> types = args.stream().map(BoundExpr::type).toList();
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
        }, resultType, allConstant(args));
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
        String version = FunctionRegistry.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
