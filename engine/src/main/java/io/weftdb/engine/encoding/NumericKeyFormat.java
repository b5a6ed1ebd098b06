package io.weftdb.engine.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The order-preserving key payload of a NUMERIC, after the scheme of CockroachDB's decimal
 * encoding: a class byte, then for non-zero values a base-100 exponent and a base-100 mantissa.
 *
 * <p>A non-zero value is written as {@code ±0.m1 m2 ... mk × 100^e} with {@code m1 != 0} and no
 * trailing zero digit, so every value has exactly one form whatever its BigDecimal scale (1.5 and
 * 1.50 encode alike). The class byte orders negatives, zero and positives. For positives the
 * exponent follows as an order-preserving variable-length signed integer (larger magnitude, larger
 * exponent), then each base-100 digit {@code m} as one byte: {@code 2m + 1} when more digits follow
 * and {@code 2m} for the last one. That makes the mantissa prefix-free and lets a shorter mantissa
 * sort before a longer one that extends it (0.12 before 0.1234). A negative value is written as its
 * magnitude's exponent and mantissa with every byte inverted, which reverses their order.
 *
 * <p>The exponent may be anything a BigDecimal allows, so 1E+1000000000 and 1E-1000000000 encode in
 * a few bytes. Decoding gives the value with trailing zeros removed (the scale normalisation this
 * format documents): 1.50 comes back as 1.5 and 0.00 as 0. It never comes back with a negative
 * scale when the value has at most {@value #MAX_PLAIN_INTEGER_DIGITS} integer digits (PostgreSQL's
 * limit), so 100 comes back as 100, not 1E+2; beyond that it keeps the exponent form instead of
 * materialising a number with billions of digits.
 */
final class NumericKeyFormat {
    static final int NEGATIVE = 0x01;
    static final int ZERO = 0x02;
    static final int POSITIVE = 0x03;
    /** The most digits before the decimal point a PostgreSQL numeric can hold. */
    static final int MAX_PLAIN_INTEGER_DIGITS = 131_072;
    /** Header of a non-negative exponent with no bytes (zero); negatives count down from below. */
    private static final int EXPONENT_ZERO_HEADER = 0x80;

    private NumericKeyFormat() {
    }

    static void write(KeyEncoder out, BigDecimal value) {
        int signum = value.signum();
        out.ensureCapacity(1);
        if (signum == 0) {
            out.putByte(ZERO);
            return;
        }
        out.putByte(signum < 0 ? NEGATIVE : POSITIVE);
        String digits = value.unscaledValue().abs().toString();
        int significant = digits.length();
        while (digits.charAt(significant - 1) == '0') {
            significant--;
        }
        long scale = (long) value.scale() - (digits.length() - significant);
        long decimalExponent = significant - scale;
        int start = out.length();
        writeExponent(out, Math.floorDiv(decimalExponent + 1, 2));
        boolean padFront = Math.floorMod(decimalExponent, 2) == 1;
        writeMantissa(out, digits, significant, padFront);
        if (signum < 0) {
            out.invert(start);
        }
    }

    /**
     * Writes a signed long so that unsigned byte order is numeric order: a header byte
     * {@code 0x80 + n} followed by the n big-endian bytes of a non-negative value, or
     * {@code 0x7F - n} followed by the n low bytes of a negative value whose complement needs n bytes.
     */
    private static void writeExponent(KeyEncoder out, long exponent) {
        out.ensureCapacity(1 + Long.BYTES);
        int byteCount = byteLength(exponent >= 0 ? exponent : ~exponent);
        out.putByte(exponent >= 0 ? EXPONENT_ZERO_HEADER + byteCount : EXPONENT_ZERO_HEADER - 1 - byteCount);
        for (int shift = (byteCount - 1) * 8; shift >= 0; shift -= 8) {
            out.putByte((int) (exponent >>> shift));
        }
    }

    private static int byteLength(long nonNegative) {
        return (Long.SIZE - Long.numberOfLeadingZeros(nonNegative) + 7) / 8;
    }

    private static void writeMantissa(KeyEncoder out, String digits, int significant, boolean padFront) {
        int padded = significant + (padFront ? 1 : 0);
        int pairs = (padded + 1) / 2;
        out.ensureCapacity(pairs);
        for (int pair = 0; pair < pairs; pair++) {
            int first = digitAt(digits, significant, 2 * pair - (padFront ? 1 : 0));
            int second = digitAt(digits, significant, 2 * pair + 1 - (padFront ? 1 : 0));
            int base100 = first * 10 + second;
            out.putByte(pair == pairs - 1 ? 2 * base100 : 2 * base100 + 1);
        }
    }

    private static int digitAt(String digits, int significant, int index) {
        return index < 0 || index >= significant ? 0 : digits.charAt(index) - '0';
    }

    /** Reads a payload written by {@link #write}; {@code mask} is 0xFF when the value is descending. */
    static BigDecimal read(KeyDecoder in, int mask) {
        int numericClass = in.nextByte(mask);
        if (numericClass == ZERO) {
            return BigDecimal.ZERO;
        }
        if (numericClass != NEGATIVE && numericClass != POSITIVE) {
            throw new IllegalArgumentException("not a numeric key: class byte " + numericClass);
        }
        int magnitudeMask = numericClass == NEGATIVE ? mask ^ 0xFF : mask;
        long exponent = readExponent(in, magnitudeMask);
        StringBuilder digits = new StringBuilder();
        int pairs = 0;
        while (true) {
            int encoded = in.nextByte(magnitudeMask);
            int base100 = encoded >>> 1;
            digits.append((char) ('0' + base100 / 10)).append((char) ('0' + base100 % 10));
            pairs++;
            if ((encoded & 1) == 0) {
                break;
            }
        }
        long scale = 2L * pairs - 2L * exponent;
        int significant = digits.length();
        while (significant > 1 && digits.charAt(significant - 1) == '0') {
            significant--;
            scale--;
        }
        digits.setLength(significant);
        if (scale < Integer.MIN_VALUE) {
            digits.repeat('0', (int) (Integer.MIN_VALUE - scale));
            scale = Integer.MIN_VALUE;
        }
        if (scale > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a numeric key: scale " + scale + " out of range");
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        BigDecimal magnitude = new BigDecimal(numericClass == NEGATIVE ? unscaled.negate() : unscaled, (int) scale);
        return scale < 0 && scale >= -MAX_PLAIN_INTEGER_DIGITS ? magnitude.setScale(0) : magnitude;
    }

    private static long readExponent(KeyDecoder in, int mask) {
        int header = in.nextByte(mask);
        boolean negative = header < EXPONENT_ZERO_HEADER;
        int byteCount = negative ? EXPONENT_ZERO_HEADER - 1 - header : header - EXPONENT_ZERO_HEADER;
        if (byteCount > Long.BYTES) {
            throw new IllegalArgumentException("not a numeric key: exponent header " + header);
        }
        long exponent = negative ? -1L : 0L;
        for (int i = 0; i < byteCount; i++) {
            exponent = (exponent << 8) | in.nextByte(mask);
        }
        return exponent;
    }

    /** Moves past a payload without building the value. */
    static void skip(KeyDecoder in, int mask) {
        int numericClass = in.nextByte(mask);
        if (numericClass == ZERO) {
            return;
        }
        int magnitudeMask = numericClass == NEGATIVE ? mask ^ 0xFF : mask;
        readExponent(in, magnitudeMask);
        int encoded;
        do {
            encoded = in.nextByte(magnitudeMask);
        } while ((encoded & 1) == 1);
    }
}
