package io.weftdb.engine.catalog;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds an IR tree with some expressions replaced, walking any record generically. Used by DDL
 * (renaming a column inside stored CHECK and DEFAULT expressions), never per row.
 */
public final class IrRewriter {
    private IrRewriter() {
    }

    /** Applies {@code replace} to every expression bottom-up; it returns its argument to keep it. */
    @SuppressWarnings("unchecked")
    public static <T> T rewrite(T node, UnaryOperator<Expr> replace) {
        return (T) visit(node, replace);
    }

    /** Renames references to column {@code from} (unqualified or qualified) to {@code to}. */
    public static <T> T renameColumn(T node, String from, String to) {
        return rewrite(node, expr -> {
            if (expr instanceof Expr.ColumnRef ref && ref.name().name().equals(from)) {
                List<String> parts = new ArrayList<>(ref.name().parts());
                parts.set(parts.size() - 1, to);
                return new Expr.ColumnRef(new QualifiedName(parts), ref.position());
            }
            return expr;
        });
    }

    /** Whether the tree references column {@code name}. */
    public static boolean referencesColumn(Object node, String name) {
        boolean[] found = {false};
        rewrite(node, expr -> {
            if (expr instanceof Expr.ColumnRef ref && ref.name().name().equals(name)) {
                found[0] = true;
            }
            return expr;
        });
        return found[0];
    }

    private static Object visit(Object node, UnaryOperator<Expr> replace) {
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(visit(item, replace));
            }
            return List.copyOf(copy);
        }
        if (!(node instanceof Record record) || node instanceof QualifiedName) {
            return node;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = visit(components[i].getAccessor().invoke(record), replace);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            types[i] = components[i].getType();
        }
        Object rebuilt;
        try {
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            rebuilt = constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), e);
        }
        return rebuilt instanceof Expr expr ? replace.apply(expr) : rebuilt;
    }
}
