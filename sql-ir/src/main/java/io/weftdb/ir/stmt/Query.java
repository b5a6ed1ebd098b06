package io.weftdb.ir.stmt;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.SortItem;
import java.util.List;

/** A statement that produces rows: SELECT, VALUES, set operations, each optionally with WITH. */
public sealed interface Query extends Statement {

    /**
     * {@code SELECT}. {@code from} is empty for a FROM-less select; several from items are a comma
     * (cross) join. {@code distinctOn} non-empty means DISTINCT ON; {@code distinct} plain DISTINCT.
     * {@code groupingSets} is empty for a plain GROUP BY; with ROLLUP, CUBE or GROUPING SETS it lists
     * every grouping set (each a list of expressions, possibly empty), and {@code groupBy} holds each
     * distinct expression they use.
     */
    record Select(List<With> with, boolean distinct, List<Expr> distinctOn, List<SelectItem> items,
                  List<FromItem> from, Expr where, List<Expr> groupBy, Expr having, List<SortItem> orderBy,
                  Expr limit, Expr offset, LockMode lockMode, List<List<Expr>> groupingSets, LockWait lockWait)
            implements Query {
        public Select {
            with = List.copyOf(with);
            lockMode = lockMode == null ? LockMode.NONE : lockMode;
            lockWait = lockWait == null ? LockWait.WAIT : lockWait;
            distinctOn = List.copyOf(distinctOn);
            items = List.copyOf(items);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
            groupingSets = groupingSets.stream().map(List::copyOf).toList();
        }

        /** A SELECT whose locking clause, if any, waits for locked rows. */
        public Select(List<With> with, boolean distinct, List<Expr> distinctOn, List<SelectItem> items,
                      List<FromItem> from, Expr where, List<Expr> groupBy, Expr having, List<SortItem> orderBy,
                      Expr limit, Expr offset, LockMode lockMode, List<List<Expr>> groupingSets) {
            this(with, distinct, distinctOn, items, from, where, groupBy, having, orderBy, limit, offset, lockMode,
                    groupingSets, LockWait.WAIT);
        }

        /** A SELECT with a plain GROUP BY (or none). */
        public Select(List<With> with, boolean distinct, List<Expr> distinctOn, List<SelectItem> items,
                      List<FromItem> from, Expr where, List<Expr> groupBy, Expr having, List<SortItem> orderBy,
                      Expr limit, Expr offset, LockMode lockMode) {
            this(with, distinct, distinctOn, items, from, where, groupBy, having, orderBy, limit, offset, lockMode,
                    List.of());
        }

        /** The same SELECT with other WITH, ORDER BY, LIMIT, OFFSET and locking clauses. */
        public Select withTail(List<With> newWith, List<SortItem> newOrderBy, Expr newLimit, Expr newOffset,
                               LockMode newLockMode) {
            return withTail(newWith, newOrderBy, newLimit, newOffset, newLockMode, lockWait);
        }

        /** The same SELECT with other WITH, ORDER BY, LIMIT, OFFSET and locking clauses, and wait policy. */
        public Select withTail(List<With> newWith, List<SortItem> newOrderBy, Expr newLimit, Expr newOffset,
                               LockMode newLockMode, LockWait newLockWait) {
            return new Select(newWith, distinct, distinctOn, items, from, where, groupBy, having, newOrderBy, newLimit,
                    newOffset, newLockMode, groupingSets, newLockWait);
        }
    }

    /** {@code VALUES (...), (...)} with optional ORDER BY/LIMIT. */
    record Values(List<List<Expr>> rows, List<SortItem> orderBy, Expr limit, Expr offset) implements Query {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code left UNION|INTERSECT|EXCEPT [ALL] right}, with ORDER BY/LIMIT applying to the whole. */
    record SetOperation(List<With> with, SetOperator operator, boolean all, Query left, Query right,
                        List<SortItem> orderBy, Expr limit, Expr offset) implements Query {
        public SetOperation {
            with = List.copyOf(with);
            orderBy = List.copyOf(orderBy);
        }
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }

    /** {@code FOR UPDATE/SHARE} on a SELECT; NONE when absent. */
    enum LockMode { NONE, FOR_UPDATE, FOR_NO_KEY_UPDATE, FOR_SHARE, FOR_KEY_SHARE }

    /** What a locking clause does with a row another transaction holds: wait, fail ({@code NOWAIT}), or skip it. */
    enum LockWait { WAIT, NOWAIT, SKIP_LOCKED }

    /** One common table expression. */
    record With(String name, List<String> columnNames, Query query, boolean recursive) {
        public With {
            columnNames = List.copyOf(columnNames);
        }
    }

    /** A select-list entry: an expression with an optional alias. */
    record SelectItem(Expr expression, String alias) {}
}
