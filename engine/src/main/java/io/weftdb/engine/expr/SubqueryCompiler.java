package io.weftdb.engine.expr;

import io.weftdb.ir.expr.Expr;

/**
 * Compiles the subquery expressions (EXISTS, IN, scalar, ANY/ALL over a query) met by an
 * {@link ExpressionCompiler}: planning the inner query is the query planner's job, so it provides
 * this. Contexts without one (CHECK constraints, column defaults) do not allow subqueries.
 */
public interface SubqueryCompiler {
    BoundExpr compile(Expr subquery, ExpressionCompiler outer);
}
