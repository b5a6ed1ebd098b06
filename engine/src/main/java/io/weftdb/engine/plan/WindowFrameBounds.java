package io.weftdb.engine.plan;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;

/**
 * A window frame: which rows of the partition, relative to the current one, an aggregate or
 * first/last/nth_value sees. Without a frame clause it is RANGE UNBOUNDED PRECEDING to CURRENT ROW
 * (the current row's peers included) when the window is ordered, else the whole partition.
 *
 * @param startOffset the n of "n PRECEDING/FOLLOWING" at the start (null otherwise); likewise {@code endOffset}
 * @param orderType the type of the single ORDER BY key RANGE offsets are measured in
 */
record WindowFrameBounds(Expr.FrameUnit unit, Expr.FrameBoundKind start, BoundExpr startOffset, Expr.FrameBoundKind end,
                         BoundExpr endOffset, boolean descending, DataType orderType) {

    static WindowFrameBounds defaultFor(boolean ordered) {
        return new WindowFrameBounds(Expr.FrameUnit.RANGE, Expr.FrameBoundKind.UNBOUNDED_PRECEDING, null,
                ordered ? Expr.FrameBoundKind.CURRENT_ROW : Expr.FrameBoundKind.UNBOUNDED_FOLLOWING, null, false, null);
    }

    /** The frame of row {@code i}: {@code [start, end)} as partition indices, possibly empty. */
    int[] bounds(WindowPartition partition, int i, EvaluationContext context) {
        int from = edge(partition, i, start, startOffset, true, context);
        int to = edge(partition, i, end, endOffset, false, context);
        return new int[] {Math.max(0, from), Math.max(Math.max(0, from), Math.min(partition.size(), to))};
    }

    /** A frame edge: the first row in the frame for the start, one past the last for the end. */
    private int edge(WindowPartition partition, int i, Expr.FrameBoundKind kind, BoundExpr offset, boolean isStart,
                     EvaluationContext context) {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> 0;
            case UNBOUNDED_FOLLOWING -> partition.size();
            case CURRENT_ROW -> switch (unit) {
                case ROWS -> isStart ? i : i + 1;
                case RANGE, GROUPS -> isStart ? partition.firstPeer(i) : partition.lastPeer(i) + 1;
            };
            case PRECEDING, FOLLOWING -> offsetEdge(partition, i, kind == Expr.FrameBoundKind.FOLLOWING,
                    offset.evaluate(partition.row(i), context), isStart);
        };
    }

    private int offsetEdge(WindowPartition partition, int i, boolean following, Object offsetValue, boolean isStart) {
        if (offsetValue == null) {
            throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "frame " + (isStart ? "starting" : "ending")
                    + " offset must not be null");
        }
        return switch (unit) {
            case ROWS -> {
                long n = ((Number) offsetValue).longValue();
                requireNonNegative(n < 0);
                long row = i + (following ? n : -n);
                yield (int) Math.max(-1, Math.min(partition.size() + 1L, isStart ? row : row + 1));
            }
            case GROUPS -> {
                long n = ((Number) offsetValue).longValue();
                requireNonNegative(n < 0);
                long group = partition.peerGroup(i) + (following ? n : -n);
                int clamped = (int) Math.max(-1, Math.min(Integer.MAX_VALUE - 1, group));
                yield isStart ? partition.firstOfGroup(clamped) : partition.endOfGroup(clamped);
            }
            case RANGE -> rangeEdge(partition, i, following, offsetValue, isStart);
        };
    }

    /** RANGE n PRECEDING/FOLLOWING: rows whose ORDER BY value is within n of the current row's. */
    private int rangeEdge(WindowPartition partition, int i, boolean following, Object offsetValue, boolean isStart) {
        Object current = partition.orderValues(i)[0];
        if (current == null) {
            // NULLs are peers of each other only.
            return isStart ? partition.firstPeer(i) : partition.lastPeer(i) + 1;
        }
        BigDecimal offset = (BigDecimal) Casts.cast(offsetValue, DataType.NUMERIC, DataType.NUMERIC, Casts.Context.IMPLICIT, null);
        requireNonNegative(offset.signum() < 0);
        BigDecimal base = (BigDecimal) Casts.cast(current, orderType, DataType.NUMERIC, Casts.Context.IMPLICIT, null);
        boolean towardsEnd = following != descending;
        BigDecimal limit = towardsEnd ? base.add(offset) : base.subtract(offset);
        if (isStart) {
            for (int j = 0; j < partition.size(); j++) {
                if (withinFromStart(partition.orderValues(j)[0], limit)) {
                    return j;
                }
            }
            return partition.size();
        }
        for (int j = partition.size() - 1; j >= 0; j--) {
            if (withinFromEnd(partition.orderValues(j)[0], limit)) {
                return j + 1;
            }
        }
        return 0;
    }

    private boolean withinFromStart(Object value, BigDecimal limit) {
        if (value == null) {
            return false;
        }
        int order = ValueOrder.compare(Casts.cast(value, orderType, DataType.NUMERIC, Casts.Context.IMPLICIT, null), limit);
        return descending ? order <= 0 : order >= 0;
    }

    private boolean withinFromEnd(Object value, BigDecimal limit) {
        if (value == null) {
            return false;
        }
        int order = ValueOrder.compare(Casts.cast(value, orderType, DataType.NUMERIC, Casts.Context.IMPLICIT, null), limit);
        return descending ? order >= 0 : order <= 0;
    }

    private static void requireNonNegative(boolean negative) {
        if (negative) {
            throw new SqlException(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame offset must not be negative");
        }
    }
}
