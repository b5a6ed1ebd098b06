package io.weftdb.ir.error;

/** Broad families of errors; protocols may use them as a fallback when a code has no exact mapping. */
public enum ErrorCategory {
    SYNTAX,
    UNDEFINED_OBJECT,
    DUPLICATE_OBJECT,
    DATA,
    INTEGRITY,
    TRANSACTION,
    CONCURRENCY,
    FEATURE,
    PERMISSION,
    RESOURCE,
    OPERATOR_INTERVENTION,
    INTERNAL
}
