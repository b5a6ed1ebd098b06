package io.weftdb.ir.stmt;

/**
 * A parsed SQL statement in the dialect-neutral IR. Each family is a sealed sub-interface so the
 * engine's dispatch is checked by the compiler.
 */
public sealed interface Statement permits Query, DataChange, SchemaChange, TransactionControl, SessionCommand,
        Copy, Explain {
}
