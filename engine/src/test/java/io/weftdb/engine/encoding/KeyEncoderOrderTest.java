package io.weftdb.engine.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves the one promise of the key encoding: unsigned byte order of encoded keys is the SQL order
 * of the values, for every kind, both directions, with NULLs placed as PostgreSQL places them, and
 * for composite keys whose first values are prefixes of one another.
 */
class KeyEncoderOrderTest {
    private static final int SAMPLES = 3000;
    private static final int RANDOM_PAIRS = 20_000;

    @ParameterizedTest
    @EnumSource(value = TypeKind.class, names = {"UNKNOWN", "ARRAY", "RECORD"}, mode = EnumSource.Mode.EXCLUDE)
    void ascendingKeysSortLikeSqlWithNullsLast(TypeKind kind) {
        Comparator<Object> order = Comparator.nullsLast(SampleValues.sqlOrder(kind));
        assertKeyOrderMatches(kind, false, order, samplesWithNulls(kind, 11));
    }

    @ParameterizedTest
    @EnumSource(value = TypeKind.class, names = {"UNKNOWN", "ARRAY", "RECORD"}, mode = EnumSource.Mode.EXCLUDE)
    void descendingKeysSortInReverseWithNullsFirst(TypeKind kind) {
        Comparator<Object> order = Comparator.nullsFirst(SampleValues.sqlOrder(kind).reversed());
        assertKeyOrderMatches(kind, true, order, samplesWithNulls(kind, 12));
    }

    @Test
    void compositeKeysOrderByFirstValueEvenWhenOneTextIsAPrefixOfAnother() {
        Random random = new Random(21);
        String[] texts = {"", "a", "ab", "a\0", "a\0b", "b", "\0", null};
        Long[] numbers = {Long.MIN_VALUE, -1L, 0L, 1L, 255L, 256L, Long.MAX_VALUE, null};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            rows.add(new Object[] {texts[random.nextInt(texts.length)], numbers[random.nextInt(numbers.length)],
                    texts[random.nextInt(texts.length)]});
        }
        TypeKind[] kinds = {TypeKind.TEXT, TypeKind.BIGINT, TypeKind.VARCHAR};
        boolean[] descending = {false, true, false};
        Comparator<Object[]> order = Comparator
                .<Object[], Object>comparing(row -> row[0], Comparator.nullsLast(SampleValues.sqlOrder(TypeKind.TEXT)))
                .thenComparing(row -> row[1], Comparator.nullsFirst(SampleValues.sqlOrder(TypeKind.BIGINT).reversed()))
                .thenComparing(row -> row[2], Comparator.nullsLast(SampleValues.sqlOrder(TypeKind.VARCHAR)));
        rows.sort(order);
        KeyEncoder encoder = new KeyEncoder();
        List<byte[]> keys = new ArrayList<>();
        for (Object[] row : rows) {
            encoder.reset();
            for (int column = 0; column < kinds.length; column++) {
                encoder.writeValue(kinds[column], row[column], descending[column]);
            }
            keys.add(encoder.toByteArray());
        }
        for (int i = 0; i + 1 < rows.size(); i++) {
            assertThat(Integer.signum(Arrays.compareUnsigned(keys.get(i), keys.get(i + 1))))
                    .as("%s vs %s", Arrays.toString(rows.get(i)), Arrays.toString(rows.get(i + 1)))
                    .isEqualTo(Integer.signum(order.compare(rows.get(i), rows.get(i + 1))));
        }
    }

    @Test
    void keysUnderOnePrefixSortTogetherByTheirValues() {
        byte[] lowTable = new KeyEncoder().writeInt(7).writeValue(TypeKind.BIGINT, Long.MAX_VALUE, false).toByteArray();
        byte[] highTable = new KeyEncoder().writeInt(8).writeValue(TypeKind.BIGINT, Long.MIN_VALUE, false).toByteArray();
        byte[] unsignedId = new KeyEncoder().writeInt(-1).toByteArray();

        assertThat(Arrays.compareUnsigned(lowTable, highTable)).isNegative();
        assertThat(Arrays.compareUnsigned(highTable, unsignedId)).isNegative();
    }

    @Test
    void minusZeroAndZeroShareOneKeyAndAllNaNsShareAnother() {
        byte[] zero = new KeyEncoder().writeValue(TypeKind.DOUBLE, 0.0, false).toByteArray();
        byte[] minusZero = new KeyEncoder().writeValue(TypeKind.DOUBLE, -0.0, false).toByteArray();
        byte[] nan = new KeyEncoder().writeValue(TypeKind.DOUBLE, Double.NaN, false).toByteArray();
        byte[] otherNan = new KeyEncoder()
                .writeValue(TypeKind.DOUBLE, Double.longBitsToDouble(0xFFF0_0000_0000_0001L), false).toByteArray();
        byte[] infinity = new KeyEncoder().writeValue(TypeKind.DOUBLE, Double.POSITIVE_INFINITY, false).toByteArray();

        assertThat(minusZero).isEqualTo(zero);
        assertThat(otherNan).isEqualTo(nan);
        assertThat(Arrays.compareUnsigned(infinity, nan)).isNegative();
    }

    @Test
    void numericKeysIgnoreScale() {
        byte[] short15 = new KeyEncoder().writeValue(TypeKind.NUMERIC, new java.math.BigDecimal("1.5"), false).toByteArray();
        byte[] long15 = new KeyEncoder().writeValue(TypeKind.NUMERIC, new java.math.BigDecimal("1.5000"), false).toByteArray();
        byte[] hundred = new KeyEncoder().writeValue(TypeKind.NUMERIC, new java.math.BigDecimal("100"), false).toByteArray();
        byte[] hundredExponent = new KeyEncoder().writeValue(TypeKind.NUMERIC, new java.math.BigDecimal("1E+2"), false)
                .toByteArray();

        assertThat(long15).isEqualTo(short15);
        assertThat(hundredExponent).isEqualTo(hundred);
    }

    private static List<Object> samplesWithNulls(TypeKind kind, long seed) {
        List<Object> values = SampleValues.of(kind, new Random(seed + kind.ordinal() * 1000L), SAMPLES);
        values.add(null);
        values.add(null);
        return values;
    }

    /**
     * Sorts by the SQL order, then checks neighbours (which with transitivity covers every pair)
     * and a batch of random pairs besides, each for the same sign of comparison.
     */
    private static void assertKeyOrderMatches(TypeKind kind, boolean descending, Comparator<Object> order,
            List<Object> values) {
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(order);
        KeyEncoder encoder = new KeyEncoder();
        List<byte[]> keys = new ArrayList<>(sorted.size());
        for (Object value : sorted) {
            keys.add(encoder.reset().writeInt(42).writeValue(kind, value, descending).toByteArray());
        }
        for (int i = 0; i + 1 < sorted.size(); i++) {
            assertSameOrder(sorted.get(i), sorted.get(i + 1), keys.get(i), keys.get(i + 1), order);
        }
        Random random = new Random(kind.ordinal());
        for (int n = 0; n < RANDOM_PAIRS; n++) {
            int i = random.nextInt(sorted.size());
            int j = random.nextInt(sorted.size());
            assertSameOrder(sorted.get(i), sorted.get(j), keys.get(i), keys.get(j), order);
        }
    }

    private static void assertSameOrder(Object left, Object right, byte[] leftKey, byte[] rightKey,
            Comparator<Object> order) {
        int keyOrder = Integer.signum(Arrays.compareUnsigned(leftKey, rightKey));
        int sqlOrder = Integer.signum(order.compare(left, right));
        if (keyOrder != sqlOrder) {
            assertThat(keyOrder).as("key order of %s vs %s", left, right).isEqualTo(sqlOrder);
        }
    }
}
