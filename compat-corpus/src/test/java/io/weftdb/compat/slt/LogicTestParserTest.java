package io.weftdb.compat.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogicTestParserTest {
    private final LogicTestParser parser = new LogicTestParser();

    @Test
    void readsStatementsWithCrlfLinesAsSqlWithoutCarriageReturns() {
        List<LogicTestRecord> records = parser.parse("statement ok\r\nCREATE TABLE t1(a INTEGER,\r\n b TEXT)\r\n\r\n"
                + "statement error\r\nSELECT nonsense\r\n");

        assertThat(records).containsExactly(
                new LogicTestRecord.Statement(1, List.of(), "CREATE TABLE t1(a INTEGER,\n b TEXT)", false),
                new LogicTestRecord.Statement(5, List.of(), "SELECT nonsense", true));
    }

    @Test
    void dropsCommentLinesEvenInsideARecordAndIgnoresCommentsAfterHeaderTokens() {
        List<LogicTestRecord> records = parser.parse("# leading comment\nquery I nosort # why\nSELECT 1\n"
                + "# inside the record\n----\n1\n");

        assertThat(records).containsExactly(new LogicTestRecord.Query(2, List.of(), "SELECT 1",
                List.of(ColumnType.INTEGER), SortMode.NOSORT, null, new ExpectedResult.Values(List.of("1"))));
    }

    @Test
    void attachesConditionsToTheRecordThatFollowsThem() {
        List<LogicTestRecord> records = parser.parse("skipif mysql # not compatible\nonlyif postgresql\n"
                + "query IT rowsort label-7\nSELECT a, b FROM t\n----\n1\nx\n\nonlyif mysql\nhalt\n");

        LogicTestRecord.Query query = (LogicTestRecord.Query) records.getFirst();
        assertThat(query.conditions()).containsExactly(new Condition(false, "mysql"), new Condition(true, "postgresql"));
        assertThat(query.columnTypes()).containsExactly(ColumnType.INTEGER, ColumnType.TEXT);
        assertThat(query.sortMode()).isEqualTo(SortMode.ROWSORT);
        assertThat(query.label()).isEqualTo("label-7");
        assertThat(query.skippedFor("postgresql")).isFalse();
        assertThat(query.skippedFor("mysql")).isTrue();
        assertThat(records.get(1)).isEqualTo(new LogicTestRecord.Halt(10, List.of(new Condition(true, "mysql"))));
        assertThat(records.get(1).skippedFor("PostgreSQL")).isTrue();
    }

    @Test
    void readsAHashedResultAsCountAndMd5() {
        List<LogicTestRecord> records = parser.parse("hash-threshold 8\n\nquery I valuesort\nSELECT a FROM t\n"
                + "----\n30 values hashing to 3c13dee48d9356ae19af2515e05e6b54\n");

        assertThat(records.getFirst()).isEqualTo(new LogicTestRecord.HashThreshold(1, List.of(), 8));
        assertThat(((LogicTestRecord.Query) records.get(1)).expected())
                .isEqualTo(new ExpectedResult.Hash(30, "3c13dee48d9356ae19af2515e05e6b54"));
    }

    @Test
    void readsAnEmptyResultWhenNothingFollowsTheSeparator() {
        LogicTestRecord.Query query = (LogicTestRecord.Query) parser.parse("query I\nSELECT 1 WHERE false\n----\n\n")
                .getFirst();

        assertThat(query.sortMode()).isEqualTo(SortMode.NOSORT);
        assertThat(query.expected()).isEqualTo(new ExpectedResult.Values(List.of()));
    }

    @Test
    void keepsOnlyTheFirstTwentyCharactersOfALabel() {
        LogicTestRecord.Query query = (LogicTestRecord.Query) parser
                .parse("query I rowsort abcdefghijklmnopqrstuvwxyz\nSELECT 1\n----\n1\n").getFirst();

        assertThat(query.label()).isEqualTo("abcdefghijklmnopqrst");
    }

    @Test
    void rejectsAnUnknownRecordNamingItsLine() {
        assertThatThrownBy(() -> parser.parse("\n\nexplode now\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }
}
