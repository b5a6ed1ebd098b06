package io.weftdb.ir.expr;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A scalar expression as written, before name resolution and typing. Every node carries the
 * 1-based position of its first character in the statement text (0 when synthesised), so errors
 * found later can still point at the source.
 */
public sealed interface Expr {
    int position();

    /** A constant. {@code type} is UNKNOWN for a quoted string literal whose type comes from context. */
    record Literal(Object value, DataType type, int position) implements Expr {
        public Literal {
            Objects.requireNonNull(type, "type");
        }

        public static Literal nullValue(int position) {
            return new Literal(null, DataType.UNKNOWN, position);
        }
    }

    /** A column reference, possibly qualified by table (and schema). */
    record ColumnRef(QualifiedName name, int position) implements Expr {}

    /** {@code $n} (1-based), or a positional parameter of another dialect already numbered. */
    record Parameter(int index, int position) implements Expr {
        public Parameter {
            if (index < 1) {
                throw new IllegalArgumentException("parameter numbers start at 1");
            }
        }
    }

    /** {@code *} or {@code t.*} in a select list or count(*). qualifier is null for a bare star. */
    record Star(QualifiedName qualifier, int position) implements Expr {}

    record Unary(UnaryOperator operator, Expr operand, int position) implements Expr {}

    record Binary(BinaryOperator operator, Expr left, Expr right, int position) implements Expr {}

    /** {@code expr IS [NOT] NULL}, {@code IS [NOT] TRUE/FALSE/UNKNOWN}. */
    record IsPredicate(Expr operand, IsTest test, boolean negated, int position) implements Expr {}

    record IsDistinctFrom(Expr left, Expr right, boolean negated, int position) implements Expr {}

    record Between(Expr operand, Expr low, Expr high, boolean negated, boolean symmetric, int position) implements Expr {}

    record InList(Expr operand, List<Expr> values, boolean negated, int position) implements Expr {
        public InList {
            values = List.copyOf(values);
        }
    }

    record InSubquery(Expr operand, Query query, boolean negated, int position) implements Expr {}

    record Exists(Query query, int position) implements Expr {}

    record ScalarSubquery(Query query, int position) implements Expr {}

    /** {@code expr op ANY/ALL (subquery or array)}. */
    record Quantified(BinaryOperator operator, Expr left, Quantifier quantifier, Expr array, Query query, int position)
            implements Expr {}

    /** {@code LIKE}, {@code ILIKE}, {@code SIMILAR TO}, with optional ESCAPE. */
    record Like(Expr operand, Expr pattern, Expr escape, LikeKind kind, boolean negated, int position) implements Expr {}

    /** Searched CASE when operand is null; simple CASE otherwise. elseResult may be null. */
    record Case(Expr operand, List<WhenClause> whens, Expr elseResult, int position) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record WhenClause(Expr condition, Expr result) {}

    record Cast(Expr operand, DataType type, int position) implements Expr {}

    /** Any call: functions, aggregates (distinct/filter/orderBy) and window functions (over). */
    record FunctionCall(QualifiedName name, List<Expr> arguments, boolean distinct, boolean starArgument,
                        Expr filter, List<SortItem> orderBy, WindowSpec over, int position) implements Expr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
            orderBy = List.copyOf(orderBy);
        }

        public static FunctionCall of(String name, List<Expr> arguments, int position) {
            return new FunctionCall(QualifiedName.of(name), arguments, false, false, null, List.of(), null, position);
        }
    }

    record WindowSpec(List<Expr> partitionBy, List<SortItem> orderBy, WindowFrame frame) {
        public WindowSpec {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    record WindowFrame(FrameUnit unit, FrameBound start, FrameBound end) {}

    record FrameBound(FrameBoundKind kind, Expr offset) {}

    enum FrameUnit { ROWS, RANGE, GROUPS }

    enum FrameBoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** {@code ARRAY[a, b]}. */
    record ArrayConstructor(List<Expr> elements, int position) implements Expr {
        public ArrayConstructor {
            elements = List.copyOf(elements);
        }
    }

    /** {@code arr[i]}. */
    record Subscript(Expr array, Expr index, int position) implements Expr {}

    /** {@code (value).field}: one field of a record value. */
    record FieldSelection(Expr value, String field, int position) implements Expr {}

    /** Niladic SQL value functions spelled without parentheses: CURRENT_DATE, CURRENT_USER... */
    record SpecialValue(SpecialValueKind kind, int position) implements Expr {}

    /** {@code DEFAULT} in an INSERT VALUES list or UPDATE SET. */
    record DefaultValue(int position) implements Expr {}

    /** A row constructor {@code (a, b)} or {@code ROW(a, b)}. */
    record RowConstructor(List<Expr> fields, int position) implements Expr {
        public RowConstructor {
            fields = List.copyOf(fields);
        }
    }

    enum IsTest { NULL, TRUE, FALSE, UNKNOWN }

    enum LikeKind { LIKE, ILIKE, SIMILAR }

    enum Quantifier { ANY, ALL }

    enum SpecialValueKind {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP,
        CURRENT_USER, SESSION_USER, USER, CURRENT_SCHEMA, CURRENT_CATALOG
    }
}
