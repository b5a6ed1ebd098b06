package io.weftdb.engine.encoding;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads back the values of a key built by {@link KeyEncoder}, in the order they were written, so an
 * index-only scan can answer from the key and a row key can be turned back into its primary-key
 * columns. The caller supplies each value's kind and direction, as the key carries no type tags.
 *
 * <p>Values come back as the classes {@link TypeKind} names, with these normalisations the key
 * encoding makes: -0.0 reads as 0.0, every NaN as the canonical NaN, times below a microsecond are
 * gone, and NUMERIC reads with trailing zeros removed (see {@link NumericKeyFormat}).
 */
public final class KeyDecoder {
    private final byte[] key;
    private int position;

    public KeyDecoder(byte[] key) {
        this(key, 0);
    }

    /** Starts reading at {@code offset}, typically just past a prefix of known length. */
    public KeyDecoder(byte[] key, int offset) {
        if (offset < 0 || offset > key.length) {
            throw new IllegalArgumentException("offset " + offset + " outside a key of " + key.length + " bytes");
        }
        this.key = key;
        this.position = offset;
    }

    /** Reads a 4-byte big-endian integer written by {@link KeyEncoder#writeInt}. */
    public int readInt() {
        return readMaskedInt(0);
    }

    /** Reads an 8-byte big-endian integer written by {@link KeyEncoder#writeLong}. */
    public long readLong() {
        return readMaskedLong(0);
    }

    /** Moves past {@code count} raw bytes, such as a prefix. */
    public KeyDecoder skipBytes(int count) {
        requireBytes(count);
        position += count;
        return this;
    }

    /**
     * Reads the next value, written with the same kind and direction; null for SQL NULL.
     *
     * @throws IllegalArgumentException if the bytes are not such a value
     */
    public Object readValue(TypeKind kind, boolean descending) {
        int mask = descending ? 0xFF : 0;
        if (readMarker(mask) == KeyEncoder.NULL_MARKER) {
            return null;
        }
        return switch (kind) {
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values are never part of a key");
            case BOOLEAN -> readBoolean(mask);
            case SMALLINT, INTEGER, BIGINT -> readOrderedLong(mask);
            case REAL, DOUBLE -> readDouble(mask);
            case NUMERIC -> NumericKeyFormat.read(this, mask);
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> new String(readEscaped(mask), StandardCharsets.UTF_8);
            case BYTEA -> Bytes.wrap(readEscaped(mask));
            case DATE -> LocalDate.ofEpochDay(readOrderedLong(mask));
            case TIME -> Microseconds.toTime(readOrderedLong(mask));
            case TIMESTAMP -> Microseconds.toTimestamp(readOrderedLong(mask));
            case TIMESTAMPTZ -> Microseconds.toInstant(readOrderedLong(mask));
            case INTERVAL -> readInterval(mask);
            case UUID -> new UUID(readMaskedLong(mask), readMaskedLong(mask));
        };
    }

    /** Moves past the next value without building it, e.g. to reach a later column of the key. */
    public KeyDecoder skipValue(TypeKind kind, boolean descending) {
        int mask = descending ? 0xFF : 0;
        if (readMarker(mask) == KeyEncoder.NULL_MARKER) {
            return this;
        }
        switch (kind) {
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values are never part of a key");
            case BOOLEAN -> skipBytes(1);
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> skipBytes(Long.BYTES);
            case NUMERIC -> NumericKeyFormat.skip(this, mask);
            case TEXT, VARCHAR, CHAR, JSON, JSONB, BYTEA -> position = escapedEnd(mask) + 2;
            case INTERVAL -> skipBytes(4 * Long.BYTES);
            case UUID -> skipBytes(2 * Long.BYTES);
        }
        return this;
    }

    /** The offset of the next unread byte. */
    public int position() {
        return position;
    }

    public boolean hasRemaining() {
        return position < key.length;
    }

    /** The next byte as 0..255 after XOR with {@code mask}. */
    int nextByte(int mask) {
        requireBytes(1);
        return (key[position++] & 0xFF) ^ mask;
    }

    private int readMarker(int mask) {
        int marker = nextByte(mask);
        if (marker != KeyEncoder.VALUE_MARKER && marker != KeyEncoder.NULL_MARKER) {
            throw new IllegalArgumentException("no key value at offset " + (position - 1) + ": marker " + marker);
        }
        return marker;
    }

    private Boolean readBoolean(int mask) {
        int value = nextByte(mask);
        if (value > 1) {
            throw new IllegalArgumentException("not a boolean key byte: " + value);
        }
        return value == 1;
    }

    private long readMaskedLong(int mask) {
        requireBytes(Long.BYTES);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | ((key[position++] & 0xFF) ^ mask);
        }
        return value;
    }

    private long readOrderedLong(int mask) {
        return readMaskedLong(mask) ^ Long.MIN_VALUE;
    }

    private Double readDouble(int mask) {
        long ordered = readOrderedLong(mask);
        long bits = ordered < 0 ? ~(ordered ^ Long.MIN_VALUE) : ordered;
        return Double.longBitsToDouble(bits);
    }

    private Interval readInterval(int mask) {
        skipBytes(2 * Long.BYTES);
        int months = readMaskedInt(mask) ^ Integer.MIN_VALUE;
        int days = readMaskedInt(mask) ^ Integer.MIN_VALUE;
        long micros = readOrderedLong(mask);
        return new Interval(months, days, micros);
    }

    private int readMaskedInt(int mask) {
        requireBytes(Integer.BYTES);
        int value = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            value = (value << 8) | ((key[position++] & 0xFF) ^ mask);
        }
        return value;
    }

    /**
     * Reads an escaped, terminated byte string and returns the original bytes. The common case of
     * an ascending value without escapes is one copy.
     */
    private byte[] readEscaped(int mask) {
        int start = position;
        int end = escapedEnd(mask);
        position = end + 2;
        int escapes = countEscapes(start, end, mask);
        if (mask == 0 && escapes == 0) {
            return Arrays.copyOfRange(key, start, end);
        }
        byte[] bytes = new byte[end - start - escapes];
        int out = 0;
        for (int i = start; i < end; i++) {
            byte b = (byte) (key[i] ^ mask);
            bytes[out++] = b;
            if (b == 0) {
                i++;
            }
        }
        return bytes;
    }

    /** The offset of the 0x00 0x01 terminator of the escaped string starting at the position. */
    private int escapedEnd(int mask) {
        for (int i = position; i + 1 < key.length; i++) {
            if (((key[i] & 0xFF) ^ mask) == 0) {
                int next = (key[i + 1] & 0xFF) ^ mask;
                if (next == KeyEncoder.TERMINATOR) {
                    return i;
                }
                if (next != KeyEncoder.ESCAPE) {
                    throw new IllegalArgumentException("bad escape in key at offset " + i);
                }
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string in key starting at offset " + position);
    }

    private int countEscapes(int start, int end, int mask) {
        int escapes = 0;
        for (int i = start; i < end; i++) {
            if (((key[i] & 0xFF) ^ mask) == 0) {
                escapes++;
                i++;
            }
        }
        return escapes;
    }

    private void requireBytes(int count) {
        if (count < 0 || key.length - position < count) {
            throw new IllegalArgumentException("key ends at offset " + key.length + ", needed " + count
                    + " more bytes from offset " + position);
        }
    }
}
