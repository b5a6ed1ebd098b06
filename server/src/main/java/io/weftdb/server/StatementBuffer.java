package io.weftdb.server;

/**
 * Collects input lines for the shell until they form whole statements: the buffer is complete
 * when its last token is a {@code ;} outside quotes, comments, dollar quotes and parentheses. It
 * only tracks enough of PostgreSQL's lexical rules to find that {@code ;} (as psql's own scanner
 * does); splitting the text into statements is the parser's job.
 *
 * <p>Like psql, whitespace and {@code --} comments before the first token are dropped, so error
 * positions count from the statement's first token.
 */
final class StatementBuffer {

    private enum State {
        NORMAL,
        SINGLE_QUOTED,
        ESCAPE_QUOTED,
        DOUBLE_QUOTED,
        LINE_COMMENT,
        BLOCK_COMMENT,
        DOLLAR_QUOTED
    }

    private final StringBuilder text = new StringBuilder();
    private State state = State.NORMAL;
    private int commentDepth;
    private int parenthesisDepth;
    private String dollarTag;
    private boolean endsWithSemicolon;

    /** Appends one line of input; the line terminator is added here. */
    void appendLine(String line) {
        int start = text.length();
        if (text.isEmpty() && state == State.NORMAL) {
            line = stripLeadingWhitespaceAndLineComments(line);
            if (line.isEmpty()) {
                return;
            }
        }
        text.append(line).append('\n');
        scan(start);
    }

    /** True when the text ends with a statement-ending {@code ;} (trailing comments aside). */
    boolean isComplete() {
        return endsWithSemicolon && (state == State.NORMAL || state == State.LINE_COMMENT);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * What psql shows in its prompt for the current state: {@code -} for an unfinished statement,
     * {@code '} {@code "} {@code $} inside quotes, {@code *} inside a comment, {@code (} inside
     * parentheses, {@code =} when the buffer is empty.
     */
    char continuationMarker() {
        return switch (state) {
            case SINGLE_QUOTED, ESCAPE_QUOTED -> '\'';
            case DOUBLE_QUOTED -> '"';
            case DOLLAR_QUOTED -> '$';
            case BLOCK_COMMENT -> '*';
            case NORMAL, LINE_COMMENT -> text.isEmpty() ? '=' : parenthesisDepth > 0 ? '(' : '-';
        };
    }

    /** Returns the collected text and empties the buffer. */
    String take() {
        String collected = text.toString();
        text.setLength(0);
        state = State.NORMAL;
        commentDepth = 0;
        parenthesisDepth = 0;
        dollarTag = null;
        endsWithSemicolon = false;
        return collected;
    }

    private static String stripLeadingWhitespaceAndLineComments(String line) {
        int index = 0;
        while (index < line.length() && Character.isWhitespace(line.charAt(index))) {
            index++;
        }
        if (line.startsWith("--", index)) {
            return "";
        }
        return line.substring(index);
    }

    private void scan(int from) {
        int index = from;
        while (index < text.length()) {
            char character = text.charAt(index);
            char next = index + 1 < text.length() ? text.charAt(index + 1) : '\0';
            switch (state) {
                case NORMAL -> index = scanNormal(index, character, next);
                case SINGLE_QUOTED, DOUBLE_QUOTED -> {
                    char quote = state == State.SINGLE_QUOTED ? '\'' : '"';
                    if (character == quote) {
                        if (next == quote) {
                            index++; // doubled quote stands for itself
                        } else {
                            state = State.NORMAL;
                        }
                    }
                    index++;
                }
                case ESCAPE_QUOTED -> {
                    if (character == '\\') {
                        index++; // the escaped character, a quote included
                    } else if (character == '\'') {
                        if (next == '\'') {
                            index++;
                        } else {
                            state = State.NORMAL;
                        }
                    }
                    index++;
                }
                case LINE_COMMENT -> {
                    if (character == '\n') {
                        state = State.NORMAL;
                    }
                    index++;
                }
                case BLOCK_COMMENT -> {
                    if (character == '/' && next == '*') {
                        commentDepth++;
                        index += 2;
                    } else if (character == '*' && next == '/') {
                        commentDepth--;
                        if (commentDepth == 0) {
                            state = State.NORMAL;
                        }
                        index += 2;
                    } else {
                        index++;
                    }
                }
                case DOLLAR_QUOTED -> {
                    if (character == '$' && text.indexOf(dollarTag, index) == index) {
                        state = State.NORMAL;
                        index += dollarTag.length();
                    } else {
                        index++;
                    }
                }
            }
        }
    }

    /** Handles one character outside quotes and comments; returns the index to continue at. */
    private int scanNormal(int index, char character, char next) {
        if (Character.isWhitespace(character)) {
            return index + 1;
        }
        if (character == '-' && next == '-') {
            state = State.LINE_COMMENT;
            return index + 2;
        }
        if (character == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            return index + 2;
        }
        endsWithSemicolon = character == ';' && parenthesisDepth == 0;
        switch (character) {
            case '\'' -> state = isEscapeStringPrefix(index) ? State.ESCAPE_QUOTED : State.SINGLE_QUOTED;
            case '"' -> state = State.DOUBLE_QUOTED;
            case '(' -> parenthesisDepth++;
            case ')' -> parenthesisDepth = Math.max(0, parenthesisDepth - 1);
            case '$' -> {
                String tag = dollarQuoteTagAt(index);
                if (tag != null) {
                    state = State.DOLLAR_QUOTED;
                    dollarTag = tag;
                    return index + tag.length();
                }
            }
            default -> {
                // identifiers, numbers, operators: nothing to track
            }
        }
        return index + 1;
    }

    /** {@code E'...'} (or {@code e'...'}) where the E starts a token: backslash escapes apply. */
    private boolean isEscapeStringPrefix(int quoteIndex) {
        if (quoteIndex == 0) {
            return false;
        }
        char prefix = text.charAt(quoteIndex - 1);
        return (prefix == 'E' || prefix == 'e') && (quoteIndex < 2 || !isIdentifierPart(text.charAt(quoteIndex - 2)));
    }

    /**
     * The delimiter ({@code $$} or {@code $tag$}) starting at {@code index}, or null when the
     * {@code $} is part of an identifier or a parameter such as {@code $1}.
     */
    private String dollarQuoteTagAt(int index) {
        if (index > 0 && isIdentifierPart(text.charAt(index - 1))) {
            return null;
        }
        int end = index + 1;
        while (end < text.length()) {
            char character = text.charAt(end);
            if (character == '$') {
                return text.substring(index, end + 1);
            }
            boolean allowed = end == index + 1 ? isIdentifierStart(character) : isIdentifierStart(character) || Character.isDigit(character);
            if (!allowed) {
                return null;
            }
            end++;
        }
        return null;
    }

    private static boolean isIdentifierStart(char character) {
        return Character.isLetter(character) || character == '_' || character >= 0x80;
    }

    private static boolean isIdentifierPart(char character) {
        return isIdentifierStart(character) || Character.isDigit(character) || character == '$';
    }
}
