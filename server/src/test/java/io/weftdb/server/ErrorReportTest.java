package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import org.junit.jupiter.api.Test;

/** Expected texts are what psql 15 prints for the same error from PostgreSQL. */
class ErrorReportTest {

    @Test
    void errorWithoutPositionIsOneLine() {
        SqlException error = new SqlException(ErrorCode.DIVISION_BY_ZERO, "division by zero");

        assertThat(ErrorReport.format(error, "select 1/0", false)).isEqualTo("ERROR:  division by zero\n");
    }

    @Test
    void positionShowsTheLineAndACaret() {
        SqlException error = new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"nosuch\" does not exist", 15);

        assertThat(ErrorReport.format(error, "select * from nosuch", false)).isEqualTo("""
                ERROR:  relation "nosuch" does not exist
                LINE 1: select * from nosuch
                                      ^
                """);
    }

    @Test
    void positionOnALaterLineCountsLines() {
        String query = "select 1;\nselect * from \n  nosuch where x=1";
        SqlException error = new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"nosuch\" does not exist",
                query.indexOf("nosuch") + 1);

        assertThat(ErrorReport.format(error, query, false)).isEqualTo("""
                ERROR:  relation "nosuch" does not exist
                LINE 3:   nosuch where x=1
                          ^
                """);
    }

    @Test
    void tabsAreShownAsSpaces() {
        String query = "  select * from\n\tnosuch;";
        SqlException error = new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"nosuch\" does not exist",
                query.indexOf("nosuch") + 1);

        assertThat(ErrorReport.format(error, query, false)).isEqualTo("""
                ERROR:  relation "nosuch" does not exist
                LINE 2:  nosuch;
                         ^
                """);
    }

    @Test
    void longLinesAreCutAroundThePosition() {
        String query = "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' as x, "
                + "1 from nosuch_table_with_long_name where bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = 1";
        SqlException error = new SqlException(ErrorCode.UNDEFINED_TABLE,
                "relation \"nosuch_table_with_long_name\" does not exist", query.indexOf("nosuch") + 1);

        assertThat(ErrorReport.format(error, query, false)).isEqualTo("""
                ERROR:  relation "nosuch_table_with_long_name" does not exist
                LINE 1: ...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' as x, 1 from nosuch_tab...
                                                                             ^
                """);
    }

    @Test
    void longLineCutOnTheRightOnlyWhenThePositionIsNearTheStart() {
        String query = "selec " + "x, ".repeat(30);
        SqlException error = new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"selec\"", 1);

        assertThat(ErrorReport.format(error, query, false)).isEqualTo(
                "ERROR:  syntax error at or near \"selec\"\n"
                        + "LINE 1: selec x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, ...\n"
                        + "        ^\n");
    }

    @Test
    void positionJustPastTheEnd() {
        SqlException error = new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input", 14);

        assertThat(ErrorReport.format(error, "select 1 from", false)).isEqualTo("""
                ERROR:  syntax error at end of input
                LINE 1: select 1 from
                                     ^
                """);
    }

    @Test
    void positionBeyondTheTextIsLeftOut() {
        SqlException error = new SqlException(ErrorCode.SYNTAX_ERROR, "syntax error", 99);

        assertThat(ErrorReport.format(error, "select", false)).isEqualTo("ERROR:  syntax error\n");
    }

    @Test
    void wideCharactersMoveTheCaretTwoColumns() {
        String query = "select '日本', nosuch";
        SqlException error = new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"nosuch\" does not exist",
                query.indexOf("nosuch") + 1);

        assertThat(ErrorReport.format(error, query, false)).isEqualTo("""
                ERROR:  column "nosuch" does not exist
                LINE 1: select '日本', nosuch
                                       ^
                """);
    }

    @Test
    void detailAndHintFollowThePosition() {
        SqlException error = new SqlException(ErrorCode.UNDEFINED_FUNCTION, "function nofunc(integer) does not exist", 8,
                "some detail", "No function matches the given name and argument types. You might need to add explicit type casts.",
                null);

        assertThat(ErrorReport.format(error, "select nofunc(1)", false)).isEqualTo("""
                ERROR:  function nofunc(integer) does not exist
                LINE 1: select nofunc(1)
                               ^
                DETAIL:  some detail
                HINT:  No function matches the given name and argument types. You might need to add explicit type casts.
                """);
    }

    @Test
    void verboseErrorsShowTheSqlState() {
        SqlException error = new SqlException(ErrorCode.UNDEFINED_TABLE, "relation \"x\" does not exist");

        assertThat(ErrorReport.format(error, null, true)).isEqualTo("ERROR:  42P01: relation \"x\" does not exist\n");
    }
}
