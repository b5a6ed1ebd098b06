package io.weftdb.server;

import io.weftdb.ir.error.SqlException;

/**
 * Error text as psql shows it with its default verbosity (libpq's {@code pqBuildErrorMessage3}):
 *
 * <pre>
 * ERROR:  relation "nosuch" does not exist
 * LINE 1: select * from nosuch
 *                       ^
 * DETAIL:  ...
 * HINT:  ...
 * </pre>
 *
 * With {@code withSqlState} the first line carries the SQLSTATE as psql's verbose mode does
 * ({@code ERROR:  42P01: relation "nosuch" does not exist}).
 */
final class ErrorReport {
    /** Longest stretch of the offending line shown, in screen columns (libpq's DISPLAY_SIZE). */
    private static final int DISPLAY_SIZE = 60;
    /** How far the cut end of a long line stays from the error position (libpq's MIN_RIGHT_CUT). */
    private static final int MIN_RIGHT_CUT = 10;

    private ErrorReport() {
    }

    /**
     * @param error the error to show
     * @param queryText the text the error's position counts into (ignored when it has no position):
     *     the whole text given to the parser, since positions in the IR count from its start
     * @param withSqlState whether to show the SQLSTATE before the message
     */
    static String format(SqlException error, String queryText, boolean withSqlState) {
        StringBuilder out = new StringBuilder("ERROR:  ");
        if (withSqlState) {
            out.append(error.code().sqlState()).append(": ");
        }
        out.append(error.getMessage()).append('\n');
        if (queryText != null && error.position() > 0) {
            appendPosition(out, queryText, error.position());
        }
        if (error.detail() != null) {
            out.append("DETAIL:  ").append(error.detail()).append('\n');
        }
        if (error.hint() != null) {
            out.append("HINT:  ").append(error.hint()).append('\n');
        }
        return out.toString();
    }

    /** Message for an exception that is not a SQL error (a bug or an environment failure). */
    static String formatUnexpected(RuntimeException error) {
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return "ERROR:  internal error: " + message + '\n';
    }

    /**
     * The {@code LINE n: ...} and caret lines of libpq's {@code reportErrorPosition}: the line holding
     * the position, cut to about 60 columns around it, tabs shown as spaces. {@code position} is
     * 1-based and counts Java chars, as positions in the IR do.
     */
    static void appendPosition(StringBuilder out, String query, int position) {
        if (position - 1 > query.length()) {
            return;
        }
        int[] codePoints = query.codePoints().toArray();
        int location = query.codePointCount(0, position - 1);
        int count = codePoints.length;
        // screen column at which each character starts; columns[count] is the end of the text
        int[] columns = new int[count + 1];
        int line = 1;
        int begin = 0;
        int end = -1;
        int column = 0;
        for (int index = 0; index < count; index++) {
            int character = codePoints[index];
            columns[index] = column;
            if (character == '\t') {
                codePoints[index] = ' ';
            } else if (character == '\r' || character == '\n') {
                if (index < location) {
                    if (character == '\r' || index == 0 || codePoints[index - 1] != '\r') {
                        line++;
                    }
                    begin = index + 1;
                } else {
                    end = index;
                    break;
                }
            }
            column += Math.max(DisplayWidth.of(codePoints[index]), 1);
        }
        if (end < 0) {
            end = count;
            columns[count] = column;
        }

        boolean cutBegin = false;
        boolean cutEnd = false;
        if (columns[end] - columns[begin] > DISPLAY_SIZE) {
            if (columns[begin] + DISPLAY_SIZE >= columns[location] + MIN_RIGHT_CUT) {
                while (columns[end] - columns[begin] > DISPLAY_SIZE) {
                    end--;
                }
                cutEnd = true;
            } else {
                while (columns[location] + MIN_RIGHT_CUT < columns[end]) {
                    end--;
                    cutEnd = true;
                }
                while (columns[end] - columns[begin] > DISPLAY_SIZE) {
                    begin++;
                    cutBegin = true;
                }
            }
        }

        String prefix = "LINE " + line + ": " + (cutBegin ? "..." : "");
        out.append(prefix).append(new String(codePoints, begin, end - begin));
        out.append(cutEnd ? "...\n" : "\n");
        out.append(" ".repeat(prefix.length() + columns[location] - columns[begin])).append("^\n");
    }
}
