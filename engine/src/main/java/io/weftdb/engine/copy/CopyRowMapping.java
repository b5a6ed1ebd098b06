package io.weftdb.engine.copy;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.engine.table.TableScope;
import io.weftdb.engine.table.TargetColumns;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each field of a COPY line goes. A plain COPY sends field i to column i of its column list.
 * LOAD DATA may also send a field to an input variable and compute columns with SET: the working
 * row is then the table's columns followed by the variables (as text, as MySQL's user variables
 * hold what LOAD DATA read), the SET expressions are compiled once over that row, and the table's
 * row is its first part.
 */
final class CopyRowMapping {
    private final int width;
    /** Per field: its column's table position, or {@code width + n} for the n-th variable. */
    private final int[] targets;
    private final DataType[] types;
    private final String[] names;
    private final String[] variables;
    private final int[] assignedPositions;
    private final BoundExpr[] assignedValues;
    private final boolean[] given;
    private final Copy.Duplicates duplicates;

    private CopyRowMapping(int width, int[] targets, DataType[] types, String[] names, String[] variables,
                           int[] assignedPositions, BoundExpr[] assignedValues, Copy.Duplicates duplicates) {
        this.width = width;
        this.targets = targets;
        this.types = types;
        this.names = names;
        this.variables = variables;
        this.assignedPositions = assignedPositions;
        this.assignedValues = assignedValues;
        this.duplicates = duplicates;
        this.given = new boolean[width];
        for (int target : targets) {
            if (target < width) {
                given[target] = true;
            }
        }
        for (int position : assignedPositions) {
            given[position] = true;
        }
    }

    /** The mapping of {@code copy} into {@code table}; SET expressions are compiled with {@code planner}. */
    static CopyRowMapping of(TableDef table, Copy copy, QueryPlanner planner) {
        List<ColumnDef> columns = table.columns();
        int width = columns.size();
        Copy.Load load = copy.load();
        if (load == null || load.fields().isEmpty()) {
            int[] targets = TargetColumns.positions(table, copy.columns());
            DataType[] types = new DataType[targets.length];
            String[] names = new String[targets.length];
            for (int i = 0; i < targets.length; i++) {
                types[i] = columns.get(targets[i]).type();
                names[i] = columns.get(targets[i]).name();
            }
            return load == null
                    ? new CopyRowMapping(width, targets, types, names, new String[0], new int[0], new BoundExpr[0],
                            Copy.Duplicates.ERROR)
                    : withAssignments(table, planner, load, targets, types, names, List.of());
        }
        int[] targets = new int[load.fields().size()];
        DataType[] types = new DataType[targets.length];
        String[] names = new String[targets.length];
        List<String> variables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.length; i++) {
            Copy.Field field = load.fields().get(i);
            switch (field) {
                case Copy.Field.Column column -> {
                    if (!seen.add(column.name())) {
                        throw new SqlException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.name()
                                + "\" specified more than once");
                    }
                    targets[i] = table.columnIndex(column.name());
                    if (targets[i] < 0) {
                        throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.name() + "\" of relation \""
                                + table.name() + "\" does not exist");
                    }
                    types[i] = columns.get(targets[i]).type();
                    names[i] = column.name();
                }
                case Copy.Field.Variable variable -> {
                    int slot = variables.indexOf(variable.name());
                    if (slot < 0) {
                        slot = variables.size();
                        variables.add(variable.name());
                    }
                    targets[i] = width + slot;
                    types[i] = DataType.TEXT;
                    names[i] = "@" + variable.name();
                }
            }
        }
        return withAssignments(table, planner, load, targets, types, names, variables);
    }

    private static CopyRowMapping withAssignments(TableDef table, QueryPlanner planner, Copy.Load load, int[] targets,
                                                  DataType[] types, String[] names, List<String> variables) {
        List<Scope.Column> inputs = new ArrayList<>();
        for (String variable : variables) {
            inputs.add(new Scope.Column(Copy.Load.VARIABLES, variable, DataType.TEXT, true));
        }
        ExpressionCompiler compiler = planner.compiler(TableScope.of(table, table.name()).concat(new Scope(inputs)));
        int[] positions = new int[load.assignments().size()];
        BoundExpr[] values = new BoundExpr[positions.length];
        Set<Integer> assigned = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            DataChange.Assignment assignment = load.assignments().get(i);
            positions[i] = table.columnIndex(assignment.column());
            if (positions[i] < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + assignment.column() + "\" of relation \""
                        + table.name() + "\" does not exist", assignment.value().position());
            }
            if (!assigned.add(positions[i])) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \""
                        + assignment.column() + "\"");
            }
            ColumnDef column = table.columns().get(positions[i]);
            values[i] = compiler.compileAssigned(assignment.value(), column.type(), column.name());
        }
        return new CopyRowMapping(table.columns().size(), targets, types, names, variables.toArray(String[]::new),
                positions, values, load.duplicates());
    }

    int fieldCount() {
        return targets.length;
    }

    /** Where field {@code i} goes in the working row. */
    int target(int field) {
        return targets[field];
    }

    DataType type(int field) {
        return types[field];
    }

    /** The field's column name ({@code @name} for a variable), as errors and HEADER MATCH name it. */
    String name(int field) {
        return names[field];
    }

    String[] names() {
        return names.clone();
    }

    /** Whether column {@code position} gets a value from a field or a SET assignment (else its default). */
    boolean gives(int position) {
        return given[position];
    }

    Copy.Duplicates duplicates() {
        return duplicates;
    }

    /** A fresh working row: the table's columns, then the variables. */
    Object[] newRow() {
        return new Object[width + variables.length];
    }

    /** Computes the SET columns of a working row whose fields are in place; returns the table's row. */
    Object[] complete(Object[] row, EvaluationContext context) {
        for (int i = 0; i < assignedPositions.length; i++) {
            row[assignedPositions[i]] = assignedValues[i].evaluate(row, context);
        }
        return variables.length == 0 ? row : Arrays.copyOf(row, width);
    }

    /** The variables of a working row by name, as the session keeps them after the load. */
    Map<String, Object> variables(Object[] row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.length; i++) {
            values.put(variables[i], row == null ? null : row[width + i]);
        }
        return values;
    }
}
