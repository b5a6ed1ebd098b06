package io.weftdb.pg.sql;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.util.List;

/** Short factories for the IR a test expects, so assertions compare whole records. */
final class ExpectedIr {
    private ExpectedIr() {
    }

    static Expr.ColumnRef column(int position, String... parts) {
        return new Expr.ColumnRef(QualifiedName.of(parts), position);
    }

    static Expr.Literal integer(long value, int position) {
        return new Expr.Literal(value, DataType.INTEGER, position);
    }

    static Expr.Literal bigint(long value, int position) {
        return new Expr.Literal(value, DataType.BIGINT, position);
    }

    static Expr.Literal numeric(String value, int position) {
        return new Expr.Literal(new BigDecimal(value), DataType.NUMERIC, position);
    }

    /** A quoted string: untyped until context gives it a type. */
    static Expr.Literal string(String value, int position) {
        return new Expr.Literal(value, DataType.UNKNOWN, position);
    }

    static Expr.Literal bool(boolean value, int position) {
        return new Expr.Literal(value, DataType.BOOLEAN, position);
    }

    static Expr.Parameter parameter(int index, int position) {
        return new Expr.Parameter(index, position);
    }

    /** A binary expression starting where its left operand starts. */
    static Expr.Binary binary(BinaryOperator operator, Expr left, Expr right) {
        return new Expr.Binary(operator, left, right, left.position());
    }

    static Expr.FunctionCall call(String name, int position, Expr... arguments) {
        return Expr.FunctionCall.of(name, List.of(arguments), position);
    }

    static Query.SelectItem item(Expr expression) {
        return new Query.SelectItem(expression, null);
    }

    static Query.SelectItem item(Expr expression, String alias) {
        return new Query.SelectItem(expression, alias);
    }

    static FromItem.TableRef table(String name, int position) {
        return new FromItem.TableRef(QualifiedName.of(name), null, List.of(), position);
    }

    static FromItem.TableRef table(String name, String alias, int position) {
        return new FromItem.TableRef(QualifiedName.of(name), alias, List.of(), position);
    }

    /** A SELECT with only a select list and a FROM clause; tests copy it with more clauses. */
    static Query.Select select(List<Query.SelectItem> items, List<FromItem> from) {
        return new Query.Select(List.of(), false, List.of(), items, from, null, List.of(), null, List.of(), null, null,
                Query.LockMode.NONE);
    }

    static Query.Select select(List<Query.SelectItem> items, List<FromItem> from, Expr where) {
        return new Query.Select(List.of(), false, List.of(), items, from, where, List.of(), null, List.of(), null,
                null, Query.LockMode.NONE);
    }
}
