package io.weftdb.engine.system;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column default as pg_get_expr shows it. Defaults the catalog keeps as text (SERIAL's nextval)
 * are shown as kept; others are printed from their expression the way PostgreSQL deparses the
 * stored default: a string constant cast to the column's type ({@code 'x'::character varying}),
 * numbers and booleans bare, function calls and SQL value functions as written.
 */
final class DefaultText {
    private DefaultText() {
    }

    /** The default's text, or null when the column has none. */
    static String of(ColumnDef column) {
        if (column.defaultSql() != null) {
            return column.defaultSql();
        }
        return column.defaultValue() == null ? null : expression(column.defaultValue(), column.type());
    }

    private static String expression(Expr expr, DataType target) {
        return switch (expr) {
            case Expr.Literal literal when literal.value() == null -> "NULL::" + typeName(target);
            case Expr.Literal literal when literal.value() instanceof Boolean || literal.value() instanceof Number
                    && literal.type().kind() != TypeKind.UNKNOWN ->
                    TextFormat.format(literal.value(), literal.type(), ZoneOffset.UTC);
            case Expr.Literal literal -> {
                DataType type = literal.type().kind() == TypeKind.UNKNOWN && target != null ? target : literal.type();
                String text = literal.value() instanceof String string ? string
                        : TextFormat.format(literal.value(), type, ZoneOffset.UTC);
                yield quote(text) + "::" + typeName(type);
            }
            case Expr.Cast cast -> expression(cast.operand(), cast.type());
            case Expr.FunctionCall call -> {
                List<String> arguments = new ArrayList<>();
                for (Expr argument : call.arguments()) {
                    arguments.add(expression(argument, null));
                }
                yield call.name().name() + "(" + (call.starArgument() ? "*" : String.join(", ", arguments)) + ")";
            }
            case Expr.SpecialValue special -> special.kind().name();
            case Expr.Unary unary -> unary.operator().symbol() + expression(unary.operand(), target);
            case Expr.Binary binary -> "(" + expression(binary.left(), target) + " " + binary.operator().symbol() + " "
                    + expression(binary.right(), target) + ")";
            case Expr.ColumnRef ref -> ref.name().toString();
            default -> expr.toString();
        };
    }

    /** The type name PostgreSQL writes in a cast of a constant: no length or precision. */
    private static String typeName(DataType type) {
        if (type == null || type.kind() == TypeKind.UNKNOWN) {
            return "text";
        }
        return switch (type.kind()) {
            case VARCHAR -> "character varying";
            case CHAR -> "bpchar";
            case NUMERIC -> "numeric";
            case ARRAY -> typeName(type.element()) + "[]";
            default -> type.sqlName().toLowerCase(Locale.ROOT);
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
