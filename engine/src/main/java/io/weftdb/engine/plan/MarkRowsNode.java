package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.KeyedRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The table rows of a single-table SELECT ... FOR UPDATE/SHARE that pass its conditions, each with
 * two hidden columns: where it is stored and the stored bytes the snapshot saw; {@code mode} and
 * {@code lockWait} say how they are to be locked. Locking waits for
 * {@link LockMarkedRowsNode} above the sort, so ORDER BY ... LIMIT n locks the n rows it returns,
 * not every row it sorted (and SKIP LOCKED can pass over locked rows to the next ones).
 */
public record MarkRowsNode(TableScanNode scan, BoundExpr condition, String conditionText, LockManager.Mode mode,
                           Query.LockWait lockWait) implements PlanNode {
    static final String KEY_COLUMN = "?row key?";
    static final String VERSION_COLUMN = "?row version?";

    @Override
    public Scope output() {
        List<Scope.Column> columns = new ArrayList<>(scan.output().columns());
        // No relation and qualified-only: neither * nor t.* lists them, no name reaches them.
        columns.add(new Scope.Column(null, KEY_COLUMN, DataType.BYTEA, true));
        columns.add(new Scope.Column(null, VERSION_COLUMN, DataType.BYTEA, true));
        return new Scope(columns);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        KeyedRowSource rows = scan.open(environment);
        int width = scan.output().columns().size();
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                while (rows.next()) {
                    Object[] candidate = rows.row();
                    if (condition != null && !Boolean.TRUE.equals(condition.evaluate(candidate, environment.context()))) {
                        continue;
                    }
                    row = java.util.Arrays.copyOf(candidate, width + 2);
                    row[width] = Bytes.copyOf(rows.key());
                    row[width + 1] = Bytes.copyOf(rows.storedValue());
                    return true;
                }
                return false;
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
        return condition == null ? "Mark Rows" : "Mark Rows: " + conditionText;
    }

    @Override
    public List<PlanNode> children() {
        return List.of(scan);
    }
}
