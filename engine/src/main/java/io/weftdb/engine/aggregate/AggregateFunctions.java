package io.weftdb.engine.aggregate;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The built-in aggregates and PostgreSQL's choice of result type for each argument type. */
public final class AggregateFunctions {
    private static final Set<String> NAMES = Set.of("count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every",
            "string_agg", "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg");

    private AggregateFunctions() {
    }

    public static boolean isAggregate(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Resolves {@code name} for arguments of {@code types}; {@code star} is count(*). Unsupported
     * argument types raise 42883 as PostgreSQL does when no aggregate signature matches.
     */
    public static AggregateFunction resolve(String name, List<DataType> types, boolean star, int position) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (star) {
            if (!lower.equals("count")) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, lower + "(*) specified, but " + lower
                        + " is not an aggregate function", position);
            }
            return new AggregateFunction(lower, List.of(), DataType.BIGINT, CountAccumulator::new);
        }
        if (lower.equals("string_agg")) {
            if (types.size() == 2 && isText(types.get(0)) && isText(types.get(1))) {
                return new AggregateFunction(lower, List.of(DataType.TEXT, DataType.TEXT), DataType.TEXT,
                        StringAggAccumulator::new);
            }
            throw undefined(lower, types, position);
        }
        if (lower.equals("json_object_agg") || lower.equals("jsonb_object_agg")) {
            // The planner passes the key as text and the value already turned into json text.
            if (types.size() != 2) {
                throw undefined(lower, types, position);
            }
            boolean binary = lower.startsWith("jsonb");
            return new AggregateFunction(lower, List.of(DataType.TEXT, DataType.JSON), binary ? DataType.JSONB : DataType.JSON,
                    () -> new JsonObjectAggAccumulator(binary), true);
        }
        if (types.size() != 1) {
            throw undefined(lower, types, position);
        }
        DataType type = types.get(0);
        TypeKind kind = type.kind();
        return switch (lower) {
            case "count" -> new AggregateFunction(lower, List.of(type), DataType.BIGINT, CountAccumulator::new);
            case "sum" -> sum(type, position);
            case "avg" -> average(type, position);
            case "min", "max" -> {
                DataType argument = kind == TypeKind.UNKNOWN ? DataType.TEXT : type;
                if (kind == TypeKind.JSON || kind == TypeKind.ARRAY) {
                    throw undefined(lower, types, position);
                }
                boolean max = lower.equals("max");
                yield new AggregateFunction(lower, List.of(argument), argument, () -> new ExtremeAccumulator(max));
            }
            case "array_agg" -> {
                if (kind == TypeKind.ARRAY) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "array_agg of arrays is not supported", position);
                }
                DataType element = kind == TypeKind.UNKNOWN ? DataType.TEXT : type;
                yield new AggregateFunction(lower, List.of(element), DataType.arrayOf(element), ArrayAggAccumulator::new, true);
            }
            case "json_agg", "jsonb_agg" -> {
                // The planner passes each value already turned into json text (to_json).
                boolean binary = lower.equals("jsonb_agg");
                yield new AggregateFunction(lower, List.of(DataType.JSON), binary ? DataType.JSONB : DataType.JSON,
                        () -> new JsonAggAccumulator(binary), true);
            }
            case "bool_and", "bool_or", "every" -> {
                if (kind != TypeKind.BOOLEAN && kind != TypeKind.UNKNOWN) {
                    throw undefined(lower, types, position);
                }
                boolean and = !lower.equals("bool_or");
                yield new AggregateFunction(lower, List.of(DataType.BOOLEAN), DataType.BOOLEAN,
                        () -> new BooleanAccumulator(and));
            }
            default -> throw undefined(lower, types, position);
        };
    }

    private static AggregateFunction sum(DataType type, int position) {
        return switch (type.kind()) {
            // int2/int4 sums are accumulated in int8, so they cannot overflow in practice; int8 sums need numeric.
            case SMALLINT, INTEGER -> new AggregateFunction("sum", List.of(type), DataType.BIGINT, IntegerSumAccumulator::new);
            case BIGINT, NUMERIC -> new AggregateFunction("sum", List.of(type), DataType.NUMERIC, NumericSumAccumulator::new);
            case REAL -> new AggregateFunction("sum", List.of(type), DataType.REAL, () -> new FloatSumAccumulator(true));
            case DOUBLE -> new AggregateFunction("sum", List.of(type), DataType.DOUBLE, () -> new FloatSumAccumulator(false));
            default -> throw undefined("sum", List.of(type), position);
        };
    }

    private static AggregateFunction average(DataType type, int position) {
        TypeKind kind = type.kind();
        if (kind.isInteger() || kind == TypeKind.NUMERIC) {
            return new AggregateFunction("avg", List.of(type), DataType.NUMERIC, NumericAverageAccumulator::new);
        }
        if (kind.isFloat()) {
            return new AggregateFunction("avg", List.of(type), DataType.DOUBLE, FloatAverageAccumulator::new);
        }
        throw undefined("avg", List.of(type), position);
    }

    private static boolean isText(DataType type) {
        return type.kind().isString() || type.kind() == TypeKind.UNKNOWN;
    }

    private static SqlException undefined(String name, List<DataType> types, int position) {
        String signature = types.stream().map(DataType::sqlName).collect(Collectors.joining(", "));
        return new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + signature + ") does not exist",
                position).withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
