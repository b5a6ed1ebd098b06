package io.weftdb.engine.expr;

import io.weftdb.ir.type.DataType;

/**
 * A compiled expression with its result type. {@code constant} means it reads no column, no
 * parameter and nothing volatile, so it can be folded or evaluated once.
 */
public record BoundExpr(Evaluator evaluator, DataType type, boolean constant) {
    public Object evaluate(Object[] row, EvaluationContext context) {
        return evaluator.evaluate(row, context);
    }

    public static BoundExpr constant(Object value, DataType type) {
        return new BoundExpr((row, context) -> value, type, true);
    }
}
