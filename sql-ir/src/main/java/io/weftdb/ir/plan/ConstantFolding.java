package io.weftdb.ir.plan;

import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds what a condition decides without reading a row: AND, OR and NOT over TRUE, FALSE and NULL
 * literals, and comparisons of two integer literals ({@code WHERE 1 = 0}, which tools send to learn a
 * query's columns). Only folds whose result does not depend on the dialect: other constant
 * expressions are left to the expression compiler.
 */
public final class ConstantFolding {
    private ConstantFolding() {
    }

    /**
     * The conjuncts with each folded: TRUE ones dropped, and when one is FALSE or NULL (no row can
     * pass) that one alone.
     */
    public static List<Expr> conjuncts(List<Expr> conjuncts) {
        List<Expr> kept = new ArrayList<>(conjuncts.size());
        for (Expr conjunct : conjuncts) {
            Expr folded = condition(conjunct);
            if (isTrue(folded)) {
                continue;
            }
            if (rejectsAll(folded)) {
                return List.of(folded);
            }
            kept.add(folded);
        }
        return kept;
    }

    /** Whether the condition is a FALSE or NULL literal: no row satisfies it. */
    public static boolean rejectsAll(Expr condition) {
        return condition instanceof Expr.Literal literal
                && (literal.value() == null || Boolean.FALSE.equals(literal.value()) && literal.type() == DataType.BOOLEAN);
    }

    /** The condition with its constant parts folded. */
    public static Expr condition(Expr expr) {
        return switch (expr) {
            case Expr.Binary binary when binary.operator() == BinaryOperator.AND -> and(binary);
            case Expr.Binary binary when binary.operator() == BinaryOperator.OR -> or(binary);
            case Expr.Binary binary when binary.operator().isComparison() -> compare(binary);
            case Expr.Unary unary when unary.operator() == UnaryOperator.NOT -> not(unary);
            default -> expr;
        };
    }

    private static Expr and(Expr.Binary binary) {
        Expr left = condition(binary.left());
        Expr right = condition(binary.right());
        if (isFalse(left) || isFalse(right)) {
            return bool(false, binary.position());
        }
        if (isTrue(left)) {
            return right;
        }
        if (isTrue(right)) {
            return left;
        }
        return left == binary.left() && right == binary.right() ? binary
                : new Expr.Binary(BinaryOperator.AND, left, right, binary.position());
    }

    private static Expr or(Expr.Binary binary) {
        Expr left = condition(binary.left());
        Expr right = condition(binary.right());
        if (isTrue(left) || isTrue(right)) {
            return bool(true, binary.position());
        }
        if (isFalse(left)) {
            return right;
        }
        if (isFalse(right)) {
            return left;
        }
        return left == binary.left() && right == binary.right() ? binary
                : new Expr.Binary(BinaryOperator.OR, left, right, binary.position());
    }

    private static Expr not(Expr.Unary unary) {
        Expr operand = condition(unary.operand());
        if (isTrue(operand) || isFalse(operand)) {
            return bool(isFalse(operand), unary.position());
        }
        return operand == unary.operand() ? unary : new Expr.Unary(UnaryOperator.NOT, operand, unary.position());
    }

    private static Expr compare(Expr.Binary binary) {
        if (!(binary.left() instanceof Expr.Literal left && integral(left.value()))
                || !(binary.right() instanceof Expr.Literal right && integral(right.value()))) {
            return binary;
        }
        int order = Long.compare(((Number) left.value()).longValue(), ((Number) right.value()).longValue());
        boolean result = switch (binary.operator()) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case LESS_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_EQUAL -> order >= 0;
            default -> throw new IllegalStateException("not a comparison: " + binary.operator());
        };
        return bool(result, binary.position());
    }

    private static boolean integral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short;
    }

    private static boolean isTrue(Expr expr) {
        return expr instanceof Expr.Literal literal && Boolean.TRUE.equals(literal.value()) && literal.type() == DataType.BOOLEAN;
    }

    private static boolean isFalse(Expr expr) {
        return expr instanceof Expr.Literal literal && Boolean.FALSE.equals(literal.value()) && literal.type() == DataType.BOOLEAN;
    }

    private static Expr bool(boolean value, int position) {
        return new Expr.Literal(value, DataType.BOOLEAN, position);
    }
}
