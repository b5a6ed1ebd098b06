package io.weftdb.engine.table;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;

/** Column defaults: compiled once per statement, evaluated per row (nextval defaults differ per row). */
public final class DefaultValues {
    private DefaultValues() {
    }

    /** The compiled default of a column, converted to its type; a NULL constant when it has none. */
    public static BoundExpr compile(ColumnDef column) {
        if (column.defaultValue() == null) {
            return BoundExpr.constant(null, column.type());
        }
        ExpressionCompiler compiler = new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none());
        return compiler.compileAssigned(column.defaultValue(), column.type(), column.name());
    }

    public static Object evaluate(ColumnDef column, ExecutionEnvironment environment) {
        return compile(column).evaluate(null, environment.context());
    }
}
