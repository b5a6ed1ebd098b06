package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import java.util.List;

/**
 * A callable SQL function: given its compiled arguments it checks them and returns the compiled
 * call, or null when these argument types do not match (the registry then reports 42883).
 */
@FunctionalInterface
public interface FunctionDefinition {
    BoundExpr bind(List<BoundExpr> arguments);
}
