package io.weftdb.engine.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves every key value reads back as written, alone or inside a composite key, in both directions. */
class KeyDecoderRoundTripTest {

    @ParameterizedTest
    @EnumSource(value = TypeKind.class, names = {"UNKNOWN", "ARRAY", "RECORD"}, mode = EnumSource.Mode.EXCLUDE)
    void everyValueReadsBackInBothDirections(TypeKind kind) {
        List<Object> values = SampleValues.of(kind, new Random(31 + kind.ordinal()), 2000);
        values.add(null);
        KeyEncoder encoder = new KeyEncoder();
        for (Object value : values) {
            for (boolean descending : new boolean[] {false, true}) {
                byte[] key = encoder.reset().writeInt(9).writeValue(kind, value, descending).toByteArray();
                KeyDecoder decoder = new KeyDecoder(key, Integer.BYTES);

                Object decoded = decoder.readValue(kind, descending);

                assertThat(decoder.hasRemaining()).isFalse();
                assertReadsBackAs(kind, value, decoded);
            }
        }
    }

    @Test
    void compositeKeysReadBackValueByValue() {
        Random random = new Random(5);
        TypeKind[] kinds = TypeKind.values();
        KeyEncoder encoder = new KeyEncoder();
        for (int round = 0; round < 500; round++) {
            encoder.reset().writeLong(round);
            Object[] written = new Object[kinds.length];
            boolean[] descending = new boolean[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == TypeKind.UNKNOWN || kinds[i] == TypeKind.ARRAY || kinds[i] == TypeKind.RECORD) {
                    continue;
                }
                List<Object> candidates = SampleValues.of(kinds[i], random, 1);
                written[i] = random.nextInt(5) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
                descending[i] = random.nextBoolean();
                encoder.writeValue(kinds[i], written[i], descending[i]);
            }
            KeyDecoder decoder = new KeyDecoder(encoder.toByteArray());
            assertThat(decoder.readLong()).isEqualTo(round);
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] != TypeKind.UNKNOWN && kinds[i] != TypeKind.ARRAY && kinds[i] != TypeKind.RECORD) {
                    assertReadsBackAs(kinds[i], written[i], decoder.readValue(kinds[i], descending[i]));
                }
            }
            assertThat(decoder.hasRemaining()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TypeKind.class, names = {"UNKNOWN", "ARRAY", "RECORD"}, mode = EnumSource.Mode.EXCLUDE)
    void skippingAValueLandsOnTheNextOne(TypeKind kind) {
        List<Object> values = SampleValues.of(kind, new Random(77), 300);
        values.add(null);
        for (Object value : values) {
            for (boolean descending : new boolean[] {false, true}) {
                byte[] key = new KeyEncoder().writeValue(kind, value, descending)
                        .writeValue(TypeKind.TEXT, "after", descending).toByteArray();

                KeyDecoder decoder = new KeyDecoder(key).skipValue(kind, descending);

                assertThat(decoder.readValue(TypeKind.TEXT, descending)).isEqualTo("after");
            }
        }
    }

    @Test
    void numericReadsBackWithTrailingZerosRemovedButNeverInExponentForm() {
        assertThat(keyRoundTrip(new BigDecimal("1.50"))).hasToString("1.5");
        assertThat(keyRoundTrip(new BigDecimal("100"))).hasToString("100");
        assertThat(keyRoundTrip(new BigDecimal("1E+2"))).hasToString("100");
        assertThat(keyRoundTrip(new BigDecimal("-0.00"))).hasToString("0");
        assertThat(keyRoundTrip(new BigDecimal("-0.0012300"))).hasToString("-0.00123");
        assertThat(keyRoundTrip(new BigDecimal("1E+1000000000"))).isEqualByComparingTo("1E+1000000000");
    }

    @Test
    void timesKeepMicrosecondsAndDropFinerNanos() {
        byte[] key = new KeyEncoder().writeValue(TypeKind.TIME, LocalTime.of(1, 2, 3, 456_789_999), false).toByteArray();

        assertThat(new KeyDecoder(key).readValue(TypeKind.TIME, false)).isEqualTo(LocalTime.of(1, 2, 3, 456_789_000));
    }

    @Test
    void wrongJavaClassForAKindIsRejectedWithTheKindNamed() {
        assertThatThrownBy(() -> new KeyEncoder().writeValue(TypeKind.INTEGER, "12", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INTEGER");
        assertThatThrownBy(() -> new KeyEncoder().writeValue(TypeKind.ARRAY, List.of(1L), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedKeyFailsWithAMessageInsteadOfAnIndexError() {
        byte[] key = new KeyEncoder().writeValue(TypeKind.TEXT, "abc", false).toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(key, key.length - 1);

        assertThatThrownBy(() -> new KeyDecoder(truncated).readValue(TypeKind.TEXT, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }

    private static BigDecimal keyRoundTrip(BigDecimal value) {
        byte[] key = new KeyEncoder().writeValue(TypeKind.NUMERIC, value, false).toByteArray();
        return (BigDecimal) new KeyDecoder(key).readValue(TypeKind.NUMERIC, false);
    }

    /** Equal values, allowing only the normalisations the key encoding documents. */
    private static void assertReadsBackAs(TypeKind kind, Object written, Object decoded) {
        if (written == null) {
            assertThat(decoded).isNull();
            return;
        }
        switch (kind) {
            case REAL, DOUBLE -> assertThat(decoded).isEqualTo((Double) written == 0.0 ? 0.0 : written);
            case NUMERIC -> {
                BigDecimal number = (BigDecimal) decoded;
                assertThat(number).isEqualByComparingTo((BigDecimal) written);
                if (number.signum() != 0 && (long) number.precision() - number.scale() <= NumericKeyFormat.MAX_PLAIN_INTEGER_DIGITS) {
                    assertThat(number.scale()).isGreaterThanOrEqualTo(0);
                }
            }
            default -> assertThat(decoded).isEqualTo(written);
        }
    }
}
