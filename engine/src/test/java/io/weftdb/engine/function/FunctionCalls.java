package io.weftdb.engine.function;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.engine.value.TextParse;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Binds library functions and operators to constant arguments and shows results as PostgreSQL's
 * text output, so tests read like psql sessions: {@code call("lpad", text("hi"), integer(5))}.
 */
final class FunctionCalls {
    /** A session at a fixed instant in UTC (or another zone), as a statement would see it. */
    record FixedContext(Instant now, ZoneId timeZone) implements EvaluationContext {
        static final FixedContext UTC = new FixedContext(Instant.parse("2024-02-29T12:34:56.789Z"), ZoneOffset.UTC);

        @Override
        public List<Object> parameters() {
            return List.of();
        }

        @Override
        public Instant statementTimestamp() {
            return now;
        }

        @Override
        public Instant transactionTimestamp() {
            return now;
        }

        @Override
        public String currentUser() {
            return "tester";
        }

        @Override
        public String currentDatabase() {
            return "weftdb";
        }

        @Override
        public String currentSchema() {
            return "public";
        }

        @Override
        public Object callSessionFunction(String name, Object[] arguments) {
            throw new UnsupportedOperationException(name);
        }
    }

    private FunctionCalls() {
    }

    /** An untyped literal, as a quoted string in SQL is before resolution. */
    static BoundExpr literal(String text) {
        return BoundExpr.constant(text, DataType.UNKNOWN);
    }

    static BoundExpr text(String text) {
        return BoundExpr.constant(text, DataType.TEXT);
    }

    static BoundExpr integer(long value) {
        return BoundExpr.constant(value, DataType.INTEGER);
    }

    static BoundExpr nullOf(DataType type) {
        return BoundExpr.constant(null, type);
    }

    /** A constant of {@code type} written in its text form: {@code typed("1.50", NUMERIC)}. */
    static BoundExpr typed(String text, DataType type) {
        return BoundExpr.constant(TextParse.parse(text, type), type);
    }

    static BoundExpr bind(String name, BoundExpr... arguments) {
        return FunctionRegistry.DEFAULT.bind(name, List.of(arguments), 0);
    }

    /** The text output of {@code name(arguments)}, null for SQL NULL. */
    static String call(String name, BoundExpr... arguments) {
        return show(bind(name, arguments), FixedContext.UTC);
    }

    static String callIn(ZoneId zone, String name, BoundExpr... arguments) {
        return show(bind(name, arguments), new FixedContext(FixedContext.UTC.now(), zone));
    }

    /** The text output of {@code left symbol right} as the library binds it. */
    static String operator(BoundExpr left, String symbol, BoundExpr right) {
        BoundExpr bound = FunctionRegistry.DEFAULT.bindOperator(symbol, left, right);
        if (bound == null) {
            throw new AssertionError("the library has no " + symbol + " for " + left.type() + " and " + right.type());
        }
        return show(bound, FixedContext.UTC);
    }

    static String typeOf(String name, BoundExpr... arguments) {
        return bind(name, arguments).type().sqlName();
    }

    private static String show(BoundExpr bound, EvaluationContext context) {
        return TextFormat.format(bound.evaluate(null, context), bound.type(), context.timeZone());
    }

    /** The error code a call raises. */
    static ErrorCode errorOf(String name, BoundExpr... arguments) {
        try {
            call(name, arguments);
        } catch (SqlException e) {
            return e.code();
        }
        throw new AssertionError("expected " + name + " to fail");
    }
}
