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

    /** The value of a constant expression (one with {@code constant} set). */
    public Object constantValue() {
        if (!constant) {
            throw new IllegalStateException("not a constant expression");
        }
        return evaluator.evaluate(null, ConstantContext.INSTANCE);
    }

    public static BoundExpr constant(Object value, DataType type) {
        return new BoundExpr((row, context) -> value, type, true);
    }
}
