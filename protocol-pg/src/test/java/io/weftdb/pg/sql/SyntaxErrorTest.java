package io.weftdb.pg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Errors carry PostgreSQL's wording and the 1-based position of the offending token. */
final class SyntaxErrorTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private static void assertSyntaxError(ThrowingCallable parse, String message, int position) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
        });
    }

    @Test
    void misspelledKeywordIsReportedWhereItStands() {
        assertSyntaxError(() -> parser.parseOne("SELECT * FORM t"), "syntax error at or near \"FORM\"", 10);
    }

    @Test
    void incompleteStatementIsReportedAtEndOfInput() {
        assertSyntaxError(() -> parser.parseOne("SELECT (1"), "syntax error at end of input", 10);
        assertSyntaxError(() -> parser.parseOne("SELECT 1 +  "), "syntax error at end of input", 13);
    }

    @Test
    void errorInALaterStatementCountsFromTheStartOfTheScript() {
        assertSyntaxError(() -> parser.parse("SELECT 1;\nSELECT FROM WHERE"), "syntax error at or near \"WHERE\"", 23);
    }

    @Test
    void positionsCountCharsAfterASupplementaryCharacter() {
        assertSyntaxError(() -> parser.parseOne("SELECT '\uD83D\uDE00', * FORM t"), "syntax error at or near \"FORM\"", 16);
    }

    @Test
    void unexpectedCharacterIsASyntaxError() {
        // "?" is an operator (jsonb's key test); "{" has no meaning outside a literal.
        assertSyntaxError(() -> parser.parseOne("SELECT 1 { 2"), "syntax error at or near \"{\"", 10);
    }

    @Test
    void unterminatedQuotesAndCommentsAreNamed() {
        assertSyntaxError(() -> parser.parseOne("SELECT 'abc"), "unterminated quoted string at or near \"'abc\"", 8);
        assertSyntaxError(() -> parser.parseOne("SELECT E'abc\\'"),
                "unterminated quoted string at or near \"E'abc\\'\"", 8);
        assertSyntaxError(() -> parser.parseOne("SELECT \"abc"), "unterminated quoted identifier at or near \"\"abc\"", 8);
        assertSyntaxError(() -> parser.parseOne("SELECT $x$abc$y$"),
                "unterminated dollar-quoted string at or near \"$x$abc$y$\"", 8);
        assertSyntaxError(() -> parser.parseOne("SELECT 1 /* a /* b */"),
                "unterminated /* comment at or near \"/* a /* b */\"", 10);
    }

    @Test
    void commentsAreSkippedAndBlockCommentsNest() {
        assertThat(parser.parseOne("SELECT /* a /* nested */ still comment */ 1 -- trailing\n"))
                .isEqualTo(ExpectedIr.select(List.of(ExpectedIr.item(ExpectedIr.integer(1, 43))), List.of()));
    }

    @Test
    void parseOneRejectsSeveralStatements() {
        assertSyntaxError(() -> parser.parseOne("SELECT 1; SELECT 2"),
                "cannot insert multiple commands into a prepared statement", 11);
    }

    @Test
    void parseOneRejectsEmptyInput() {
        assertSyntaxError(() -> parser.parseOne(" ; "), "syntax error at end of input", 4);
    }

    @Test
    void deepNestingIsTooComplexRatherThanAStackOverflow() throws InterruptedException {
        String sql = "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                parser.parseOne(sql);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        smallStack.start();
        smallStack.join();
        assertThat(thrown.get()).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_TOO_COMPLEX);
            assertThat(e.getMessage()).isEqualTo("statement is too complex to parse");
        });
    }
}
