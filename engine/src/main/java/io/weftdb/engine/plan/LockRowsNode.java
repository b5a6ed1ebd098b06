package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.KeyedRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.table.TableCodec;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.stmt.Query;
import java.util.Arrays;
import java.util.List;

/**
 * SELECT ... FOR UPDATE / FOR SHARE over one table of the FROM list: each row the scan finds that
 * passes the table's own conditions is locked until the transaction ends (exclusively for UPDATE and
 * NO KEY UPDATE, shared for SHARE and KEY SHARE), as it is produced. A row changed since the
 * statement's snapshot is read again once locked: under READ COMMITTED its latest version is
 * produced if it still passes the conditions (skipped if not, or if it was deleted), as PostgreSQL
 * re-checks it; under REPEATABLE READ that is a serialization failure (40001). With NOWAIT a row
 * another transaction holds fails the statement (55P03); with SKIP LOCKED it is left out.
 */
public record LockRowsNode(TableScanNode scan, BoundExpr condition, String conditionText, LockManager.Mode mode,
                           Query.LockWait lockWait) implements PlanNode {
    @Override
    public Scope output() {
        return scan.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        KeyedRowSource rows = scan.open(environment);
        TableWriter writer = new TableWriter(environment, scan.table());
        TableCodec codec = TableCodec.of(scan.table());
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                while (rows.next()) {
                    Object[] candidate = rows.row();
                    if (!passes(candidate)) {
                        continue;
                    }
                    byte[] seen = rows.storedValue();
                    byte[] current = writer.lockRow(rows.key().clone(), seen, mode, lockWait);
                    if (current == null) {
                        continue;
                    }
                    if (!Arrays.equals(current, seen)) {
                        candidate = codec.decodeRow(current);
                        if (!passes(candidate)) {
                            continue;
                        }
                    }
                    row = candidate;
                    return true;
                }
                return false;
            }

            private boolean passes(Object[] candidate) {
                return condition == null || Boolean.TRUE.equals(condition.evaluate(candidate, environment.context()));
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
        return description(mode, lockWait) + (condition == null ? "" : ": " + conditionText);
    }

    /** How EXPLAIN names a lock step: LockRows with its lock mode and wait policy. */
    static String description(LockManager.Mode mode, Query.LockWait lockWait) {
        return "LockRows" + (mode == LockManager.Mode.EXCLUSIVE ? " (exclusive" : " (shared") + switch (lockWait) {
            case WAIT -> ")";
            case NOWAIT -> ", nowait)";
            case SKIP_LOCKED -> ", skip locked)";
        };
    }

    @Override
    public List<PlanNode> children() {
        return List.of(scan);
    }
}
