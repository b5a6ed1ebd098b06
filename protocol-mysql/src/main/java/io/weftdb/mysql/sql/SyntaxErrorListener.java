package io.weftdb.mysql.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error into MySQL's ER_PARSE_ERROR wording: "You have an error in your SQL
 * syntax; ... near '&lt;rest of the statement&gt;' at line N".
 */
final class SyntaxErrorListener extends BaseErrorListener {
    /** MySQL quotes at most this many characters of the text after the error. */
    private static final int QUOTED_CHARACTERS = 80;
    private final SourceText source;
    private final String text;

    SyntaxErrorListener(SourceText source, String text) {
        this.source = source;
        this.text = text;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException cause) {
        if (offendingSymbol instanceof Token token) {
            throw errorAt(token, line);
        }
        throw new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax", 0);
    }

    private SqlException errorAt(Token token, int line) {
        if (token.getType() == Token.EOF) {
            return new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your MySQL server version for the right syntax to use near '' at line " + line,
                    text.length() + 1);
        }
        int start = source.charOffset(token.getStartIndex());
        String rest = text.substring(start, Math.min(text.length(), start + QUOTED_CHARACTERS));
        String what = switch (token.getType()) {
            case MysqlSqlLexer.UNTERMINATED_STRING -> "unterminated string ";
            case MysqlSqlLexer.UNTERMINATED_IDENTIFIER -> "unterminated quoted identifier ";
            default -> "";
        };
        return new SqlException(ErrorCode.SYNTAX_ERROR, "You have an error in your SQL syntax; " + what
                + "check the manual that corresponds to your MySQL server version for the right syntax to use near '"
                + rest + "' at line " + line, start + 1);
    }
}
