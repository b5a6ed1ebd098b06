package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column names one SELECT reads from the tables of its FROM list, found in its text, so table
 * scans decode only those columns (projection pushdown): {@code SELECT count(*) FROM t} decodes
 * none, {@code SELECT sum(b) FROM t WHERE a > 0} two. When the text cannot tell (a star, a
 * subquery or LATERAL item that may read any column, a whole-row reference, renamed columns),
 * every column is read. Names are compared without case: reading a column too many is harmless.
 */
final class ColumnsRead {
    /** Every column of every table. */
    static final ColumnsRead ALL = new ColumnsRead(null);

    /** Lower-cased names read, or null for all. */
    private final Set<String> names;

    private ColumnsRead(Set<String> names) {
        this.names = names;
    }

    static ColumnsRead of(Query.Select select) {
        List<Expr> expressions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Query.SelectItem item : select.items()) {
            expressions.add(item.expression());
        }
        expressions.addAll(select.distinctOn());
        expressions.add(select.where());
        expressions.addAll(select.groupBy());
        select.groupingSets().forEach(expressions::addAll);
        expressions.add(select.having());
        for (SortItem item : select.orderBy()) {
            expressions.add(item.expression());
        }
        for (FromItem item : select.from()) {
            if (!collect(item, expressions, names)) {
                return ALL;
            }
        }
        for (Expr expression : expressions) {
            if (expression == null) {
                continue;
            }
            if (ExprTrees.find(expression, ColumnsRead::hidesColumns) != null) {
                return ALL;
            }
            ExprTrees.find(expression, node -> {
                if (node instanceof Expr.ColumnRef reference) {
                    names.add(reference.name().name().toLowerCase(Locale.ROOT));
                }
                return false;
            });
        }
        return new ColumnsRead(names);
    }

    /** Adds a FROM item's expressions and USING names; false when the item may read columns unseen. */
    private static boolean collect(FromItem item, List<Expr> expressions, Set<String> names) {
        return switch (item) {
            case FromItem.TableRef ref -> ref.columnAliases().isEmpty();
            case FromItem.DerivedTable derived -> !derived.lateral();
            case FromItem.FunctionTable function -> {
                expressions.add(function.call());
                yield true;
            }
            case FromItem.Join join -> {
                if (join.natural()) {
                    yield false;
                }
                expressions.add(join.condition());
                join.using().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
                yield collect(join.left(), expressions, names) && collect(join.right(), expressions, names);
            }
        };
    }

    /** Whether an expression node may read columns its text does not name. */
    static boolean hidesColumns(Expr node) {
        return node instanceof Expr.ScalarSubquery || node instanceof Expr.Exists || node instanceof Expr.InSubquery
                || node instanceof Expr.Quantified quantified && quantified.query() != null || node instanceof Expr.Star;
    }

    /**
     * Which of {@code table}'s columns to decode when it is scanned as {@code alias}: null for all
     * (also when the table itself is named as a value, a whole-row reference).
     */
    boolean[] columnsOf(TableDef table, String alias) {
        if (names == null || names.contains(alias.toLowerCase(Locale.ROOT))
                || names.contains(table.name().toLowerCase(Locale.ROOT))) {
            return null;
        }
        List<ColumnDef> columns = table.columns();
        boolean[] read = new boolean[columns.size()];
        boolean all = true;
        for (int i = 0; i < read.length; i++) {
            read[i] = names.contains(columns.get(i).name().toLowerCase(Locale.ROOT));
            all &= read[i];
        }
        return all ? null : read;
    }
}
