package io.weftdb.engine.function;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;

/** The errors the function library raises, worded as PostgreSQL words them. */
final class FunctionErrors {
    private FunctionErrors() {
    }

    static SqlException invalidParameter(String message) {
        return new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    static SqlException outOfRange(String message) {
        return new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, message);
    }

    static SqlException intervalOutOfRange() {
        return new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }

    static SqlException divisionByZero() {
        return new SqlException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }
}
