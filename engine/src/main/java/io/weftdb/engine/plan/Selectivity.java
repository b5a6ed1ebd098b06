package io.weftdb.engine.plan;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ColumnOrigin;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.stats.ColumnStatistics;
import io.weftdb.engine.stats.TableStatistics;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.List;

/**
 * The fraction of rows a condition keeps, estimated from ANALYZE's column statistics the way
 * PostgreSQL's clause selectivity functions do: common values and histograms for comparisons with
 * a constant, distinct counts for equalities with an unknown value, the null fraction for IS NULL;
 * conjuncts multiply as if independent. Columns are recognised through their origin (a table
 * column read unchanged); where nothing is known PostgreSQL's default guesses apply.
 */
final class Selectivity {
    /** PostgreSQL's guess for a condition it cannot analyze. */
    static final double DEFAULT = 1.0 / 3;
    /** PostgreSQL's guess for LIKE and regular-expression matches (DEFAULT_MATCH_SEL). */
    private static final double DEFAULT_MATCH = 0.005;

    private final TableStatistics statistics;
    private final ExpressionCompiler constants;

    Selectivity(TableStatistics statistics, ExpressionCompiler constants) {
        this.statistics = statistics;
        this.constants = constants;
    }

    /** The fraction of the rows of {@code scope} for which every conjunct holds. */
    double of(List<Expr> conjuncts, Scope scope) {
        double selectivity = 1;
        for (Expr conjunct : conjuncts) {
            selectivity *= of(conjunct, scope);
        }
        return selectivity;
    }

    double of(Expr condition, Scope scope) {
        return clamp(switch (condition) {
            case Expr.Binary binary when binary.operator() == BinaryOperator.AND ->
                    of(binary.left(), scope) * of(binary.right(), scope);
            case Expr.Binary binary when binary.operator() == BinaryOperator.OR -> {
                double left = of(binary.left(), scope);
                double right = of(binary.right(), scope);
                yield left + right - left * right;
            }
            case Expr.Unary unary when unary.operator() == UnaryOperator.NOT -> 1 - of(unary.operand(), scope);
            case Expr.Binary binary when binary.operator().isComparison() -> comparison(binary, scope);
            case Expr.Between between -> between(between, scope);
            case Expr.InList in -> inList(in, scope);
            case Expr.IsPredicate is -> isPredicate(is, scope);
            case Expr.Like like -> like.negated() ? 1 - DEFAULT_MATCH : DEFAULT_MATCH;
            case Expr.Binary binary when binary.operator() == BinaryOperator.REGEX_MATCH
                    || binary.operator() == BinaryOperator.REGEX_IMATCH -> DEFAULT_MATCH;
            case Expr.ColumnRef ref -> {
                Column column = column(ref, scope);
                yield column != null && column.statistics() != null && column.kind() == TypeKind.BOOLEAN
                        ? column.statistics().equalSelectivity(Boolean.TRUE, column.tableRows()) : DEFAULT;
            }
            default -> DEFAULT;
        });
    }

    /** A column of the scope with its table's statistics (null when unknown) and row count. */
    record Column(DataType type, ColumnStatistics statistics, double tableRows, boolean unique) {
        TypeKind kind() {
            return type.kind();
        }

        double nullFraction() {
            return statistics == null ? 0 : statistics.nullFraction();
        }
    }

    /** {@code expr} as a column of {@code scope}, or null when it is not a plain column reference. */
    Column column(Expr expr, Scope scope) {
        if (!(expr instanceof Expr.ColumnRef ref)) {
            return null;
        }
        int index;
        try {
            index = scope.find(ref.name(), ref.position());
        } catch (SqlException ambiguous) {
            return null;
        }
        if (index < 0) {
            return null;
        }
        return column(scope.columns().get(index));
    }

    private Column column(Scope.Column column) {
        ColumnOrigin origin = column.origin();
        if (origin == null) {
            return new Column(column.type(), null, -1, false);
        }
        long rows = statistics.rowCount(origin.tableId());
        return new Column(column.type(), statistics.column(origin.tableId(), origin.columnId(), column.type().kind()),
                rows < 0 ? RowEstimates.UNANALYZED_TABLE_ROWS : rows, origin.unique());
    }

    /**
     * Distinct values of {@code expr} among {@code rows} rows of {@code scope}: the column's
     * statistics when it has some, else -1 (unknown).
     */
    double distinct(Expr expr, Scope scope, double rows) {
        Column column = column(expr, scope);
        return column == null ? -1 : distinct(column, rows);
    }

    /** Distinct values of a column among {@code rows} rows, or -1 (unknown). */
    double distinct(Scope.Column column, double rows) {
        return distinct(column(column), rows);
    }

    private static double distinct(Column column, double rows) {
        double inTable;
        if (column == null) {
            return -1;
        } else if (column.statistics() != null) {
            inTable = column.statistics().distinctValues(Math.max(1, column.tableRows()));
        } else if (column.unique()) {
            inTable = column.tableRows();
        } else {
            return -1;
        }
        return Math.max(1, Math.min(inTable, rows));
    }

    private double comparison(Expr.Binary binary, Scope scope) {
        BinaryOperator operator = binary.operator();
        Column column = column(binary.left(), scope);
        Expr other = binary.right();
        if (column == null) {
            column = column(binary.right(), scope);
            other = binary.left();
            operator = operator.flip();
        }
        if (column == null) {
            return operator == BinaryOperator.EQUAL ? ColumnStatistics.DEFAULT_EQUALITY : DEFAULT;
        }
        ColumnStatistics stats = column.statistics();
        if (column(other, scope) != null) {
            // Two columns of the same rows.
            return operator == BinaryOperator.EQUAL && stats != null
                    ? stats.equalSelectivityUnknown(column.tableRows()) : DEFAULT;
        }
        Object value = constant(other, column.type());
        return switch (operator) {
            case EQUAL -> equal(column, value);
            case NOT_EQUAL -> 1 - equal(column, value) - column.nullFraction();
            case LESS, LESS_EQUAL -> stats == null || value == null ? DEFAULT
                    : stats.rangeSelectivity(value, true, operator == BinaryOperator.LESS_EQUAL);
            case GREATER, GREATER_EQUAL -> stats == null || value == null ? DEFAULT
                    : stats.rangeSelectivity(value, false, operator == BinaryOperator.GREATER_EQUAL);
            default -> DEFAULT;
        };
    }

    private static double equal(Column column, Object value) {
        ColumnStatistics stats = column.statistics();
        if (stats == null) {
            return column.unique() ? 1 / Math.max(1, column.tableRows()) : ColumnStatistics.DEFAULT_EQUALITY;
        }
        return value == null ? stats.equalSelectivityUnknown(column.tableRows())
                : stats.equalSelectivity(value, column.tableRows());
    }

    private double between(Expr.Between between, Scope scope) {
        Column column = column(between.operand(), scope);
        if (column == null || column.statistics() == null || between.symmetric()) {
            return between.negated() ? 1 - 0.005 : 0.005;
        }
        Object low = constant(between.low(), column.type());
        Object high = constant(between.high(), column.type());
        double selectivity;
        if (low == null || high == null) {
            selectivity = 0.005;
        } else {
            // P(low <= x AND x <= high) = P(x >= low) + P(x <= high) - P(x not null), as PostgreSQL combines range pairs.
            ColumnStatistics stats = column.statistics();
            selectivity = stats.rangeSelectivity(low, false, true) + stats.rangeSelectivity(high, true, true)
                    - (1 - stats.nullFraction());
            selectivity = Math.max(selectivity, 1 / Math.max(1, column.tableRows()));
        }
        return between.negated() ? 1 - selectivity - column.nullFraction() : selectivity;
    }

    private double inList(Expr.InList in, Scope scope) {
        Column column = column(in.operand(), scope);
        double selectivity = 0;
        for (Expr value : in.values()) {
            selectivity += column == null ? ColumnStatistics.DEFAULT_EQUALITY : equal(column, constant(value, column.type()));
        }
        selectivity = Math.min(1, selectivity);
        return in.negated() ? 1 - selectivity - (column == null ? 0 : column.nullFraction()) : selectivity;
    }

    private double isPredicate(Expr.IsPredicate is, Scope scope) {
        Column column = column(is.operand(), scope);
        double selectivity;
        if (column == null || column.statistics() == null) {
            selectivity = is.test() == Expr.IsTest.NULL ? ColumnStatistics.DEFAULT_EQUALITY : DEFAULT;
        } else {
            ColumnStatistics stats = column.statistics();
            selectivity = switch (is.test()) {
                case NULL, UNKNOWN -> stats.nullFraction();
                case TRUE -> stats.equalSelectivity(Boolean.TRUE, column.tableRows());
                case FALSE -> stats.equalSelectivity(Boolean.FALSE, column.tableRows());
            };
        }
        return is.negated() ? 1 - selectivity : selectivity;
    }

    /**
     * The value of a constant expression (a literal, possibly cast or negated) as a value of the
     * column's type, or null when it is not one (a parameter, a function call) or does not convert.
     */
    private Object constant(Expr expr, DataType type) {
        if (!isLiteral(expr)) {
            return null;
        }
        try {
            BoundExpr value = constants.compile(expr);
            if (!value.constant()) {
                return null;
            }
            BoundExpr converted = AccessPathSelector.keyValue(value, type);
            return converted == null || !converted.constant() ? null : converted.constantValue();
        } catch (SqlException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLiteral(Expr expr) {
        return switch (expr) {
            case Expr.Literal literal -> true;
            case Expr.Cast cast -> isLiteral(cast.operand());
            case Expr.Unary unary -> unary.operator() == UnaryOperator.MINUS && isLiteral(unary.operand());
            default -> false;
        };
    }

    private static double clamp(double selectivity) {
        return Double.isNaN(selectivity) ? DEFAULT : Math.max(0, Math.min(1, selectivity));
    }
}
