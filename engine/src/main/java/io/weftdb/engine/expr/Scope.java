package io.weftdb.engine.expr;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** The columns visible to an expression: each with its relation alias, name, type and row position. */
public final class Scope {
    /** One visible column; {@code relation} is the alias or table name it can be qualified by. */
    /**
     * One visible column; {@code relation} is the alias or table name it can be qualified by. A
     * {@code qualifiedOnly} column is reachable only through its relation and is left out of an
     * unqualified {@code *}: a USING/NATURAL join column of either side, behind the merged one.
     */
    /** {@code origin}: the table column it is read from unchanged, or null. */
    public record Column(String relation, String name, DataType type, boolean qualifiedOnly, ColumnOrigin origin) {
        public Column(String relation, String name, DataType type) {
            this(relation, name, type, false, null);
        }

        public Column(String relation, String name, DataType type, boolean qualifiedOnly) {
            this(relation, name, type, qualifiedOnly, null);
        }

        /** This column under another relation name and column name, from the same origin. */
        public Column renamed(String newRelation, String newName) {
            return new Column(newRelation, newName, type, false, origin);
        }

        /** Whether an unqualified {@code *} lists it, or {@code qualifier.*} when that is not null. */
        public boolean inStar(String qualifier) {
            return qualifier == null ? !qualifiedOnly : qualifier.equals(relation);
        }
    }

    public static final Scope EMPTY = new Scope(List.of());

    private final List<Column> columns;

    public Scope(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    public Scope concat(Scope other) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(other.columns);
        return new Scope(all);
    }

    /** Resolves a column reference to its row position; 42703 when absent, 42702 when ambiguous. */
    public int resolve(QualifiedName name, int position) {
        int found = find(name, position);
        if (found < 0) {
            String column = name.name();
            String relation = name.qualifier();
            if (relation != null && columns.stream().noneMatch(c -> relation.equals(c.relation()))) {
                throw new SqlException(ErrorCode.UNDEFINED_TABLE,
                        "missing FROM-clause entry for table \"" + relation + "\"", position);
            }
            throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column " + (relation == null ? "" : relation + ".")
                    + (relation == null ? "\"" + column + "\"" : column) + " does not exist", position);
        }
        return found;
    }

    /** The row position of a column reference, -1 when no column matches; 42702 when several do. */
    public int find(QualifiedName name, int position) {
        String column = name.name();
        String relation = name.qualifier();
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            Column candidate = columns.get(i);
            if (candidate.name().equals(column)
                    && (relation == null ? !candidate.qualifiedOnly() : relation.equals(candidate.relation()))) {
                if (found >= 0) {
                    throw new SqlException(ErrorCode.AMBIGUOUS_COLUMN, "column reference \"" + column + "\" is ambiguous",
                            position);
                }
                found = i;
            }
        }
        return found;
    }
}
