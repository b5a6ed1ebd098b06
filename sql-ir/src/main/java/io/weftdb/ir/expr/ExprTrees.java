package io.weftdb.ir.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Walking and rewriting IR expression trees. Subqueries are not entered: their expressions belong to
 * another query level. Window PARTITION BY and ORDER BY expressions are entered.
 */
public final class ExprTrees {
    private ExprTrees() {
    }

    /**
     * Rewrites top-down: where {@code replacement} returns non-null that subtree is replaced (and not
     * entered), elsewhere the children are rewritten.
     */
    public static Expr rewrite(Expr expr, Function<Expr, Expr> replacement) {
        if (expr == null) {
            return null;
        }
        Expr replaced = replacement.apply(expr);
        if (replaced != null) {
            return replaced;
        }
        return rebuild(expr, child -> rewrite(child, replacement), expr.position());
    }

    /** The same tree with every position zeroed, so two spellings of one expression compare equal. */
    public static Expr withoutPositions(Expr expr) {
        return expr == null ? null : rebuild(expr, ExprTrees::withoutPositions, 0);
    }

    /** The first node, in pre-order, that matches; null when none does. */
    public static Expr find(Expr expr, Predicate<Expr> test) {
        if (expr == null) {
            return null;
        }
        if (test.test(expr)) {
            return expr;
        }
        List<Expr> found = new ArrayList<>(1);
        rebuild(expr, child -> {
            if (found.isEmpty()) {
                Expr match = find(child, test);
                if (match != null) {
                    found.add(match);
                }
            }
            return child;
        }, expr.position());
        return found.isEmpty() ? null : found.get(0);
    }

    /** A copy of {@code expr} with each direct child mapped and the given position. */
    private static Expr rebuild(Expr expr, UnaryOperator<Expr> children, int p) {
        UnaryOperator<Expr> c = child -> child == null ? null : children.apply(child);
        return switch (expr) {
            case Expr.Literal e -> new Expr.Literal(e.value(), e.type(), p);
            case Expr.ColumnRef e -> new Expr.ColumnRef(e.name(), p);
            case Expr.Parameter e -> new Expr.Parameter(e.index(), p);
            case Expr.Star e -> new Expr.Star(e.qualifier(), p);
            case Expr.Unary e -> new Expr.Unary(e.operator(), c.apply(e.operand()), p);
            case Expr.Binary e -> new Expr.Binary(e.operator(), c.apply(e.left()), c.apply(e.right()), p);
            case Expr.IsPredicate e -> new Expr.IsPredicate(c.apply(e.operand()), e.test(), e.negated(), p);
            case Expr.IsDistinctFrom e -> new Expr.IsDistinctFrom(c.apply(e.left()), c.apply(e.right()), e.negated(), p);
            case Expr.Between e -> new Expr.Between(c.apply(e.operand()), c.apply(e.low()), c.apply(e.high()),
                    e.negated(), e.symmetric(), p);
            case Expr.InList e -> new Expr.InList(c.apply(e.operand()), map(e.values(), c), e.negated(), p);
            case Expr.InSubquery e -> new Expr.InSubquery(c.apply(e.operand()), e.query(), e.negated(), p);
            case Expr.Exists e -> new Expr.Exists(e.query(), p);
            case Expr.ScalarSubquery e -> new Expr.ScalarSubquery(e.query(), p);
            case Expr.Quantified e -> new Expr.Quantified(e.operator(), c.apply(e.left()), e.quantifier(),
                    c.apply(e.array()), e.query(), p);
            case Expr.Like e -> new Expr.Like(c.apply(e.operand()), c.apply(e.pattern()), c.apply(e.escape()), e.kind(),
                    e.negated(), p);
            case Expr.Case e -> new Expr.Case(c.apply(e.operand()), e.whens().stream()
                    .map(when -> new Expr.WhenClause(c.apply(when.condition()), c.apply(when.result()))).toList(),
                    c.apply(e.elseResult()), p);
            case Expr.Cast e -> new Expr.Cast(c.apply(e.operand()), e.type(), p);
            case Expr.FunctionCall e -> new Expr.FunctionCall(e.name(), map(e.arguments(), c), e.distinct(),
                    e.starArgument(), c.apply(e.filter()), e.orderBy().stream()
                    .map(item -> new SortItem(c.apply(item.expression()), item.descending(), item.nullsFirst())).toList(),
                    window(e.over(), c), p);
            case Expr.ArrayConstructor e -> new Expr.ArrayConstructor(map(e.elements(), c), p);
            case Expr.Subscript e -> new Expr.Subscript(c.apply(e.array()), c.apply(e.index()), p);
            case Expr.SpecialValue e -> new Expr.SpecialValue(e.kind(), p);
            case Expr.DefaultValue e -> new Expr.DefaultValue(p);
            case Expr.RowConstructor e -> new Expr.RowConstructor(map(e.fields(), c), p);
            case Expr.FieldSelection e -> new Expr.FieldSelection(c.apply(e.value()), e.field(), p);
        };
    }

    /** A window's PARTITION BY and ORDER BY mapped; its frame offsets are constants and stay. */
    private static Expr.WindowSpec window(Expr.WindowSpec spec, UnaryOperator<Expr> c) {
        return spec == null ? null : new Expr.WindowSpec(map(spec.partitionBy(), c), spec.orderBy().stream()
                .map(item -> new SortItem(c.apply(item.expression()), item.descending(), item.nullsFirst())).toList(),
                spec.frame());
    }

    private static List<Expr> map(List<Expr> exprs, UnaryOperator<Expr> mapper) {
        List<Expr> mapped = new ArrayList<>(exprs.size());
        for (Expr expr : exprs) {
            mapped.add(mapper.apply(expr));
        }
        return mapped;
    }

    /** Whether the tree references column {@code name} (qualified or not). */
    public static boolean referencesColumn(Expr expr, String name) {
        return find(expr, node -> node instanceof Expr.ColumnRef ref && ref.name().name().equals(name)) != null;
    }

    /** The tree with references to column {@code from} renamed to {@code to}. */
    public static Expr renameColumn(Expr expr, String from, String to) {
        return rewrite(expr, node -> {
            if (node instanceof Expr.ColumnRef ref && ref.name().name().equals(from)) {
                List<String> parts = new ArrayList<>(ref.name().parts());
                parts.set(parts.size() - 1, to);
                return new Expr.ColumnRef(new io.weftdb.ir.QualifiedName(parts), ref.position());
            }
            return null;
        });
    }
}
