package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.PlanObserver;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * A node of a physical plan. Plans are immutable and hold no execution state, so one plan can be
 * opened many times (prepared statements, cached plans); {@link #open} creates the running operator.
 */
public interface PlanNode {
    /** The columns each produced row has, in order. */
    Scope output();

    RowSource open(ExecutionEnvironment environment);

    /** Opens this node as its parent does: through the environment's observer, when there is one. */
    default RowSource run(ExecutionEnvironment environment) {
        PlanObserver observer = environment.observer();
        return observer == null ? open(environment) : observer.observe(this, () -> open(environment));
    }

    /** One line describing this node for EXPLAIN. */
    String describe();

    List<PlanNode> children();

    /** The indented plan tree, as EXPLAIN prints it. */
    default String explain() {
        return explain(node -> "");
    }

    /** The plan tree with {@code annotation}'s text after each node's line (EXPLAIN ANALYZE's figures). */
    default String explain(java.util.function.Function<PlanNode, String> annotation) {
        StringBuilder out = new StringBuilder();
        explain(this, 0, out, annotation);
        return out.toString();
    }

    /** The plan tree indented as the child of a line above it (a subquery's plan under its SubPlan line). */
    default String explainAsChild(java.util.function.Function<PlanNode, String> annotation) {
        StringBuilder out = new StringBuilder();
        explain(this, 1, out, annotation);
        return out.toString();
    }

    private static void explain(PlanNode node, int depth, StringBuilder out,
                                java.util.function.Function<PlanNode, String> annotation) {
        if (depth > 0) {
            out.append("  ".repeat(depth * 3 - 2)).append("->  ");
        }
        out.append(node.describe()).append(annotation.apply(node)).append('\n');
        for (PlanNode child : node.children()) {
            explain(child, depth + 1, out, annotation);
        }
    }
}
