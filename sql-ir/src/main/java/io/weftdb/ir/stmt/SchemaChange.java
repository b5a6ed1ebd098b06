package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import java.util.List;

/** DDL: statements that change the catalog. All of them are transactional. */
public sealed interface SchemaChange extends Statement {

    record CreateDatabase(String name, boolean ifNotExists) implements SchemaChange {}

    record DropDatabase(String name, boolean ifExists) implements SchemaChange {}

    record CreateSchema(String name, boolean ifNotExists) implements SchemaChange {}

    record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements SchemaChange {
        public DropSchema {
            names = List.copyOf(names);
        }
    }

    /**
     * CREATE [TEMPORARY] TABLE. A temporary table lives in the session's own temporary schema, is
     * found before any other relation of its name, and is dropped when the session ends.
     */
    record CreateTable(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                       List<TableConstraint> constraints, Query asQuery, boolean temporary) implements SchemaChange {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }

        public CreateTable(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                           List<TableConstraint> constraints, Query asQuery) {
            this(name, ifNotExists, columns, constraints, asQuery, false);
        }
    }

    record DropTable(List<QualifiedName> names, boolean ifExists, boolean cascade) implements SchemaChange {
        public DropTable {
            names = List.copyOf(names);
        }
    }

    record CreateIndex(String name, QualifiedName table, boolean unique, boolean ifNotExists,
                       List<IndexColumn> columns) implements SchemaChange {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    record IndexColumn(String column, boolean descending) {}

    /** DROP INDEX; with {@code table} (MySQL's DROP INDEX name ON table) the names are those within that table. */
    record DropIndex(List<QualifiedName> names, boolean ifExists, boolean cascade, QualifiedName table) implements SchemaChange {
        public DropIndex {
            names = List.copyOf(names);
        }

        public DropIndex(List<QualifiedName> names, boolean ifExists, boolean cascade) {
            this(names, ifExists, cascade, null);
        }
    }

    record CreateSequence(QualifiedName name, boolean ifNotExists, SequenceOptions options) implements SchemaChange {}

    record DropSequence(List<QualifiedName> names, boolean ifExists, boolean cascade) implements SchemaChange {
        public DropSequence {
            names = List.copyOf(names);
        }
    }

    /** Sequence options; null fields take PostgreSQL's defaults. */
    record SequenceOptions(DataType type, Long increment, Long minValue, Long maxValue, Long start, Long cache,
                           Boolean cycle) {
        public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, null, null);
    }

    record AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions) implements SchemaChange {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /** ALTER TABLE sub-commands. */
    sealed interface AlterAction {
        record AddColumn(ColumnDefinition column, boolean ifNotExists) implements AlterAction {}

        record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterAction {}

        record RenameColumn(String from, String to) implements AlterAction {}

        record RenameTable(String newName) implements AlterAction {}

        record AddConstraint(TableConstraint constraint) implements AlterAction {}

        record DropConstraint(String name, boolean ifExists) implements AlterAction {}

        record SetDefault(String column, Expr defaultValue) implements AlterAction {}

        record DropDefault(String column) implements AlterAction {}

        record SetNotNull(String column) implements AlterAction {}

        record DropNotNull(String column) implements AlterAction {}

        /** SET DATA TYPE; {@code declaredType} as in {@link ColumnDefinition} (null when the type's own name is right). */
        record AlterColumnType(String column, DataType type, String declaredType) implements AlterAction {
            public AlterColumnType(String column, DataType type) {
                this(column, type, null);
            }
        }

        /** MySQL's DROP PRIMARY KEY: the table's primary key, whatever its name. */
        record DropPrimaryKey() implements AlterAction {}

        /** MySQL's FIRST / AFTER: moves a column to the front ({@code after} null) or after another one. */
        record MoveColumn(String column, String after) implements AlterAction {}

        /** MySQL's ON UPDATE value of a column (null: none); see {@link ColumnDefinition#onUpdate()}. */
        record SetOnUpdate(String column, Expr onUpdate) implements AlterAction {}
    }

    record Truncate(List<QualifiedName> tables, boolean restartIdentity, boolean cascade) implements SchemaChange {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    record CreateView(QualifiedName name, boolean orReplace, List<String> columnNames, Query query, String sql)
            implements SchemaChange {
        public CreateView {
            columnNames = List.copyOf(columnNames);
        }
    }

    record DropView(List<QualifiedName> names, boolean ifExists, boolean cascade) implements SchemaChange {
        public DropView {
            names = List.copyOf(names);
        }
    }

    /** ANALYZE / VACUUM [ANALYZE]: refresh statistics (vacuum has nothing else to do on this storage). */
    /** What COMMENT ON names. */
    enum CommentTarget { TABLE, VIEW, SEQUENCE, INDEX, COLUMN, SCHEMA, DATABASE }

    /** COMMENT ON target name IS 'text' (null text: the comment is removed); a column is named table.column. */
    record Comment(CommentTarget target, QualifiedName name, String text) implements SchemaChange {}

    record Analyze(List<QualifiedName> tables, boolean vacuum) implements SchemaChange {
        public Analyze {
            tables = List.copyOf(tables);
        }
    }
}
