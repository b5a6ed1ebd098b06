package io.weftdb.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnAnalyzerTest {
    private static List<Object> longs(long count, java.util.function.LongFunction<Object> value) {
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(value.apply(i));
        }
        return values;
    }

    @Test
    void aWholeTableSampleCountsItsDistinctValuesExactly() {
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.BIGINT, longs(1000, i -> i % 7), 1000);
        assertThat(stats.distinct()).isEqualTo(7);
        assertThat(stats.commonValues()).hasSize(7);
        assertThat(stats.histogram()).isEmpty();
        assertThat(stats.equalSelectivity(3L, 1000)).isCloseTo(1.0 / 7, within(0.01));
    }

    @Test
    void aUniqueColumnIsStoredAsMinusOneSoItsCountGrowsWithTheTable() {
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.BIGINT, longs(30_000, i -> i * 31), 1_000_000);
        assertThat(stats.distinct()).isEqualTo(-1.0);
        assertThat(stats.distinctValues(2_000_000)).isEqualTo(2_000_000);
        assertThat(stats.commonValues()).isEmpty();
        assertThat(stats.histogram()).hasSize(ColumnAnalyzer.TARGET + 1);
    }

    @Test
    void aSampleOfManyRepeatedValuesEstimatesTheTablesDistinctCount() {
        // 1M rows holding 5000 values about evenly; a 30k sample sees most of them several times.
        SplittableRandom random = new SplittableRandom(7);
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.BIGINT, longs(30_000, i -> random.nextLong(5000)),
                1_000_000);
        assertThat(stats.distinctValues(1_000_000)).isBetween(4500.0, 5500.0);
    }

    @Test
    void nullsAreCountedApartFromTheValues() {
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.TEXT, longs(100, i -> i % 4 == 0 ? null : "v" + (i % 3)),
                100);
        assertThat(stats.nullFraction()).isEqualTo(0.25);
        assertThat(stats.distinct()).isEqualTo(3);
    }

    @Test
    void aSkewedColumnListsItsCommonValuesWithTheirFrequencies() {
        // One value in half the rows, the rest spread over 10k values.
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.BIGINT,
                longs(30_000, i -> i % 2 == 0 ? -1L : i % 10_000), 1_000_000);
        assertThat(stats.commonValues().get(0)).isEqualTo(-1L);
        assertThat(stats.commonFrequencies()[0]).isCloseTo(0.5, within(0.001));
        assertThat(stats.equalSelectivity(-1L, 1_000_000)).isCloseTo(0.5, within(0.001));
        assertThat(stats.equalSelectivity(4L, 1_000_000)).isLessThan(0.001);
    }

    @Test
    void theHistogramAnswersRangesByInterpolatingInsideABucket() {
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.BIGINT, longs(10_000, i -> i), 10_000);
        assertThat(stats.rangeSelectivity(2500L, true, false)).isCloseTo(0.25, within(0.01));
        assertThat(stats.rangeSelectivity(9000L, false, true)).isCloseTo(0.1, within(0.01));
        assertThat(stats.rangeSelectivity(-5L, true, false)).isEqualTo(0);
        assertThat(stats.rangeSelectivity(20_000L, true, false)).isEqualTo(1);
    }

    @Test
    void numericValuesEqualInValueCountAsOne() {
        ColumnStatistics stats = ColumnAnalyzer.analyze(1, TypeKind.NUMERIC,
                List.of(new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("2")), 3);
        assertThat(stats.distinct()).isEqualTo(-2.0 / 3);
    }

    @Test
    void statisticsSurviveTheirStoredForm() {
        ColumnStatistics text = ColumnAnalyzer.analyze(2, TypeKind.TEXT, longs(500, i -> "t" + (i % 50)), 500);
        ColumnStatistics numbers = ColumnAnalyzer.analyze(3, TypeKind.DOUBLE, longs(500, i -> i / 3.0), 500);
        TableAnalysis analysis = new TableAnalysis(42, 500, java.time.Instant.ofEpochMilli(1234),
                java.util.Map.of(2, text, 3, numbers));
        TableAnalysis back = StatisticsStore.decode(42, StatisticsStore.encode(analysis));
        assertThat(back.rows()).isEqualTo(500);
        assertThat(back.analyzedAt()).isEqualTo(analysis.analyzedAt());
        assertThat(back.columns().get(2).commonValues()).isEqualTo(text.commonValues());
        assertThat(back.columns().get(2).commonFrequencies()).containsExactly(text.commonFrequencies());
        assertThat(back.columns().get(3).histogram()).isEqualTo(numbers.histogram());
        assertThat(back.columns().get(3).distinct()).isEqualTo(numbers.distinct());
    }
}
