package io.weftdb.engine.catalog;

import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A table: its live columns in order, every row layout it has ever written, its indexes (the first
 * is always the primary index) and constraints. Immutable: DDL builds a new one.
 *
 * @param nextColumnId the id the next added column gets (ids are never reused)
 * @param hiddenRowId whether the primary index is keyed by a hidden row id (no PRIMARY KEY declared)
 */
public record TableDef(long id, long schemaId, String name, List<ColumnDef> columns, List<RowLayout> layouts,
                       List<IndexDef> indexes, List<CheckDef> checks, List<ForeignKeyDef> foreignKeys,
                       int nextColumnId, boolean hiddenRowId) implements CatalogObject {
    public TableDef {
        columns = List.copyOf(columns);
        layouts = List.copyOf(layouts);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        if (indexes.isEmpty() || !indexes.get(0).primary()) {
            throw new IllegalArgumentException("the first index of a table must be its primary index");
        }
    }

    public IndexDef primaryIndex() {
        return indexes.get(0);
    }

    public RowLayout currentLayout() {
        return layouts.get(layouts.size() - 1);
    }

    public RowLayout layout(int version) {
        for (int i = layouts.size() - 1; i >= 0; i--) {
            if (layouts.get(i).version() == version) {
                return layouts.get(i);
            }
        }
        throw new IllegalStateException("table " + name + " has no row layout " + version);
    }

    /** Position of the column named {@code columnName} among the live columns, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** Position of the column with id {@code columnId} among the live columns, or -1 when dropped. */
    public int columnPosition(int columnId) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id() == columnId) {
                return i;
            }
        }
        return -1;
    }

    public ColumnDef column(int columnId) {
        int position = columnPosition(columnId);
        return position < 0 ? null : columns.get(position);
    }

    /** The live column positions an index keys on, in key order. */
    public int[] keyPositions(IndexDef index) {
        int[] positions = new int[index.columnIds().size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = columnPosition(index.columnIds().get(i));
        }
        return positions;
    }

    public TableDef withColumns(List<ColumnDef> newColumns, boolean newLayout) {
        List<RowLayout> newLayouts = layouts;
        if (newLayout) {
            List<Integer> ids = new ArrayList<>();
            List<TypeKind> kinds = new ArrayList<>();
            for (ColumnDef column : newColumns) {
                ids.add(column.id());
                kinds.add(column.type().kind());
            }
            newLayouts = new ArrayList<>(layouts);
            newLayouts.add(new RowLayout(currentLayout().version() + 1, ids, kinds));
        }
        int next = nextColumnId;
        for (ColumnDef column : newColumns) {
            next = Math.max(next, column.id() + 1);
        }
        return new TableDef(id, schemaId, name, newColumns, newLayouts, indexes, checks, foreignKeys, next, hiddenRowId);
    }

    public TableDef withName(String newName) {
        return new TableDef(id, schemaId, newName, columns, layouts, indexes, checks, foreignKeys, nextColumnId,
                hiddenRowId);
    }

    public TableDef withIndexes(List<IndexDef> newIndexes, boolean newHiddenRowId) {
        return new TableDef(id, schemaId, name, columns, layouts, newIndexes, checks, foreignKeys, nextColumnId,
                newHiddenRowId);
    }

    public TableDef withChecks(List<CheckDef> newChecks) {
        return new TableDef(id, schemaId, name, columns, layouts, indexes, newChecks, foreignKeys, nextColumnId,
                hiddenRowId);
    }

    public TableDef withForeignKeys(List<ForeignKeyDef> newForeignKeys) {
        return new TableDef(id, schemaId, name, columns, layouts, indexes, checks, newForeignKeys, nextColumnId,
                hiddenRowId);
    }
}
