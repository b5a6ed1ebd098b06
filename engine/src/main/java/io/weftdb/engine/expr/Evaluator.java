package io.weftdb.engine.expr;

/**
 * A compiled scalar expression: evaluated once per row, so it holds resolved column positions and
 * pre-chosen operations instead of walking the IR.
 */
@FunctionalInterface
public interface Evaluator {
    Object evaluate(Object[] row, EvaluationContext context);
}
