package io.weftdb.compat.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusParserTest {
    private final CorpusParser parser = new CorpusParser();

    @Test
    void readsStatementsQueriesCommentsAndMarkers() {
        String text = """
                # a comment
                statement ok
                CREATE TABLE t (a INT,
                  b TEXT)

                statement error 23505 1062
                INSERT INTO t VALUES (1, 'x')

                expected-fail @mysql @http-postgres not there yet
                query IT rowsort
                SELECT a, b
                FROM t
                ----
                2 | y
                1 | x

                query I
                SELECT a FROM t WHERE false
                ----
                """;

        CorpusFile file = parser.parse(Scope.SHARED, "shared/basics.test", text);

        assertThat(file.feature()).isEqualTo("basics");
        assertThat(file.records()).hasSize(4);
        assertThat(file.records().get(0)).isEqualTo(new CorpusRecord.Statement(2, "CREATE TABLE t (a INT,\n  b TEXT)", false,
                List.of(), java.util.Optional.empty()));
        CorpusRecord.Statement error = (CorpusRecord.Statement) file.records().get(1);
        assertThat(error.expectError()).isTrue();
        assertThat(error.expectedErrorCodes()).containsExactly("23505", "1062");
        CorpusRecord.Query query = (CorpusRecord.Query) file.records().get(2);
        assertThat(query.line()).isEqualTo(10);
        assertThat(query.sql()).isEqualTo("SELECT a, b\nFROM t");
        assertThat(query.columns()).containsExactly(ColumnKind.INTEGER, ColumnKind.TEXT);
        assertThat(query.rowsort()).isTrue();
        assertThat(query.expectedRows()).containsExactly("2 | y", "1 | x");
        assertThat(query.expectedFailure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo("not there yet");
            assertThat(failure.appliesTo(Target.MYSQL_TEXT)).isTrue();
            assertThat(failure.appliesTo(Target.HTTP_POSTGRES)).isTrue();
            assertThat(failure.appliesTo(Target.PG_SIMPLE)).isFalse();
        });
        assertThat(((CorpusRecord.Query) file.records().get(3)).expectedRows()).isEmpty();
    }

    @Test
    void anExpectedFailWithoutSelectorsAppliesToEveryTarget() {
        CorpusFile file = parser.parse(Scope.PG, "pg/x.test", "expected-fail engine bug\nstatement ok\nSELECT 1\n");

        ExpectedFailure failure = file.records().get(0).expectedFailure().orElseThrow();
        assertThat(failure.selectors()).isEmpty();
        assertThat(Target.values()).allMatch(failure::appliesTo);
    }

    @Test
    void rejectsAnUnknownColumnTypeWithFileAndLine() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "\nquery IX\nSELECT 1, 2\n----\n1 | 2\n"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("shared/x.test:2: unknown column type 'X' (expected I, T, R or B)");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfValues() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "query II\nSELECT 1, 2\n----\n1\n"))
                .hasMessageContaining("row 1 has 1 values for 2 columns");
    }

    @Test
    void rejectsAnErrorCodeThatIsNeitherSqlStateNorMysqlNumber() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "statement error duplicate\nSELECT 1\n"))
                .hasMessageContaining("'duplicate' is neither a SQLSTATE");
    }

    @Test
    void rejectsAStatementWithResultRows() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "statement ok\nSELECT 1\n----\n1\n"))
                .hasMessageContaining("a statement has no result rows; use query");
    }

    @Test
    void rejectsARecordWithoutSql() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "statement ok\n\nSELECT 1\n"))
                .hasMessage("shared/x.test:1: 'statement ok' has no SQL after it");
    }

    @Test
    void rejectsAnExpectedFailThatNamesNoTargetOrMarksNothing() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "expected-fail @oracle why\nstatement ok\nSELECT 1\n"))
                .hasMessageContaining("expected-fail names no target or family: @oracle");
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "statement ok\nSELECT 1\n\nexpected-fail why\n"))
                .hasMessageContaining("expected-fail at the end of the file marks no record");
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "expected-fail @pg\nstatement ok\nSELECT 1\n"))
                .hasMessageContaining("expected-fail needs a reason");
    }

    @Test
    void rejectsAnUnknownRecordKind() {
        assertThatThrownBy(() -> parser.parse(Scope.SHARED, "shared/x.test", "statment ok\nSELECT 1\n"))
                .hasMessageContaining("expected 'statement', 'query' or 'expected-fail', found 'statment'");
    }
}
