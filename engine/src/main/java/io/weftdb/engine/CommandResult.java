package io.weftdb.engine;

/**
 * A statement that returns no rows. {@code rowCount} is the affected-row count where the command
 * has one (-1 otherwise), kept apart from the tag so other protocols can report it their way;
 * {@code updatedOnConflict} is how many existing rows an INSERT's ON CONFLICT DO UPDATE changed
 * (to other values), which MySQL counts twice.
 */
public record CommandResult(String commandTag, long rowCount, long updatedOnConflict) implements StatementResult {
    public CommandResult(String commandTag, long rowCount) {
        this(commandTag, rowCount, 0);
    }

    public static CommandResult of(String tag) {
        return new CommandResult(tag, -1);
    }
}
