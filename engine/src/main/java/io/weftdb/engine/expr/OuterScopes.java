package io.weftdb.engine.expr;

import io.weftdb.ir.QualifiedName;

/**
 * The scopes of the queries enclosing a subquery, innermost first, as its expressions see them: a
 * column reference not found in the subquery's own scope is looked up here, level by level, as
 * PostgreSQL does. Each level records whether the subquery at that level read anything outside
 * itself (it is correlated and must run again for each outer row) — known once it is compiled.
 */
public final class OuterScopes {
    private final Scope scope;
    private final OuterScopes enclosing;
    private boolean correlated;

    public OuterScopes(Scope scope, OuterScopes enclosing) {
        this.scope = scope;
        this.enclosing = enclosing;
    }

    /** A reference resolved in an enclosing query: how many levels up, and the position in that row. */
    record Reference(int levelsUp, int index, Scope.Column column) {}

    /** Finds {@code name} in the enclosing scopes, marking every level it crosses correlated; null when absent. */
    Reference find(QualifiedName name, int position) {
        OuterScopes level = this;
        for (int levelsUp = 1; level != null; levelsUp++, level = level.enclosing) {
            int index = level.scope.find(name, position);
            if (index >= 0) {
                OuterScopes crossed = this;
                for (int i = 0; i < levelsUp; i++, crossed = crossed.enclosing) {
                    crossed.correlated = true;
                }
                return new Reference(levelsUp, index, level.scope.columns().get(index));
            }
        }
        return null;
    }

    /** The scope of the nearest enclosing query (the row a correlated subquery runs for). */
    public Scope scope() {
        return scope;
    }

    /** Whether the subquery compiled against these scopes referenced any of them. */
    public boolean correlated() {
        return correlated;
    }
}
