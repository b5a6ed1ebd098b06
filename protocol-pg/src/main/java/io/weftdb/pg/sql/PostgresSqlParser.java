package io.weftdb.pg.sql;

import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.parse.SqlParser;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Statement;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses PostgreSQL SQL into WeftDB's IR.
 *
 * <p>Each parse first runs ANTLR in SLL prediction mode, which is fast and right for nearly all
 * input, and only when that fails re-parses in full LL mode, which either succeeds or reports the
 * true syntax error (the two-stage strategy of ANTLR's documentation and Trino's SqlParser).
 *
 * <p>Thread-safe: an instance holds no state. Every parse builds its own lexer and parser; they are
 * cheap because the ATN and the prediction caches (DFA) are static and shared, and keeping them per
 * thread would not pay with statements executing on short-lived virtual threads.
 */
public final class PostgresSqlParser implements SqlParser {

    /**
     * Parses a script of statements separated by semicolons; empty statements are skipped. A
     * syntax error anywhere rejects the whole script, as PostgreSQL's simple query protocol does.
     *
     * @throws SqlException SYNTAX_ERROR with the 1-based position of the offending token;
     *         STATEMENT_TOO_COMPLEX when nesting exhausts the stack; other codes for valid syntax
     *         naming what does not exist or is not supported (an unknown type, a temporary table...)
     */
    @Override
    public List<ParsedStatement> parse(String sql) {
        SourceText source = new SourceText(sql);
        try {
            return new AstBuilder(source).script(parseScript(source));
        } catch (StackOverflowError e) {
            throw new SqlException(ErrorCode.STATEMENT_TOO_COMPLEX, "statement is too complex to parse");
        }
    }

    /**
     * Parses text holding exactly one statement (a trailing semicolon is allowed), as the extended
     * query protocol's Parse message carries.
     */
    public Statement parseOne(String sql) {
        List<ParsedStatement> statements = parse(sql);
        if (statements.isEmpty()) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input", sql.length() + 1);
        }
        if (statements.size() > 1) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement", statements.get(1).offset() + 1);
        }
        return statements.getFirst().statement();
    }

    private static PostgresSqlGrammar.ScriptContext parseScript(SourceText source) {
        SyntaxErrorListener errorListener = new SyntaxErrorListener(source);
        PostgresSqlLexer lexer = new PostgresSqlLexer(source.charStream());
        lexer.removeErrorListeners();
        lexer.addErrorListener(errorListener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        PostgresSqlGrammar parser = new PostgresSqlGrammar(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.script();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(errorListener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.script();
        }
    }
}
