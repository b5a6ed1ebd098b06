package io.weftdb.pg.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error ANTLR reports into the SqlException PostgreSQL would raise: the same
 * wording ("syntax error at or near ...", "unterminated quoted string ...") and the position of the
 * offending token. Throwing stops the parse at the first error, as PostgreSQL does.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final SourceText source;

    SyntaxErrorListener(SourceText source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException cause) {
        if (offendingSymbol instanceof Token token) {
            throw syntaxErrorAt(token, source);
        }
        // Only the lexer reports without a token, and its catch-all rule means it never does.
        throw new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error", 0);
    }

    static SqlException syntaxErrorAt(Token token, SourceText source) {
        String text = token.getText();
        String message = switch (token.getType()) {
            case Token.EOF -> "syntax error at end of input";
            case PostgresSqlLexer.UNTERMINATED_STRING, PostgresSqlLexer.UNTERMINATED_ESCAPE_STRING,
                 PostgresSqlLexer.UNTERMINATED_UNICODE_STRING ->
                    "unterminated quoted string at or near \"" + text + "\"";
            case PostgresSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
                    "unterminated quoted identifier at or near \"" + text + "\"";
            case PostgresSqlLexer.UNTERMINATED_DOLLAR_STRING ->
                    "unterminated dollar-quoted string at or near \"" + text + "\"";
            case PostgresSqlLexer.UNTERMINATED_BLOCK_COMMENT -> "unterminated /* comment at or near \"" + text + "\"";
            case PostgresSqlLexer.ZERO_LENGTH_QUOTED_IDENTIFIER ->
                    "zero-length delimited identifier at or near \"" + text + "\"";
            default -> "syntax error at or near \"" + text + "\"";
        };
        return new SqlException(ErrorCode.SYNTAX_ERROR, message, source.position(token));
    }
}
