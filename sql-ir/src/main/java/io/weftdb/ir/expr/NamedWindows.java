package io.weftdb.ir.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The windows named by the WINDOW clauses of the SELECTs a parse-tree builder is inside, innermost
 * first: both dialects resolve {@code OVER w} against them while building the calls, so the IR
 * carries only complete window specifications.
 */
public final class NamedWindows {
    private final Deque<Map<String, Expr.WindowSpec>> levels = new ArrayDeque<>();

    /** Entering a SELECT (or one of its WINDOW definitions): its windows, by name. */
    public void enter(Map<String, Expr.WindowSpec> windows) {
        levels.push(windows);
    }

    public void leave() {
        levels.pop();
    }

    /** The window named {@code name} at the innermost level that names one; null when none does. */
    public Expr.WindowSpec find(String name) {
        for (Map<String, Expr.WindowSpec> windows : levels) {
            Expr.WindowSpec window = windows.get(name);
            if (window != null) {
                return window;
            }
        }
        return null;
    }
}
