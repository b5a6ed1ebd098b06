package io.weftdb.pg.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numeric constants typed as PostgreSQL types them: an integer is {@code integer} when it fits in
 * 32 bits, {@code bigint} when it fits in 64, {@code numeric} beyond; anything with a point or an
 * exponent is {@code numeric}.
 */
final class NumericLiterals {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private NumericLiterals() {
    }

    static Expr.Literal integer(String text, int position) {
        String digits = text.replace("_", "");
        String prefix = digits.length() > 2 ? Identifiers.fold(digits.substring(0, 2)) : "";
        BigInteger value = switch (prefix) {
            case "0x" -> new BigInteger(digits.substring(2), 16);
            case "0o" -> new BigInteger(digits.substring(2), 8);
            case "0b" -> new BigInteger(digits.substring(2), 2);
            default -> new BigInteger(digits);
        };
        return smallestInteger(value, position);
    }

    static Expr.Literal decimal(String text, int position) {
        try {
            return new Expr.Literal(new BigDecimal(text.replace("_", "")), DataType.NUMERIC, position);
        } catch (NumberFormatException e) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type numeric", position);
        }
    }

    /**
     * Folds a minus sign into a numeric constant, as PostgreSQL's parser does (doNegate), and types
     * the result like make_const does: the smallest of integer, bigint and numeric that holds it.
     * So {@code -2147483648} is an integer although 2147483648 alone is a bigint, and
     * {@code -9223372036854775808} is a bigint although its digits alone are a numeric.
     */
    static Expr.Literal negate(Expr.Literal literal, int position) {
        if (literal.value() instanceof Long value) {
            return smallestInteger(BigInteger.valueOf(value).negate(), position);
        }
        BigDecimal negated = ((BigDecimal) literal.value()).negate();
        if (negated.scale() == 0 && negated.toBigInteger().equals(LONG_MIN)) {
            return new Expr.Literal(Long.MIN_VALUE, DataType.BIGINT, position);
        }
        return new Expr.Literal(negated, DataType.NUMERIC, position);
    }

    static boolean isNumeric(Expr expression) {
        return expression instanceof Expr.Literal literal && literal.value() != null
                && (literal.value() instanceof Long || literal.value() instanceof BigDecimal);
    }

    private static Expr.Literal smallestInteger(BigInteger value, int position) {
        if (value.bitLength() < Integer.SIZE) {
            return new Expr.Literal(value.longValue(), DataType.INTEGER, position);
        }
        if (value.bitLength() < Long.SIZE) {
            return new Expr.Literal(value.longValue(), DataType.BIGINT, position);
        }
        return new Expr.Literal(new BigDecimal(value), DataType.NUMERIC, position);
    }
}
