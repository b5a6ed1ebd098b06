package io.weftdb.engine.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.type.TypeKind;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proves the raw prefix helpers and the prefix-scan upper bound. */
class KeyEncoderPrefixTest {

    @Test
    void rawIntegersAreBigEndianUnsigned() {
        byte[] key = new KeyEncoder().writeInt(0x01020304).writeLong(-1L).toByteArray();

        assertThat(key).containsExactly(1, 2, 3, 4, -1, -1, -1, -1, -1, -1, -1, -1);
        KeyDecoder decoder = new KeyDecoder(key);
        assertThat(decoder.readInt()).isEqualTo(0x01020304);
        assertThat(decoder.readLong()).isEqualTo(-1L);
    }

    @Test
    void prefixConstructorCopiesThePrefixAndResetDropsIt() {
        byte[] prefix = {5, 6};
        KeyEncoder encoder = new KeyEncoder(prefix);
        prefix[0] = 99;

        assertThat(encoder.writeInt(7).toByteArray()).containsExactly(5, 6, 0, 0, 0, 7);
        assertThat(encoder.length()).isEqualTo(6);
        assertThat(encoder.reset().length()).isZero();
    }

    @Test
    void prefixSuccessorIncrementsTheLastByteThatCanBeIncremented() {
        assertThat(KeyEncoder.prefixSuccessor(new byte[] {1, 2})).containsExactly(1, 3);
        assertThat(KeyEncoder.prefixSuccessor(new byte[] {1, (byte) 0xFF, (byte) 0xFF})).containsExactly(2);
        assertThat(KeyEncoder.prefixSuccessor(new byte[] {(byte) 0x7F})).containsExactly(0x80);
    }

    @Test
    void prefixSuccessorIsNullWhenNoKeyIsGreater() {
        assertThat(KeyEncoder.prefixSuccessor(new byte[0])).isNull();
        assertThat(KeyEncoder.prefixSuccessor(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
    }

    @Test
    void prefixSuccessorBoundsEveryKeyWithThePrefixAndNoOther() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] prefix = randomBytes(random, 1 + random.nextInt(4));
            byte[] successor = KeyEncoder.prefixSuccessor(prefix);
            byte[] extended = concat(prefix, randomBytes(random, random.nextInt(6)));
            byte[] other = randomBytes(random, 1 + random.nextInt(6));
            if (successor == null) {
                continue;
            }
            assertThat(Arrays.compareUnsigned(extended, successor)).isNegative();
            boolean otherHasPrefix = Arrays.mismatch(other, prefix) == -1 || Arrays.mismatch(other, prefix) == prefix.length;
            boolean otherInRange = Arrays.compareUnsigned(other, prefix) >= 0 && Arrays.compareUnsigned(other, successor) < 0;
            assertThat(otherInRange).as("%s under prefix %s", Arrays.toString(other), Arrays.toString(prefix))
                    .isEqualTo(otherHasPrefix);
        }
    }

    @Test
    void encodedValueIsItsOwnScanPrefix() {
        byte[] prefix = new KeyEncoder().writeInt(1).writeValue(TypeKind.TEXT, "a", false).toByteArray();
        byte[] matching = new KeyEncoder(prefix).writeValue(TypeKind.BIGINT, 5L, false).toByteArray();
        byte[] longerText = new KeyEncoder().writeInt(1).writeValue(TypeKind.TEXT, "ab", false)
                .writeValue(TypeKind.BIGINT, 5L, false).toByteArray();
        byte[] upper = KeyEncoder.prefixSuccessor(prefix);

        assertThat(Arrays.compareUnsigned(matching, upper)).isNegative();
        assertThat(Arrays.compareUnsigned(longerText, upper)).isPositive();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        byte[] choices = {0, 1, (byte) 0xFE, (byte) 0xFF};
        for (int i = 0; i < length; i++) {
            bytes[i] = choices[random.nextInt(choices.length)];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
