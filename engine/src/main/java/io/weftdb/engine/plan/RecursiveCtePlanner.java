package io.weftdb.engine.plan;

import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code WITH RECURSIVE name AS (non-recursive-term UNION [ALL] recursive-term)}: the
 * non-recursive term fixes the column types; inside the recursive term {@code name} reads the
 * previous round's rows, and its output is converted to those types.
 */
final class RecursiveCtePlanner {
    private final QueryPlanner planner;

    RecursiveCtePlanner(QueryPlanner planner) {
        this.planner = planner;
    }

    /** Whether the CTE's query reads its own name in some FROM clause (else RECURSIVE changes nothing). */
    static boolean isRecursive(Query.With with) {
        return reads(with.query(), with.name());
    }

    private static boolean reads(Query query, String name) {
        return switch (query) {
            case Query.Select select -> select.from().stream().anyMatch(item -> reads(item, name))
                    && select.with().stream().noneMatch(with -> with.name().equals(name));
            case Query.Values values -> false;
            case Query.SetOperation operation -> reads(operation.left(), name) || reads(operation.right(), name);
        };
    }

    private static boolean reads(FromItem item, String name) {
        return switch (item) {
            case FromItem.TableRef ref -> ref.name().size() == 1 && ref.name().name().equals(name);
            case FromItem.DerivedTable derived -> reads(derived.query(), name);
            case FromItem.Join join -> reads(join.left(), name) || reads(join.right(), name);
            case FromItem.FunctionTable function -> false;
        };
    }

    PlanNode plan(Query.With with) {
        if (!(with.query() instanceof Query.SetOperation union) || union.operator() != Query.SetOperator.UNION
                || reads(union.left(), with.name())) {
            throw new SqlException(ErrorCode.INVALID_RECURSION, "recursive query \"" + with.name()
                    + "\" does not have the form non-recursive-term UNION [ALL] recursive-term");
        }
        if (!union.orderBy().isEmpty() || union.limit() != null || union.offset() != null || !union.with().isEmpty()) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "ORDER BY/LIMIT/OFFSET/WITH in a recursive query is not implemented");
        }
        PlanNode initial = planner.plan(union.left());
        List<Scope.Column> initialColumns = initial.output().columns();
        if (with.columnNames().size() > initialColumns.size()) {
            throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE, "WITH query \"" + with.name() + "\" has "
                    + initialColumns.size() + " columns available but " + with.columnNames().size() + " columns specified");
        }
        List<Scope.Column> columns = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < initialColumns.size(); i++) {
            String columnName = i < with.columnNames().size() ? with.columnNames().get(i) : initialColumns.get(i).name();
            columns.add(new Scope.Column(with.name(), columnName, initialColumns.get(i).type()));
            types.add(initialColumns.get(i).type());
        }
        Scope output = new Scope(columns);
        WorkingTableNode workingTable = new WorkingTableNode(with.name(), output);
        PlanNode recursive = planner.withVisible(planner.ctes().with(with.name(),
                new CommonTableExpressions.Working(workingTable))).plan(union.right());
        if (recursive.output().columns().size() != columns.size()) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "each UNION query must have the same number of columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            DataType produced = recursive.output().columns().get(i).type();
            if (!produced.equals(types.get(i)) && produced.kind() != types.get(i).kind()) {
                throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "recursive query \"" + with.name() + "\" column "
                        + (i + 1) + " has type " + types.get(i).sqlName() + " in non-recursive term but type "
                        + produced.sqlName() + " overall")
                        .withHint("Cast the output of the non-recursive term to the correct type.");
            }
        }
        return new RecursiveUnionNode(initial, QueryPlanner.convert(recursive, types), workingTable, union.all(), output);
    }
}
