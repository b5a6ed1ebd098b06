package io.weftdb.engine.expr;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What an expression may read besides its row: statement parameters, the statement's start time
 * (now() is stable within a transaction statement) and session facilities such as sequences.
 */
public interface EvaluationContext {
    List<Object> parameters();

    /**
     * Parameter {@code index} (1-based) as a value of {@code type}. A statement's context may keep
     * the conversion, which point queries would otherwise repeat (the key lookup, the filter).
     */
    default Object parameter(int index, io.weftdb.ir.type.DataType type) {
        List<Object> values = parameters();
        if (index > values.size()) {
            throw new io.weftdb.ir.error.SqlException(io.weftdb.ir.error.ErrorCode.UNDEFINED_PARAMETER,
                    "there is no parameter $" + index);
        }
        return ParameterValues.convert(values.get(index - 1), type, timeZone());
    }

    Instant statementTimestamp();

    Instant transactionTimestamp();

    ZoneId timeZone();

    String currentUser();

    String currentDatabase();

    String currentSchema();

    /**
     * Whether a value that does not fit its column fails the statement (PostgreSQL; MySQL's strict
     * sql_mode) or is adjusted to fit with a warning (MySQL's non-strict mode): see LenientAssignment.
     */
    default boolean strictAssignments() {
        return true;
    }

    /** Reports a warning the statement raises without failing (a value adjusted to fit its column). */
    default void warn(io.weftdb.engine.Notice notice) {
    }

    /** Calls a session-level function that needs engine state (nextval, currval, setval...). */
    Object callSessionFunction(String name, Object[] arguments);

    /**
     * The current row of an enclosing query, for a correlated subquery's references to it:
     * {@code levelsUp} 1 is the query the subquery appears in, 2 the one around that.
     */
    default Object[] outerRow(int levelsUp) {
        throw new IllegalStateException("no enclosing query row in this context");
    }
}
