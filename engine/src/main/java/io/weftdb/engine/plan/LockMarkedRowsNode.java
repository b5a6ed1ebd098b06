package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.table.TableCodec;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.ir.type.Bytes;
import java.util.Arrays;
import java.util.List;

/**
 * Locks the rows of a single-table SELECT ... FOR UPDATE/SHARE as they leave the sort (PostgreSQL's
 * LockRows): each output row carries its table row's key and the stored bytes its snapshot saw
 * ({@link MarkRowsNode}). A row that changed since is read again once locked: under READ COMMITTED
 * its latest version is checked against the table's conditions and the output row computed again
 * from it (so, as in PostgreSQL, it may come out of ORDER BY order); under REPEATABLE READ that is
 * 40001. NOWAIT fails on a row another transaction holds (55P03); SKIP LOCKED passes over it, and
 * LIMIT above takes the next rows instead.
 *
 * @param projection the output row's expressions over the marked row (table columns, key, version)
 */
public record LockMarkedRowsNode(PlanNode input, int keyPosition, int versionPosition, MarkRowsNode marked,
                                 List<BoundExpr> projection) implements PlanNode {
    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource rows = input.run(environment);
        TableWriter writer = new TableWriter(environment, marked.scan().table());
        TableCodec codec = TableCodec.of(marked.scan().table());
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                while (rows.next()) {
                    Object[] candidate = rows.row();
                    byte[] key = ((Bytes) candidate[keyPosition]).toByteArray();
                    byte[] seen = ((Bytes) candidate[versionPosition]).toByteArray();
                    byte[] current = writer.lockRow(key, seen, marked.mode(), marked.lockWait());
                    if (current == null) {
                        continue;
                    }
                    if (!Arrays.equals(current, seen)) {
                        candidate = recompute(codec.decodeRow(current), key, current);
                        if (candidate == null) {
                            continue;
                        }
                    }
                    row = candidate;
                    return true;
                }
                return false;
            }

            /** The output row of a table row's newer version, or null when it no longer passes the conditions. */
            private Object[] recompute(Object[] tableRow, byte[] key, byte[] version) {
                BoundExpr condition = marked.condition();
                if (condition != null && !Boolean.TRUE.equals(condition.evaluate(tableRow, environment.context()))) {
                    return null;
                }
                Object[] source = Arrays.copyOf(tableRow, tableRow.length + 2);
                source[tableRow.length] = Bytes.wrap(key);
                source[tableRow.length + 1] = Bytes.wrap(version);
                Object[] output = new Object[projection.size()];
                for (int i = 0; i < output.length; i++) {
                    output[i] = projection.get(i).evaluate(source, environment.context());
                }
                return output;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    @Override
    public String describe() {
        return LockRowsNode.description(marked.mode(), marked.lockWait());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
