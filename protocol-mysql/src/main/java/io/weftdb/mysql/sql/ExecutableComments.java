package io.weftdb.mysql.sql;

/**
 * MySQL's executable comments: {@code /*! ... *}{@code /} holds SQL that MySQL runs, and
 * {@code /*!NNNNN ... *}{@code /} SQL that servers of version NNNNN or later run (mysqldump writes
 * {@code /*!40101 SET NAMES utf8mb4 *}{@code /}). Their markers are blanked out (same length, so
 * positions stay right) and their content is parsed like any SQL; a version above this server's
 * leaves the comment a comment. Quoted text is left alone.
 */
final class ExecutableComments {
    /** The server version as MySQL numbers it in executable comments (8.0.36). */
    static final int SERVER_VERSION = 80036;

    private ExecutableComments() {
    }

    static String expand(String sql) {
        if (!sql.contains("/*!")) {
            return sql;
        }
        char[] text = sql.toCharArray();
        int i = 0;
        while (i < text.length) {
            char c = text[i];
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c);
            } else if (c == '-' && i + 2 < text.length && text[i + 1] == '-' && Character.isWhitespace(text[i + 2])
                    || c == '#') {
                while (i < text.length && text[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length && text[i + 1] == '*') {
                i = comment(text, i);
            } else {
                i++;
            }
        }
        return new String(text);
    }

    private static int skipQuoted(char[] text, int start, char quote) {
        int i = start + 1;
        while (i < text.length) {
            if (text[i] == '\\' && quote != '`') {
                i += 2;
            } else if (text[i] == quote) {
                if (i + 1 < text.length && text[i + 1] == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** Handles the comment starting at {@code start}; returns where scanning goes on. */
    private static int comment(char[] text, int start) {
        int end = indexOf(text, start + 2);
        if (start + 2 >= text.length || text[start + 2] != '!' || end < 0) {
            return end < 0 ? text.length : end + 2;
        }
        int digits = start + 3;
        while (digits < text.length && digits < start + 9 && Character.isDigit(text[digits])) {
            digits++;
        }
        if (digits > start + 3 && Integer.parseInt(new String(text, start + 3, digits - start - 3)) > SERVER_VERSION) {
            return end + 2;
        }
        for (int i = start; i < digits; i++) {
            text[i] = ' ';
        }
        text[end] = ' ';
        text[end + 1] = ' ';
        return digits;
    }

    private static int indexOf(char[] text, int from) {
        for (int i = from; i + 1 < text.length; i++) {
            if (text[i] == '*' && text[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }
}
