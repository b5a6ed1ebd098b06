package io.weftdb.ir.parse;

import io.weftdb.ir.stmt.Statement;

/**
 * One statement of a script: its IR, its own source text (from its first token to its last, without
 * the separating semicolon) and the char offset of that text in the script. Positions inside
 * {@code statement} count from the start of the whole script.
 */
public record ParsedStatement(Statement statement, String text, int offset) {
}
