package io.weftdb.ir.stmt;

/** {@code EXPLAIN [ANALYZE] statement}. */
public record Explain(Statement statement, boolean analyze, boolean verbose) implements Statement {}
