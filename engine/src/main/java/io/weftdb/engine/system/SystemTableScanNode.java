package io.weftdb.engine.system;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans a pg_catalog or information_schema relation: its rows are computed when the scan opens,
 * from the catalog the statement's transaction sees, so DDL earlier in the same transaction shows.
 * Catalog relations are small (one row per object), so the rows are built in memory.
 */
public record SystemTableScanNode(SystemTable table, String alias, Scope output) implements PlanNode {

    /** A scan of {@code table} under {@code alias}, its columns renamed by {@code columnAliases} as in {@code AS a(x, y)}. */
    public static SystemTableScanNode of(SystemTable table, String alias, List<String> columnAliases, int position) {
        List<SystemTable.Column> columns = table.columns();
        if (columnAliases.size() > columns.size()) {
            throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + alias + "\" has " + columns.size()
                    + " columns available but " + columnAliases.size() + " columns specified", position);
        }
        List<Scope.Column> scope = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = i < columnAliases.size() ? columnAliases.get(i) : columns.get(i).name();
            scope.add(new Scope.Column(alias, name, columns.get(i).type()));
        }
        return new SystemTableScanNode(table, alias, new Scope(scope));
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        return new ListRowSource(table.rows(SystemContext.of(environment)));
    }

    @Override
    public String describe() {
        return "System Scan on " + table.schema() + "." + table.name() + (alias.equals(table.name()) ? "" : " " + alias);
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }
}
