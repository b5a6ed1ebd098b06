package io.weftdb.compat.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryCheckerTest {
    private static final Pattern INSERT = Pattern.compile("INSERT INTO t1\\((\\w),(\\w),(\\w),(\\w),(\\w)\\) VALUES\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

    private static LogicTestRecord.Query query(SortMode mode, String label, ExpectedResult expected) {
        return new LogicTestRecord.Query(1, List.of(), "SELECT", List.of(ColumnType.INTEGER, ColumnType.TEXT), mode,
                label, expected);
    }

    @Test
    void rowsortComparesRowsAsTextSoTenSortsBeforeNine() {
        assertThat(ResultValues.sorted(List.of("9", "a", "10", "b", "10", "a"), 2, SortMode.ROWSORT))
                .containsExactly("10", "a", "10", "b", "9", "a");
    }

    @Test
    void valuesortSortsEveryValueOnItsOwnAndNosortKeepsEngineOrder() {
        assertThat(ResultValues.sorted(List.of("b", "9", "10", "a"), 2, SortMode.VALUESORT))
                .containsExactly("10", "9", "a", "b");
        assertThat(ResultValues.sorted(List.of("b", "9", "10", "a"), 2, SortMode.NOSORT))
                .containsExactly("b", "9", "10", "a");
    }

    @Test
    void hashesEveryValueFollowedByANewline() {
        // md5 of the bytes "1\n2\n", computed independently with md5sum.
        assertThat(ResultValues.md5(List.of("1", "2"))).isEqualTo("6ddb4095eb719e2a9f0a3f95677d24e0");
    }

    @Test
    void acceptsRowsInAnyOrderUnderRowsortAndReportsWrongValues() {
        QueryChecker checker = new QueryChecker();
        LogicTestRecord.Query query = query(SortMode.ROWSORT, null, new ExpectedResult.Values(List.of("1", "x", "2", "y")));

        assertThat(checker.check(query, List.of("2", "y", "1", "x"))).isEmpty();
        assertThat(checker.check(query, List.of("2", "y", "1", "z"))).hasValueSatisfying(
                message -> assertThat(message).contains("expected [1, x, 2, y]"));
    }

    @Test
    void holdsQueriesWithTheSameLabelToTheSameAnswer() {
        QueryChecker checker = new QueryChecker();
        LogicTestRecord.Query skipped = query(SortMode.NOSORT, "label-1", new ExpectedResult.Values(List.of("1", "x")));
        LogicTestRecord.Query run = query(SortMode.NOSORT, "label-1", new ExpectedResult.Values(List.of("2", "y")));

        checker.recordSkipped(skipped);

        assertThat(checker.check(run, List.of("2", "y"))).hasValueSatisfying(
                message -> assertThat(message).startsWith("label label-1"));
    }

    /** select1.test's second query, answered correctly in Java from the file's own INSERTs, matches its hash. */
    @Test
    void reproducesTheCorpusHashOfACorrectlyAnsweredQuery() throws IOException {
        List<LogicTestRecord> records = new LogicTestParser().parse(resource("select1-hashed-query.test"));
        List<long[]> rows = new ArrayList<>();
        for (LogicTestRecord record : records) {
            if (record instanceof LogicTestRecord.Statement statement) {
                Matcher insert = INSERT.matcher(statement.sql());
                if (insert.matches()) {
                    long[] row = new long[5];
                    for (int column = 0; column < 5; column++) {
                        row[insert.group(column + 1).charAt(0) - 'a'] = Long.parseLong(insert.group(column + 6));
                    }
                    rows.add(row);
                }
            }
        }
        // SELECT a+b*2+c*3+d*4+e*5, (a+b+c+d+e)/5 FROM t1 ORDER BY 1,2
        List<String> values = new ArrayList<>();
        rows.stream()
                .map(row -> new long[] {row[0] + row[1] * 2 + row[2] * 3 + row[3] * 4 + row[4] * 5,
                        (row[0] + row[1] + row[2] + row[3] + row[4]) / 5})
                .sorted((left, right) -> left[0] != right[0] ? Long.compare(left[0], right[0]) : Long.compare(left[1], right[1]))
                .forEach(row -> {
                    values.add(Long.toString(row[0]));
                    values.add(Long.toString(row[1]));
                });
        LogicTestRecord.Query query = (LogicTestRecord.Query) records.getLast();

        assertThat(rows).hasSize(30);
        assertThat(query.expected()).isEqualTo(new ExpectedResult.Hash(60, "808146289313018fce25f1a280bd8c30"));
        assertThat(new QueryChecker().check(query, values)).isEmpty();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = QueryCheckerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
