package io.weftdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetachedRowsTest {

    /** A statement's rows: (i, "row i") for i in 1..count, failing after {@code failAfter} rows when positive. */
    private static final class CountingRows implements RowResult {
        private final int count;
        private final int failAfter;
        private int current;
        boolean closed;

        CountingRows(int count, int failAfter) {
            this.count = count;
            this.failAfter = failAfter;
        }

        @Override
        public List<ResultColumn> columns() {
            return List.of(new ResultColumn("i", DataType.INTEGER), new ResultColumn("t", DataType.TEXT));
        }

        @Override
        public boolean next() {
            if (failAfter > 0 && current == failAfter) {
                throw new SqlException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
            }
            if (current == count) {
                closed = true;
                return false;
            }
            current++;
            return true;
        }

        @Override
        public Object[] row() {
            return new Object[] {(long) current, "row " + current};
        }

        @Override
        public long rowCount() {
            return current;
        }

        @Override
        public String commandTag() {
            return "SELECT " + current;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<Long> ids(RowResult rows) {
        List<Long> ids = new ArrayList<>();
        while (rows.next()) {
            ids.add((Long) rows.row()[0]);
            assertThat(rows.row()[1]).isEqualTo("row " + rows.row()[0]);
        }
        return ids;
    }

    @Test
    void theRestOfTheRowsComeBackInOrderPastTheMemoryBudgetThroughASpillFile() {
        CountingRows statement = new CountingRows(5000, 0);
        for (int i = 0; i < 10; i++) {
            statement.next();
        }
        DetachedRows rest = DetachedRows.drain(statement, 2000);
        assertThat(statement.closed).isTrue();
        assertThat(ids(rest)).isEqualTo(java.util.stream.LongStream.rangeClosed(11, 5000).boxed().toList());
        assertThat(rest.rowCount()).isEqualTo(5000);
        assertThat(rest.commandTag()).isEqualTo("SELECT 5000");
        assertThat(rest.next()).isFalse();
    }

    @Test
    void anErrorWhileReadingAheadIsThrownWhereItsRowsEnd() {
        DetachedRows rest = DetachedRows.drain(new CountingRows(100, 40), 1 << 20);
        assertThat(rest.failure()).isNotNull();
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (rest.next()) {
                seen.add((Long) rest.row()[0]);
            }
        }).isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        assertThat(seen).hasSize(40);
    }
}
