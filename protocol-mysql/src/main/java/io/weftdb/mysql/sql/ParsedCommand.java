package io.weftdb.mysql.sql;

/**
 * One statement of a MySQL script: its translation, its source text (without the separating
 * semicolon), the char offset of that text in the script, and how many {@code ?} parameters it has.
 */
public record ParsedCommand(MysqlCommand command, String text, int offset, int parameterCount) {
}
