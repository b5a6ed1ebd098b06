package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.table.TableCodec;
import io.weftdb.ir.type.TypeKind;
import java.util.List;

/**
 * The part of an index a scan reads: equal values for a prefix of its columns, then an optional
 * lower and upper bound on the next column. Bounds are expressions (they may be parameters) turned
 * into key bytes when the scan opens.
 *
 * @param lower null for no lower bound
 * @param upper null for no upper bound
 */
public record KeyRange(IndexDef index, List<BoundExpr> equalities, BoundExpr lower, boolean lowerInclusive,
                       BoundExpr upper, boolean upperInclusive) {

    public static KeyRange full(IndexDef index) {
        return new KeyRange(index, List.of(), null, false, null, false);
    }

    public boolean isFull() {
        return equalities.isEmpty() && lower == null && upper == null;
    }

    /** True when every index column is fixed by equality: at most one entry (for a unique index). */
    public boolean isPoint() {
        return index.unique() && equalities.size() == index.columnIds().size();
    }

    /** [from, to) key bytes, or null when a bound value is NULL (nothing can match). */
    public byte[][] resolve(TableDef table, EvaluationContext context) {
        int[] positions = table.keyPositions(index);
        KeyEncoder prefix = new KeyEncoder().writeLong(index.id());
        for (int i = 0; i < equalities.size(); i++) {
            Object value = equalities.get(i).evaluate(null, context);
            if (value == null) {
                return null;
            }
            prefix.writeValue(kind(table, positions[i]), value, index.descending().get(i));
        }
        byte[] base = prefix.toByteArray();
        byte[] from = base;
        byte[] to = KeyEncoder.prefixSuccessor(base);
        if (lower != null || upper != null) {
            int column = positions[equalities.size()];
            if (lower != null) {
                Object value = lower.evaluate(null, context);
                if (value == null) {
                    return null;
                }
                byte[] bound = new KeyEncoder(base).writeValue(kind(table, column), value, false).toByteArray();
                from = lowerInclusive ? bound : KeyEncoder.prefixSuccessor(bound);
            }
            if (upper != null) {
                Object value = upper.evaluate(null, context);
                if (value == null) {
                    return null;
                }
                byte[] bound = new KeyEncoder(base).writeValue(kind(table, column), value, false).toByteArray();
                to = upperInclusive ? KeyEncoder.prefixSuccessor(bound) : bound;
            }
        }
        return new byte[][] {from, to == null ? TableCodec.indexEnd(index.id()) : to};
    }

    private static TypeKind kind(TableDef table, int position) {
        return table.columns().get(position).type().kind();
    }
}
