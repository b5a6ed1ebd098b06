package io.weftdb.engine.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the versioned row format: exact round trips of every kind with NULLs anywhere, skipping of
 * dropped columns, and old rows read through a newer layout's column mapping.
 */
class RowCodecTest {
    private static final TypeKind[] STORABLE = Arrays.stream(TypeKind.values())
            .filter(kind -> kind != TypeKind.UNKNOWN && kind != TypeKind.ARRAY && kind != TypeKind.RECORD)
            .toArray(TypeKind[]::new);

    @Test
    void rowsOfEveryKindReadBackExactlyWithNullsAnywhere() {
        Random random = new Random(17);
        for (int round = 0; round < 2000; round++) {
            int columns = 1 + random.nextInt(20);
            TypeKind[] kinds = new TypeKind[columns];
            Object[] values = new Object[columns];
            for (int column = 0; column < columns; column++) {
                kinds[column] = STORABLE[random.nextInt(STORABLE.length)];
                List<Object> candidates = SampleValues.of(kinds[column], random, 1);
                values[column] = random.nextInt(4) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
            }
            int version = random.nextInt(3) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(5);

            byte[] row = RowCodec.encode(version, kinds, values);
            Object[] decoded = new Object[columns];
            RowCodec.decode(row, kinds, identity(columns), decoded);

            assertThat(RowCodec.layoutVersion(row)).isEqualTo(version);
            assertThat(decoded).as("kinds %s", Arrays.toString(kinds)).containsExactly(values);
        }
    }

    @Test
    void numericKeepsItsScaleAndDoubleKeepsItsBits() {
        TypeKind[] kinds = {TypeKind.NUMERIC, TypeKind.NUMERIC, TypeKind.DOUBLE, TypeKind.DOUBLE};
        Object[] values = {new BigDecimal("1.50"), new BigDecimal("-1E+1000000000"), -0.0, Double.NaN};

        Object[] decoded = new Object[4];
        RowCodec.decode(RowCodec.encode(1, kinds, values), kinds, identity(4), decoded);

        assertThat(decoded[0]).hasToString("1.50");
        assertThat(decoded[1]).isEqualTo(values[1]);
        assertThat(Double.doubleToRawLongBits((Double) decoded[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((Double) decoded[3]).isNaN();
    }

    @Test
    void allNullRowIsVersionAndBitmapOnly() {
        TypeKind[] kinds = new TypeKind[9];
        Arrays.fill(kinds, TypeKind.TEXT);

        byte[] row = RowCodec.encode(3, kinds, new Object[9]);

        assertThat(row).containsExactly(3, 0xFF, 0x01);
    }

    @Test
    void droppedColumnsAreSkippedAndTheOthersLandInTheirNewPlaces() {
        TypeKind[] layout = {TypeKind.TEXT, TypeKind.NUMERIC, TypeKind.BYTEA, TypeKind.INTERVAL, TypeKind.UUID,
            TypeKind.BIGINT};
        UUID id = UUID.randomUUID();
        Object[] values = {"dropped text", new BigDecimal("12.5"), Bytes.wrap(new byte[] {1, 2}),
            new Interval(1, 2, 3), id, -5L};
        byte[] row = RowCodec.encode(1, layout, values);
        int[] positions = {-1, 1, -1, -1, 0, 2};

        Object[] target = new Object[3];
        RowCodec.decode(row, layout, positions, target);

        assertThat(target).containsExactly(id, new BigDecimal("12.5"), -5L);
    }

    @Test
    void rowWrittenWithOldLayoutReadsThroughTheNewLayoutsMapping() {
        TypeKind[] version1 = {TypeKind.INTEGER, TypeKind.TEXT, TypeKind.DATE};
        byte[] oldRow = RowCodec.encode(1, version1, new Object[] {7L, "gone", LocalDate.of(2024, 2, 29)});
        // version 2 dropped the text column and added a boolean with default true at the front:
        // columns are (flag BOOLEAN, id INTEGER, day DATE)
        int[] version1ToVersion2 = {1, -1, 2};
        Object[] current = {true, null, null};

        assertThat(RowCodec.layoutVersion(oldRow)).isEqualTo(1);
        RowCodec.decode(oldRow, version1, version1ToVersion2, current);

        assertThat(current).containsExactly(true, 7L, LocalDate.of(2024, 2, 29));
    }

    @Test
    void rowDecodedWithTheWrongLayoutFailsInsteadOfReturningGarbage() {
        byte[] row = RowCodec.encode(1, new TypeKind[] {TypeKind.BIGINT, TypeKind.BIGINT}, new Object[] {1L, 2L});

        assertThatThrownBy(() -> RowCodec.decode(row, new TypeKind[] {TypeKind.BIGINT}, new int[] {0}, new Object[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowCodec.decode(Arrays.copyOf(row, row.length - 1),
                new TypeKind[] {TypeKind.BIGINT, TypeKind.BIGINT}, new int[] {0, 1}, new Object[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysAndWrongClassesAreRejected() {
        assertThatThrownBy(() -> RowCodec.encode(1, new TypeKind[] {TypeKind.ARRAY}, new Object[] {List.of(1L)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ARRAY values are not storable");
        assertThatThrownBy(() -> RowCodec.encode(1, new TypeKind[] {TypeKind.DATE}, new Object[] {"2024-01-01"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATE");
        assertThatThrownBy(() -> RowCodec.encode(1, new TypeKind[] {TypeKind.DATE}, new Object[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallValuesTakeFewBytes() {
        TypeKind[] kinds = {TypeKind.BIGINT, TypeKind.BIGINT, TypeKind.TEXT, TypeKind.BOOLEAN};

        byte[] row = RowCodec.encode(2, kinds, new Object[] {1L, -1L, "hi", true});

        assertThat(row).containsExactly(2, 0, 2, 1, 2, 'h', 'i', 1);
    }

    private static int[] identity(int columns) {
        int[] positions = new int[columns];
        for (int i = 0; i < columns; i++) {
            positions[i] = i;
        }
        return positions;
    }

    @Test
    void largeUnscaledNumericsRoundTrip() {
        List<BigDecimal> values = new ArrayList<>();
        Random random = new Random(8);
        for (int i = 0; i < 500; i++) {
            values.add(new BigDecimal(new java.math.BigInteger(random.nextInt(600), random)
                    .multiply(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), random.nextInt(-50, 50)));
        }
        values.add(new BigDecimal(Long.MIN_VALUE));
        values.add(new BigDecimal(Long.MAX_VALUE));
        for (BigDecimal value : values) {
            Object[] decoded = new Object[1];
            RowCodec.decode(RowCodec.encode(0, new TypeKind[] {TypeKind.NUMERIC}, new Object[] {value}),
                    new TypeKind[] {TypeKind.NUMERIC}, new int[] {0}, decoded);
            assertThat(decoded[0]).isEqualTo(value);
        }
    }
}
