package io.weftdb.compat.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordCheckerTest {

    private static CorpusRecord.Statement expectingError(String... codes) {
        return new CorpusRecord.Statement(1, "INSERT", true, List.of(codes), Optional.empty());
    }

    private static CorpusRecord.Query query(boolean rowsort, String types, String... rows) {
        return new CorpusRecord.Query(1, "SELECT", types.chars().mapToObj(c -> ColumnKind.of((char) c)).toList(), rowsort,
                List.of(rows), Optional.empty());
    }

    @Test
    void anExpectedErrorMatchesBySqlStateOrByMysqlErrorNumber() {
        assertThat(RecordChecker.mismatch(expectingError("23505", "1062"), new Outcome.Failed("23505", 0, "dup"))).isEmpty();
        assertThat(RecordChecker.mismatch(expectingError("23505", "1062"), new Outcome.Failed("23000", 1062, "dup"))).isEmpty();
        assertThat(RecordChecker.mismatch(expectingError("23505", "1062"), new Outcome.Failed("42601", 1064, "syntax")))
                .hasValue("expected error 23505/1062, got error 1064 (42601): syntax");
    }

    @Test
    void aStatementExpectedToFailThatSucceedsIsAMismatch() {
        assertThat(RecordChecker.mismatch(expectingError("42P01"), new Outcome.Done()))
                .hasValue("expected error 42P01, the statement succeeded");
    }

    @Test
    void aStatementExpectedToSucceedReportsTheError() {
        CorpusRecord.Statement ok = new CorpusRecord.Statement(1, "CREATE", false, List.of(), Optional.empty());
        assertThat(RecordChecker.mismatch(ok, new Outcome.Done())).isEmpty();
        assertThat(RecordChecker.mismatch(ok, new Outcome.Rows(List.of()))).isEmpty();
        assertThat(RecordChecker.mismatch(ok, new Outcome.Failed("0A000", 0, "not supported")))
                .hasValue("error 0A000: not supported");
    }

    @Test
    void rowsCompareAsNormalisedTextInOrderUnlessRowsorted() {
        Outcome rows = new Outcome.Rows(List.of(List.of("2", "t"), java.util.Arrays.asList("1", null)));

        assertThat(RecordChecker.mismatch(query(true, "IB", "1 | NULL", "2 | true"), rows)).isEmpty();
        assertThat(RecordChecker.mismatch(query(false, "IB", "2 | true", "1 | NULL"), rows)).isEmpty();
        assertThat(RecordChecker.mismatch(query(false, "IB", "1 | NULL", "2 | true"), rows))
                .hasValue("expected [1 / NULL; 2 / true], got [2 / true; 1 / NULL]");
    }

    @Test
    void aQueryReportsAMissingResultSetAndAWrongColumnCount() {
        assertThat(RecordChecker.mismatch(query(false, "I", "1"), new Outcome.Done()))
                .hasValue("expected rows, the statement returned no result set");
        assertThat(RecordChecker.mismatch(query(false, "I", "1 | 2"), new Outcome.Rows(List.of(List.of("1", "2")))))
                .hasValue("expected 1 columns, got 2");
    }
}
