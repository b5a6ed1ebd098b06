package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scalar function and operator library, by lower-case name or operator symbol. Each family
 * ({@link StringFunctions}, {@link MathFunctions}...) registers itself here; the binder finds a
 * function by name, and the expression compiler asks {@link #bindOperator} before its built-in
 * arithmetic, so an operator on json, arrays or intervals is one registration too.
 */
public final class FunctionRegistry {
    public static final FunctionRegistry DEFAULT = new FunctionRegistry();

    private final Map<String, List<FunctionDefinition>> functions = new HashMap<>();
    private final Map<String, List<FunctionDefinition>> operators = new HashMap<>();
    private final java.util.Set<String> volatileNames = new java.util.HashSet<>();

    private FunctionRegistry() {
        StringFunctions.registerInto(this);
        ByteaFunctions.registerInto(this);
        RegexFunctions.registerInto(this);
        MathFunctions.registerInto(this);
        DateTimeFunctions.registerInto(this);
        JsonFunctions.registerInto(this);
        ArrayFunctions.registerInto(this);
        SystemFunctions.registerInto(this);
        CatalogFunctions.registerInto(this);
    }

    /** Adds a definition; several for one name are tried in order until one accepts the arguments. */
    public void register(String name, FunctionDefinition definition) {
        functions.computeIfAbsent(name, key -> new ArrayList<>()).add(definition);
    }

    /** Registers overloads resolved together by PostgreSQL's rules (see {@link Overload#resolve}). */
    public void register(String name, Overload... overloads) {
        register(name, new OverloadGroup(List.of(overloads)));
        for (Overload overload : overloads) {
            if (overload.isVolatile()) {
                volatileNames.add(name);
            }
        }
    }

    /** A function whose value differs from call to call (nextval): never folded, moved or duplicated. */
    public void registerVolatile(String name, FunctionDefinition definition) {
        register(name, definition);
        volatileNames.add(name);
    }

    /**
     * Whether some form of the function gives a different value on each call (random, nextval,
     * clock_timestamp): a condition calling it cannot be moved where it would run a different
     * number of times.
     */
    public boolean isVolatile(String name) {
        return volatileNames.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Overloads registered together; unlike other definitions, it can say which types it gives its arguments. */
    private record OverloadGroup(List<Overload> candidates) implements FunctionDefinition {
        @Override
        public BoundExpr bind(List<BoundExpr> arguments) {
            return Overload.resolve(candidates, arguments);
        }
    }

    /** Adds a binary operator; its definition returns null for operand types it does not take. */
    public void registerOperator(String symbol, FunctionDefinition definition) {
        operators.computeIfAbsent(symbol, key -> new ArrayList<>()).add(definition);
    }

    public void registerOperator(String symbol, Overload... overloads) {
        List<Overload> candidates = List.of(overloads);
        registerOperator(symbol, arguments -> Overload.resolveOperator(candidates, arguments));
    }

    public BoundExpr bind(String name, List<BoundExpr> arguments, int position) {
        BoundExpr bound = first(functions.get(name), arguments);
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

    /**
     * The types the function that binds these arguments takes for them, so an untyped parameter
     * can be given its type ({@code lower($1)}: text); null when that function takes any type.
     */
    public List<DataType> argumentTypes(String name, List<BoundExpr> arguments) {
        List<FunctionDefinition> definitions = functions.get(name);
        if (definitions == null) {
            return null;
        }
        for (FunctionDefinition definition : definitions) {
            if (definition.bind(arguments) != null) {
                return definition instanceof OverloadGroup group
                        ? Overload.chosenParameterTypes(group.candidates(), arguments) : null;
            }
        }
        return null;
    }

    /** The library's binding of {@code left symbol right}, or null to leave it to the built-in operators. */
    public BoundExpr bindOperator(String symbol, BoundExpr left, BoundExpr right) {
        if (left.type().kind() == TypeKind.UNKNOWN && right.type().kind() == TypeKind.UNKNOWN) {
            // Two untyped operands say nothing about which library operator is meant.
            return null;
        }
        return first(operators.get(symbol), List.of(left, right));
    }

    private static BoundExpr first(List<FunctionDefinition> definitions, List<BoundExpr> arguments) {
        if (definitions == null) {
            return null;
        }
        for (FunctionDefinition definition : definitions) {
            BoundExpr bound = definition.bind(arguments);
            if (bound != null) {
                return bound;
            }
        }
        return null;
    }
}
