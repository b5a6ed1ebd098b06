package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the index a single-table scan reads from the WHERE conjuncts: the index with the longest
 * prefix of columns fixed by {@code column = value}, then a range on the next column. The WHERE
 * clause is still applied to every row read, so the range only has to include all matches.
 */
public final class AccessPathSelector {
    private AccessPathSelector() {
    }

    /** A usable comparison {@code column op value} with the value compiled to the column's type. */
    private record Bound(int position, BinaryOperator operator, BoundExpr value) {}

    public static KeyRange choose(TableDef table, Scope scope, List<Expr> conjuncts, ExpressionCompiler compiler) {
        List<Bound> bounds = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            collect(conjunct, table, scope, compiler, bounds);
        }
        KeyRange best = KeyRange.full(table.primaryIndex());
        int bestScore = 0;
        for (IndexDef index : table.indexes()) {
            int[] positions = table.keyPositions(index);
            List<BoundExpr> equalities = new ArrayList<>();
            for (int position : positions) {
                Bound equal = find(bounds, position, BinaryOperator.EQUAL);
                if (equal == null) {
                    break;
                }
                equalities.add(equal.value());
            }
            BoundExpr lower = null;
            BoundExpr upper = null;
            boolean lowerInclusive = false;
            boolean upperInclusive = false;
            if (equalities.size() < positions.length && !index.descending().get(equalities.size())) {
                int next = positions[equalities.size()];
                for (Bound bound : bounds) {
                    if (bound.position() != next) {
                        continue;
                    }
                    switch (bound.operator()) {
                        case GREATER, GREATER_EQUAL -> {
                            lower = bound.value();
                            lowerInclusive = bound.operator() == BinaryOperator.GREATER_EQUAL;
                        }
                        case LESS, LESS_EQUAL -> {
                            upper = bound.value();
                            upperInclusive = bound.operator() == BinaryOperator.LESS_EQUAL;
                        }
                        default -> {
                        }
                    }
                }
            }
            int score = equalities.size() * 4 + (lower != null ? 1 : 0) + (upper != null ? 1 : 0)
                    + (index.unique() && equalities.size() == positions.length ? 2 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = new KeyRange(index, equalities, lower, lowerInclusive, upper, upperInclusive);
            }
        }
        return best;
    }

    private static Bound find(List<Bound> bounds, int position, BinaryOperator operator) {
        for (Bound bound : bounds) {
            if (bound.position() == position && bound.operator() == operator) {
                return bound;
            }
        }
        return null;
    }

    private static void collect(Expr conjunct, TableDef table, Scope scope, ExpressionCompiler compiler, List<Bound> out) {
        if (conjunct instanceof Expr.Between between && !between.negated() && !between.symmetric()) {
            collect(new Expr.Binary(BinaryOperator.GREATER_EQUAL, between.operand(), between.low(), between.position()),
                    table, scope, compiler, out);
            collect(new Expr.Binary(BinaryOperator.LESS_EQUAL, between.operand(), between.high(), between.position()),
                    table, scope, compiler, out);
            return;
        }
        if (!(conjunct instanceof Expr.Binary binary) || !binary.operator().isComparison()
                || binary.operator() == BinaryOperator.NOT_EQUAL) {
            return;
        }
        if (binary.left() instanceof Expr.ColumnRef column && isRowIndependent(binary.right())) {
            addBound(column, binary.operator(), binary.right(), table, scope, compiler, out);
        } else if (binary.right() instanceof Expr.ColumnRef column && isRowIndependent(binary.left())) {
            addBound(column, binary.operator().flip(), binary.left(), table, scope, compiler, out);
        }
    }

    private static void addBound(Expr.ColumnRef column, BinaryOperator operator, Expr value, TableDef table, Scope scope,
                                 ExpressionCompiler compiler, List<Bound> out) {
        int position = scope.resolve(column.name(), column.position());
        DataType columnType = table.columns().get(position).type();
        BoundExpr bound = compiler.withScope(Scope.EMPTY).compile(value);
        if (value instanceof Expr.Parameter parameter) {
            compiler.parameters().infer(parameter.index(), columnType);
            bound = new BoundExpr(bound.evaluator(), compiler.parameters().get(parameter.index()), false);
        }
        BoundExpr keyValue = keyValue(bound, columnType);
        if (keyValue != null) {
            out.add(new Bound(position, operator, keyValue));
        }
    }

    /**
     * {@code value} as a key value of a column of {@code columnType}, or null when comparing them
     * does not follow the key order (the index then cannot narrow the scan).
     */
    static BoundExpr keyValue(BoundExpr value, DataType columnType) {
        TypeKind valueKind = value.type().kind();
        TypeKind columnKind = columnType.kind();
        boolean sameOrder = valueKind == columnKind
                || valueKind == TypeKind.UNKNOWN
                || (valueKind.isInteger() && columnKind.isInteger())
                || ((columnKind == TypeKind.TEXT || columnKind == TypeKind.VARCHAR)
                    && (valueKind == TypeKind.TEXT || valueKind == TypeKind.VARCHAR));
        if (!sameOrder) {
            return null;
        }
        return valueKind.isInteger() && columnKind.isInteger() ? value
                : ExpressionCompiler.cast(value, keyType(columnType), Casts.Context.IMPLICIT);
    }

    /** Whether the expression reads nothing from the row and nothing volatile. */
    static boolean isRowIndependent(Expr expr) {
        return switch (expr) {
            case Expr.Literal literal -> true;
            case Expr.Parameter parameter -> true;
            case Expr.Cast cast -> isRowIndependent(cast.operand());
            case Expr.Unary unary -> isRowIndependent(unary.operand());
            case Expr.Binary binary -> isRowIndependent(binary.left()) && isRowIndependent(binary.right());
            case Expr.SpecialValue special -> true;
            default -> false;
        };
    }

    /** Keys hold values of the column's unconstrained type (varchar(10) keys are plain strings; char(n) stays padded). */
    private static DataType keyType(DataType type) {
        return type.kind() == TypeKind.CHAR ? type : io.weftdb.engine.expr.TypeRules.generic(type);
    }
}
