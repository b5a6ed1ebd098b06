package io.weftdb.mysql.sql;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.parse.SqlParser;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.SessionCommand;
import io.weftdb.ir.type.DataType;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses MySQL SQL. The wire listener calls {@link #parseCommands} with its connection's
 * {@link SessionFacts} and gets IR plus the MySQL-only commands it answers itself; front ends
 * without a MySQL session (HTTP) use {@link #parse}, which accepts what maps to IR alone: a
 * MySQL database is a schema, so USE becomes a search_path change there.
 *
 * <p>SLL prediction first, full LL only when that fails, as the PostgreSQL parser does.
 * Thread-safe: an instance holds no state.
 */
public final class MysqlSqlParser implements SqlParser {

    @Override
    public List<ParsedStatement> parse(String sql) {
        List<ParsedStatement> statements = new ArrayList<>();
        for (ParsedCommand parsed : parseCommands(sql, DefaultFacts.INSTANCE)) {
            var statement = switch (parsed.command()) {
                case MysqlCommand.EngineStatement engine -> engine.statement();
                case MysqlCommand.UseDatabase use -> new SessionCommand.SetVariable("search_path",
                        List.of(new Expr.Literal(use.name(), DataType.TEXT, 0)), false);
                default -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "'" + parsed.text() + "' is answered by the MySQL listener only");
            };
            statements.add(new ParsedStatement(statement, parsed.text(), parsed.offset()));
        }
        return statements;
    }

    /**
     * Parses a script of statements separated by semicolons; empty statements are skipped.
     *
     * @throws SqlException SYNTAX_ERROR (1064) with the position of the offending token;
     *         FEATURE_NOT_SUPPORTED (1235) for MySQL syntax the engine cannot carry out yet
     */
    public List<ParsedCommand> parseCommands(String sql, SessionFacts facts) {
        sql = ExecutableComments.expand(sql);
        SourceText source = new SourceText(sql);
        try {
            return new MysqlAstBuilder(source, facts, true).script(parseScript(source, sql));
        } catch (StackOverflowError e) {
            throw new SqlException(ErrorCode.STATEMENT_TOO_COMPLEX, "statement is too complex to parse");
        }
    }

    /** A query over the engine's own information_schema, for {@link MysqlInformationSchema}'s views. */
    static Query definition(String sql) {
        SourceText source = new SourceText(sql);
        ParsedCommand parsed = new MysqlAstBuilder(source, DefaultFacts.INSTANCE, false).script(parseScript(source, sql))
                .getFirst();
        return (Query) ((MysqlCommand.EngineStatement) parsed.command()).statement();
    }

    private static MysqlSqlGrammar.ScriptContext parseScript(SourceText source, String sql) {
        SyntaxErrorListener errors = new SyntaxErrorListener(source, sql);
        MysqlSqlLexer lexer = new MysqlSqlLexer(source.charStream());
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        MysqlSqlGrammar parser = new MysqlSqlGrammar(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.script();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.script();
        }
    }

    /** Facts for a front end without a MySQL session: no database selected, no variables. */
    private enum DefaultFacts implements SessionFacts {
        INSTANCE;

        @Override
        public String currentDatabase() {
            return null;
        }

        @Override
        public String userAtHost() {
            return "weftdb@localhost";
        }

        @Override
        public long connectionId() {
            return 0;
        }

        @Override
        public long lastInsertId() {
            return 0;
        }

        @Override
        public Object userVariable(String name) {
            return null;
        }

        @Override
        public boolean foundRows() {
            return false;
        }

        @Override
        public Object systemVariable(String name, boolean global) {
            throw new MysqlException(MysqlVendorError.ER_UNKNOWN_SYSTEM_VARIABLE,
                    "Unknown system variable '" + name + "' outside a MySQL connection");
        }
    }

}
