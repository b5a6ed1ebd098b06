package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.List;

/**
 * format(formatstr, args...): {@code %s} (text, NULL as empty), {@code %I} (identifier),
 * {@code %L} (literal, NULL unquoted), {@code %%}, with optional {@code n$} position, {@code -} flag
 * and width (a number or {@code *}), as PostgreSQL's text_format.
 */
final class Format {
    private Format() {
    }

    static BoundExpr bind(List<BoundExpr> arguments) {
        if (arguments.isEmpty() || !Overload.coercible(arguments.get(0).type(), DataType.TEXT)) {
            return null;
        }
        Evaluator[] values = arguments.stream().map(StringFunctions.ValueText::of).toArray(Evaluator[]::new);
        boolean constant = Overload.foldable(arguments);
        return new BoundExpr((row, context) -> {
            Object format = values[0].evaluate(row, context);
            return format == null ? null : format((String) format, values, row, context);
        }, DataType.TEXT, constant);
    }

    private static String format(String format, Evaluator[] values, Object[] row, EvaluationContext context) {
        StringBuilder out = new StringBuilder();
        int nextArgument = 1;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                throw unterminated();
            }
            if (format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int argument = -1;
            int start = i;
            int number = 0;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                number = number * 10 + (format.charAt(i++) - '0');
            }
            if (i > start && i < format.length() && format.charAt(i) == '$') {
                if (number == 0) {
                    throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "format specifies argument 0, but arguments are numbered from 1");
                }
                argument = number;
                i++;
            } else {
                i = start;
            }
            boolean leftAlign = false;
            if (i < format.length() && format.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int width = 0;
            if (i < format.length() && format.charAt(i) == '*') {
                i++;
                Object widthValue = nextArgument < values.length ? values[nextArgument++].evaluate(row, context) : missing();
                width = widthValue == null ? 0 : width((String) widthValue);
                if (width < 0) {
                    leftAlign = true;
                    width = -width;
                }
            } else {
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    width = width * 10 + (format.charAt(i++) - '0');
                }
            }
            if (i >= format.length()) {
                throw unterminated();
            }
            char type = format.charAt(i++);
            if (type != 's' && type != 'I' && type != 'L') {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            int index = argument > 0 ? argument : nextArgument;
            if (index >= values.length) {
                missing();
            }
            nextArgument = index + 1;
            Object value = values[index].evaluate(row, context);
            String text = switch (type) {
                case 's' -> value == null ? "" : (String) value;
                case 'I' -> {
                    if (value == null) {
                        throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED,
                                "null values cannot be formatted as an SQL identifier");
                    }
                    yield Quoting.identifier((String) value);
                }
                default -> value == null ? "NULL" : Quoting.literal((String) value);
            };
            int padding = width - text.codePointCount(0, text.length());
            if (padding > 0 && !leftAlign) {
                out.repeat(' ', padding);
            }
            out.append(text);
            if (padding > 0 && leftAlign) {
                out.repeat(' ', padding);
            }
        }
        return out.toString();
    }

    private static int width(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"" + text + "\"");
        }
    }

    private static Object missing() {
        throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "too few arguments for format()");
    }

    private static SqlException unterminated() {
        return new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                .withHint("For a single \"%\" use \"%%\".");
    }
}
