package io.weftdb.engine;

/**
 * A statement that returns no rows. {@code rowCount} is the affected-row count where the command
 * has one (-1 otherwise), kept apart from the tag so other protocols can report it their way.
 */
public record CommandResult(String commandTag, long rowCount) implements StatementResult {
    public static CommandResult of(String tag) {
        return new CommandResult(tag, -1);
    }
}
