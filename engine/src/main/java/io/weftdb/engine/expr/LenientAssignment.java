package io.weftdb.engine.expr;

import io.weftdb.engine.Notice;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * MySQL's non-strict sql_mode for values stored into a column: where strict mode (and PostgreSQL)
 * fail the statement, the value is adjusted to fit and a warning says so. A string too long is cut
 * to the column's length (MySQL's 1265), a number out of range becomes the nearest value the
 * column holds (1264), text that is no number becomes 0 (1366). Other failures stay errors.
 */
final class LenientAssignment {
    private LenientAssignment() {
    }

    /**
     * {@code cast} (the assignment cast of {@code input} to {@code target}) evaluated so that, when
     * the context asks for lenient assignments, a value that does not fit is adjusted with a warning.
     */
    static BoundExpr of(BoundExpr input, BoundExpr cast, DataType target, String column) {
        if (cast == input) {
            return cast;
        }
        DataType source = input.type();
        Evaluator value = input.evaluator();
        Evaluator strict = cast.evaluator();
        return new BoundExpr((row, context) -> {
            if (context.strictAssignments()) {
                return strict.evaluate(row, context);
            }
            Object given = value.evaluate(row, context);
            try {
                return Casts.cast(given, source, target, Casts.Context.ASSIGNMENT, context.timeZone());
            } catch (SqlException e) {
                return adjusted(e, given, target, column, context);
            }
        }, target, cast.constant());
    }

    private static Object adjusted(SqlException failure, Object given, DataType target, String column,
                                   EvaluationContext context) {
        return switch (failure.code()) {
            case STRING_DATA_RIGHT_TRUNCATION -> {
                context.warn(new Notice("WARNING", "Data truncated for column '" + column + "'", failure.code()));
                yield Casts.fitString(given.toString(), target, true);
            }
            case NUMERIC_VALUE_OUT_OF_RANGE -> {
                Object nearest = nearest(given, target);
                if (nearest == null) {
                    throw failure;
                }
                context.warn(new Notice("WARNING", "Out of range value for column '" + column + "'", failure.code()));
                yield nearest;
            }
            case INVALID_TEXT_REPRESENTATION -> {
                Object zero = zero(target);
                if (zero == null) {
                    throw failure;
                }
                context.warn(new Notice("WARNING", "Incorrect " + target.sqlName() + " value: '" + given
                        + "' for column '" + column + "'", failure.code()));
                yield zero;
            }
            default -> throw failure;
        };
    }

    /** The value of the column's type nearest to {@code given}: its largest or smallest. */
    private static Object nearest(Object given, DataType target) {
        boolean negative = given instanceof Number number ? new BigDecimal(number.toString()).signum() < 0
                : given instanceof String text && text.strip().startsWith("-");
        return switch (target.kind()) {
            case SMALLINT -> negative ? (long) Short.MIN_VALUE : (long) Short.MAX_VALUE;
            case INTEGER -> negative ? (long) Integer.MIN_VALUE : (long) Integer.MAX_VALUE;
            case BIGINT -> negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            case NUMERIC -> {
                if (!target.hasLength()) {
                    yield null;
                }
                int scale = Math.max(target.scale(), 0);
                BigDecimal largest = new BigDecimal(BigInteger.TEN.pow(target.length()).subtract(BigInteger.ONE), scale);
                yield negative ? largest.negate() : largest;
            }
            default -> null;
        };
    }

    private static Object zero(DataType target) {
        TypeKind kind = target.kind();
        if (kind.isInteger()) {
            return 0L;
        }
        return switch (kind) {
            case NUMERIC -> BigDecimal.ZERO;
            case REAL, DOUBLE -> 0.0;
            default -> null;
        };
    }
}
