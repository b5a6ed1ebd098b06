package io.weftdb.pg.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import org.antlr.v4.runtime.Token;

/** The name a word or quoted identifier token stands for, with PostgreSQL's case folding. */
final class Identifiers {
    private Identifiers() {
    }

    static String name(Token token, int position) {
        String text = token.getText();
        return switch (token.getType()) {
            case PostgresSqlLexer.QUOTED_IDENTIFIER -> unquote(text.substring(1, text.length() - 1));
            case PostgresSqlLexer.UNICODE_QUOTED_IDENTIFIER -> {
                String body = unquote(text.substring(3, text.length() - 1));
                String name = StringLiterals.decodeUnicodeEscapes(body, position);
                if (name.isEmpty()) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR,
                            "zero-length delimited identifier at or near \"" + text + "\"", position);
                }
                yield name;
            }
            default -> fold(text);
        };
    }

    /**
     * Folds an unquoted word to lower case. Only ASCII letters fold: PostgreSQL leaves multibyte
     * characters alone, and Locale-sensitive folding (Turkish dotless i) must not apply.
     */
    static String fold(String word) {
        StringBuilder folded = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (folded == null) {
                    folded = new StringBuilder(word);
                }
                folded.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return folded == null ? word : folded.toString();
    }

    private static String unquote(String body) {
        return body.replace("\"\"", "\"");
    }
}
