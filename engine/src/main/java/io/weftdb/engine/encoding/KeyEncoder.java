package io.weftdb.engine.encoding;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Builds order-preserving ("memcomparable") keys: comparing two encoded keys as unsigned byte
 * strings gives the SQL order of the values they were built from, so RocksDB's plain bytewise
 * comparator sorts rows and index entries without knowing any SQL type.
 *
 * <p>A key is a raw prefix (table and index ids, written with {@link #writeInt}/{@link #writeLong})
 * followed by values. Each value is one marker byte, {@value #VALUE_MARKER} for a value and
 * {@value #NULL_MARKER} for NULL (so NULL sorts after every value: PostgreSQL's NULLS LAST for
 * ascending), then the value's payload. Every payload is prefix-free, so a composite key orders by
 * its first value, then its second, and so on. A descending value is the ascending encoding with
 * every byte inverted, marker included, which reverses its order and puts NULL first.
 *
 * <p>Payloads by kind (see {@link KeyDecoder} for the way back):
 * <ul>
 *   <li>BOOLEAN: one byte, 0 or 1.
 *   <li>SMALLINT, INTEGER, BIGINT: 8 bytes big-endian with the sign bit flipped. The three kinds
 *       share one width so a key built from a BIGINT literal finds an INTEGER column's entry.
 *   <li>REAL, DOUBLE: the IEEE-754 bits of the double, sign bit flipped for positives and all bits
 *       inverted for negatives. -0.0 is written as 0.0 and every NaN as the canonical NaN, which
 *       then sorts above +Infinity as PostgreSQL orders it.
 *   <li>NUMERIC: variable length, see {@link NumericKeyFormat}.
 *   <li>TEXT, VARCHAR, CHAR, JSON, JSONB: UTF-8 with 0x00 escaped as 0x00 0xFF and terminated by
 *       0x00 0x01. UTF-8 byte order is code point order, which is the "C" collation.
 *   <li>BYTEA: the bytes, escaped and terminated the same way.
 *   <li>DATE: the day since 1970-01-01; TIME: microseconds of the day; TIMESTAMP: microseconds
 *       since 2000-01-01 of the wall-clock value; TIMESTAMPTZ: microseconds since
 *       2000-01-01T00:00Z of the instant (PostgreSQL's epoch, see {@link Microseconds}). Each as a
 *       sign-flipped 8-byte long.
 *   <li>INTERVAL: the exact 128-bit value of PostgreSQL's normalisation (30-day months, 24-hour
 *       days) in 16 bytes, then months, days and micros. Intervals that compare equal in SQL
 *       ('1 mon' and '30 days') therefore still get distinct keys, ordered by their fields, so a
 *       unique check on an interval column must compare the first 16 payload bytes only.
 *   <li>UUID: the 16 bytes big-endian, which is PostgreSQL's unsigned byte order.
 * </ul>
 * UNKNOWN and ARRAY values cannot be key values and are rejected.
 */
public final class KeyEncoder {
    /** The marker before every non-null value. */
    static final int VALUE_MARKER = 0x01;
    /** The marker of a NULL value, above {@link #VALUE_MARKER} so that ascending NULLs sort last. */
    static final int NULL_MARKER = 0xFE;
    static final int ESCAPE = 0xFF;
    static final int TERMINATOR = 0x01;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int INITIAL_CAPACITY = 32;

    private byte[] buffer;
    private int length;

    public KeyEncoder() {
        buffer = new byte[INITIAL_CAPACITY];
    }

    /** Starts the key with a copy of {@code prefix}, typically a table's or index's key prefix. */
    public KeyEncoder(byte[] prefix) {
        buffer = Arrays.copyOf(prefix, Math.max(INITIAL_CAPACITY, prefix.length * 2));
        length = prefix.length;
    }

    /** Appends a 4-byte big-endian unsigned integer, for fixed-width prefixes such as table ids. */
    public KeyEncoder writeInt(int value) {
        ensureCapacity(Integer.BYTES);
        putInt(value);
        return this;
    }

    /** Appends an 8-byte big-endian unsigned integer, for fixed-width prefixes. */
    public KeyEncoder writeLong(long value) {
        ensureCapacity(Long.BYTES);
        putLong(value);
        return this;
    }

    /** Appends raw bytes as they are, for a prefix held as bytes. */
    public KeyEncoder writeBytes(byte[] raw) {
        ensureCapacity(raw.length);
        System.arraycopy(raw, 0, buffer, length, raw.length);
        length += raw.length;
        return this;
    }

    /**
     * Appends one value of a key column. {@code value} is null for SQL NULL, otherwise an instance
     * of {@code kind.javaClass()}.
     *
     * @throws IllegalArgumentException if the kind cannot be a key or the value has the wrong class
     */
    public KeyEncoder writeValue(TypeKind kind, Object value, boolean descending) {
        int start = length;
        if (value == null) {
            ensureCapacity(1);
            putByte(NULL_MARKER);
        } else {
            ensureCapacity(1);
            putByte(VALUE_MARKER);
            writePayload(kind, value);
        }
        if (descending) {
            invert(start);
        }
        return this;
    }

    public int length() {
        return length;
    }

    /** A copy of the key written so far; the encoder stays usable. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    /** Empties the encoder, keeping its buffer, so a loop can build many keys without allocating. */
    public KeyEncoder reset() {
        length = 0;
        return this;
    }

    /**
     * The smallest key greater than every key that starts with {@code prefix}: the exclusive upper
     * bound of a prefix scan. Returns null when there is none (the prefix is empty or all 0xFF),
     * which the storage SPI reads as an open bound.
     */
    public static byte[] prefixSuccessor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] successor = Arrays.copyOf(prefix, i + 1);
                successor[i]++;
                return successor;
            }
        }
        return null;
    }

    private void writePayload(TypeKind kind, Object value) {
        switch (kind) {
            case UNKNOWN -> throw new IllegalArgumentException("a value of unknown type cannot be part of a key");
            case ARRAY -> throw new IllegalArgumentException("arrays cannot be part of a key yet");
            case RECORD -> throw new IllegalArgumentException("records cannot be part of a key");
            case BOOLEAN -> {
                ensureCapacity(1);
                putByte(ValueTypeCheck.cast(kind, value, Boolean.class) ? 1 : 0);
            }
            case SMALLINT, INTEGER, BIGINT -> writeOrderedLong(ValueTypeCheck.cast(kind, value, Long.class));
            case REAL, DOUBLE -> writeOrderedLong(orderedDoubleBits(ValueTypeCheck.cast(kind, value, Double.class)));
            case NUMERIC -> NumericKeyFormat.write(this, ValueTypeCheck.cast(kind, value, BigDecimal.class));
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> writeString(ValueTypeCheck.cast(kind, value, String.class));
            case BYTEA -> writeEscaped(ValueTypeCheck.cast(kind, value, Bytes.class).unsafeArray());
            case DATE -> writeOrderedLong(ValueTypeCheck.cast(kind, value, LocalDate.class).toEpochDay());
            case TIME -> writeOrderedLong(Microseconds.ofTime(ValueTypeCheck.cast(kind, value, LocalTime.class)));
            case TIMESTAMP -> writeOrderedLong(
                    Microseconds.ofTimestamp(ValueTypeCheck.cast(kind, value, LocalDateTime.class)));
            case TIMESTAMPTZ -> writeOrderedLong(
                    Microseconds.ofInstant(ValueTypeCheck.cast(kind, value, Instant.class)));
            case INTERVAL -> writeInterval(ValueTypeCheck.cast(kind, value, Interval.class));
            case UUID -> {
                UUID uuid = ValueTypeCheck.cast(kind, value, UUID.class);
                ensureCapacity(2 * Long.BYTES);
                putLong(uuid.getMostSignificantBits());
                putLong(uuid.getLeastSignificantBits());
            }
        }
    }

    /** Maps a double to a long whose signed order is PostgreSQL's float order (see class doc). */
    static long orderedDoubleBits(double value) {
        double canonical = value == 0.0 ? 0.0 : value;
        long bits = Double.doubleToLongBits(canonical);
        return bits < 0 ? ~bits ^ Long.MIN_VALUE : bits;
    }

    private void writeOrderedLong(long value) {
        ensureCapacity(Long.BYTES);
        putLong(value ^ Long.MIN_VALUE);
    }

    private void writeString(String text) {
        ensureCapacity(text.length() * Utf8.MAX_BYTES_PER_CHAR + 2);
        length = Utf8.encode(text, buffer, length, true);
        putByte(0);
        putByte(TERMINATOR);
    }

    private void writeEscaped(byte[] bytes) {
        ensureCapacity(bytes.length * 2 + 2);
        for (byte b : bytes) {
            buffer[length++] = b;
            if (b == 0) {
                buffer[length++] = (byte) ESCAPE;
            }
        }
        putByte(0);
        putByte(TERMINATOR);
    }

    private void writeInterval(Interval interval) {
        long dayCount = interval.months() * 30L + interval.days();
        long high = Math.multiplyHigh(dayCount, MICROS_PER_DAY);
        long low = dayCount * MICROS_PER_DAY;
        long sum = low + interval.micros();
        long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        high += (interval.micros() >> 63) + carry;
        ensureCapacity(4 * Long.BYTES);
        putLong(high ^ Long.MIN_VALUE);
        putLong(sum);
        putInt(interval.months() ^ Integer.MIN_VALUE);
        putInt(interval.days() ^ Integer.MIN_VALUE);
        putLong(interval.micros() ^ Long.MIN_VALUE);
    }

    /** Makes room for {@code extra} more bytes; the put methods below assume it was called. */
    void ensureCapacity(int extra) {
        int needed = length + extra;
        if (needed < 0) {
            throw new IllegalArgumentException("key too large");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    void putByte(int value) {
        buffer[length++] = (byte) value;
    }

    void putInt(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    /** Inverts every byte written since {@code start}: the descending form of those bytes. */
    void invert(int start) {
        for (int i = start; i < length; i++) {
            buffer[i] = (byte) ~buffer[i];
        }
    }
}
