package io.weftdb.engine;

/** What a statement produced: a command tag, or rows. */
public sealed interface StatementResult permits CommandResult, RowResult {
    /** PostgreSQL's CommandComplete text ("INSERT 0 3", "SELECT 5"); for rows, valid once they are consumed. */
    String commandTag();
}
