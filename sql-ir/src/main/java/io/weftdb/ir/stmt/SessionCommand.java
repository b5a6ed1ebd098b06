package io.weftdb.ir.stmt;

import io.weftdb.ir.expr.Expr;
import java.util.List;

/** SET / SHOW / RESET of session settings, and other session-level commands. */
public sealed interface SessionCommand extends Statement {

    /** {@code SET [LOCAL] name = values} ({@code TO DEFAULT} is an empty value list). */
    record SetVariable(String name, List<Expr> values, boolean local) implements SessionCommand {
        public SetVariable {
            values = List.copyOf(values);
        }
    }

    /** {@code SHOW name}; name "all" for SHOW ALL. */
    record ShowVariable(String name) implements SessionCommand {}

    /** {@code RESET name}; name "all" for RESET ALL. */
    record ResetVariable(String name) implements SessionCommand {}

    /** {@code USE db} / switch current database. */
    record UseDatabase(String name) implements SessionCommand {}
}
