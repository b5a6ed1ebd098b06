package io.weftdb.ir.expr;

/** One ORDER BY key. {@code nullsFirst} null means the default (NULLS LAST ascending, FIRST descending). */
public record SortItem(Expr expression, boolean descending, Boolean nullsFirst) {
    public boolean effectiveNullsFirst() {
        return nullsFirst != null ? nullsFirst : descending;
    }
}
