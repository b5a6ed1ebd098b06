package io.weftdb.engine.expr;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;

/** PostgreSQL's implicit type resolution for operators: which common type two operands meet at. */
public final class TypeRules {
    private TypeRules() {
    }

    /** Rank in the numeric promotion chain int2 < int4 < int8 < numeric < float4 < float8. */
    private static int numericRank(TypeKind kind) {
        return switch (kind) {
            case SMALLINT -> 1;
            case INTEGER -> 2;
            case BIGINT -> 3;
            case NUMERIC -> 4;
            case REAL -> 5;
            case DOUBLE -> 6;
            default -> 0;
        };
    }

    /**
     * The type both operands are converted to before comparing or combining them. An UNKNOWN
     * (untyped literal or parameter) takes the other side's type.
     */
    public static DataType commonType(DataType left, DataType right, String operator, int position) {
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if (a == TypeKind.UNKNOWN && b == TypeKind.UNKNOWN) {
            // Stays unknown so a later typed operand decides (CASE WHEN .. THEN NULL .. THEN 1 is integer).
            return DataType.UNKNOWN;
        }
        if (a == TypeKind.UNKNOWN) {
            return generic(right);
        }
        if (b == TypeKind.UNKNOWN) {
            return generic(left);
        }
        if (a == b) {
            return a == TypeKind.NUMERIC || a.isString() ? generic(left) : left;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return numericRank(a) >= numericRank(b) ? generic(left) : generic(right);
        }
        if (a.isString() && b.isString()) {
            return a == TypeKind.CHAR && b == TypeKind.CHAR ? DataType.of(TypeKind.CHAR) : DataType.TEXT;
        }
        if (a.isTemporal() && b.isTemporal() && a != TypeKind.TIME && b != TypeKind.TIME) {
            int rankA = a == TypeKind.DATE ? 1 : a == TypeKind.TIMESTAMP ? 2 : 3;
            int rankB = b == TypeKind.DATE ? 1 : b == TypeKind.TIMESTAMP ? 2 : 3;
            return rankA >= rankB ? left : right;
        }
        if ((a == TypeKind.JSON || a == TypeKind.JSONB) && (b == TypeKind.JSON || b == TypeKind.JSONB)) {
            return DataType.JSONB;
        }
        throw new SqlException(ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + left.sqlName() + " " + operator
                + " " + right.sqlName(), position)
                .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
    }

    /** A resolved type for a value that must have one: what stays unknown is text, as in PostgreSQL. */
    public static DataType concrete(DataType type) {
        return type.kind() == TypeKind.UNKNOWN ? DataType.TEXT : type;
    }

    /** The type without length/precision modifiers: operators compute on the unconstrained type. */
    public static DataType generic(DataType type) {
        return type.kind() == TypeKind.ARRAY ? type : DataType.of(type.kind() == TypeKind.VARCHAR ? TypeKind.TEXT : type.kind());
    }
}
