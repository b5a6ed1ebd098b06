package io.weftdb.engine.plan;

import io.weftdb.engine.exec.PlanObserver;
import io.weftdb.engine.exec.RowSource;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * EXPLAIN ANALYZE's measurements: for each plan node, how often it was opened (loops), the rows it
 * produced and the time spent opening it and pulling its rows (its children's time included, as
 * PostgreSQL counts it).
 */
public final class PlanProfile implements PlanObserver {
    private static final class Figures {
        long loops;
        long rows;
        long nanos;
    }

    private final Map<Object, Figures> figures = new IdentityHashMap<>();

    @Override
    public RowSource observe(Object operator, Supplier<RowSource> opener) {
        Figures node = figures.computeIfAbsent(operator, key -> new Figures());
        node.loops++;
        long start = System.nanoTime();
        RowSource rows = opener.get();
        node.nanos += System.nanoTime() - start;
        return new RowSource() {
            @Override
            public boolean next() {
                long begin = System.nanoTime();
                boolean more = rows.next();
                node.nanos += System.nanoTime() - begin;
                if (more) {
                    node.rows++;
                }
                return more;
            }

            @Override
            public Object[] row() {
                return rows.row();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** The figures shown after a node's EXPLAIN line: rows are per loop, as in PostgreSQL. */
    public String annotation(PlanNode node) {
        Figures measured = figures.get(node);
        if (measured == null) {
            return "  (never executed)";
        }
        return String.format(Locale.ROOT, "  (actual time=%.3f rows=%d loops=%d)", measured.nanos / 1e6,
                measured.rows / Math.max(1, measured.loops), measured.loops);
    }
}
