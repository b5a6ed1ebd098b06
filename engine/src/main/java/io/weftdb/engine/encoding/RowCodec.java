package io.weftdb.engine.encoding;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * The stored form of a table row, tagged with the version of the column layout it was written
 * with. ALTER TABLE ADD or DROP COLUMN only creates a new layout version; old rows stay as they are
 * and are read through a mapping from their layout's columns to the current ones, so no table is
 * ever rewritten for a column change.
 *
 * <p>Layout: {@code [varint layoutVersion][null bitmap][values]}. The bitmap has
 * {@code ceil(n / 8)} bytes for the layout's n columns; bit {@code i % 8} of byte {@code i / 8} is
 * set when column i is NULL. Each non-null value follows in column order, in a compact form that
 * is not order-preserving (rows are found by key, never compared by value bytes):
 * <ul>
 *   <li>BOOLEAN: one byte, 0 or 1.
 *   <li>SMALLINT, INTEGER, BIGINT, DATE (day since 1970-01-01), TIMESTAMP and TIMESTAMPTZ
 *       (microseconds since 2000-01-01, see {@link Microseconds}): zig-zag varint. TIME: varint
 *       microseconds of the day.
 *   <li>REAL, DOUBLE: the 8 raw IEEE-754 bits of the double, big-endian, so -0.0 and NaN survive.
 *   <li>NUMERIC: zig-zag varint scale, then varint length and the two's-complement unscaled value;
 *       the scale is kept exactly (1.50 stays 1.50).
 *   <li>TEXT, VARCHAR, CHAR, JSON, JSONB: varint byte length and UTF-8. BYTEA: varint length and
 *       the bytes.
 *   <li>INTERVAL: zig-zag varints of months, days and microseconds.
 *   <li>UUID: 16 bytes big-endian.
 * </ul>
 * Varints are unsigned LEB128 (7 bits per byte, low group first). ARRAY values are not storable yet.
 */
public final class RowCodec {
    private static final int UUID_BYTES = 16;

    private RowCodec() {
    }

    /**
     * Encodes one row written with layout {@code layoutVersion}, whose columns have {@code kinds};
     * {@code values[i]} is column i's value or null. Allocates the exact-size result, the UTF-8 form
     * of each text value (the JDK's encoder copies ASCII text in bulk, faster than encoding it char
     * by char in place) and the byte form of a NUMERIC whose unscaled value needs more than 64 bits.
     *
     * @throws IllegalArgumentException if the counts differ, a value has the wrong class for its
     *     kind, or a kind cannot be stored
     */
    public static byte[] encode(int layoutVersion, TypeKind[] kinds, Object[] values) {
        if (layoutVersion < 0) {
            throw new IllegalArgumentException("layout version must not be negative: " + layoutVersion);
        }
        if (kinds.length != values.length) {
            throw new IllegalArgumentException(kinds.length + " column kinds but " + values.length + " values");
        }
        int bitmapBytes = bitmapBytes(kinds.length);
        int size = varintSize(layoutVersion) + bitmapBytes;
        byte[][] texts = null;
        for (int column = 0; column < kinds.length; column++) {
            Object value = values[column];
            if (value == null) {
                continue;
            }
            if (isText(kinds[column])) {
                if (texts == null) {
                    texts = new byte[kinds.length][];
                }
                // An unpaired surrogate becomes '?', as the codec has always written it.
                byte[] utf8 = ValueTypeCheck.cast(kinds[column], value, String.class).getBytes(StandardCharsets.UTF_8);
                texts[column] = utf8;
                size += varintSize(utf8.length) + utf8.length;
            } else {
                size += valueSize(kinds[column], value);
            }
        }
        byte[] row = new byte[size];
        int offset = writeVarint(row, 0, layoutVersion);
        int bitmapOffset = offset;
        offset += bitmapBytes;
        for (int column = 0; column < kinds.length; column++) {
            Object value = values[column];
            if (value == null) {
                row[bitmapOffset + column / 8] |= (byte) (1 << (column % 8));
            } else if (texts != null && texts[column] != null) {
                byte[] utf8 = texts[column];
                offset = writeVarint(row, offset, utf8.length);
                System.arraycopy(utf8, 0, row, offset, utf8.length);
                offset += utf8.length;
            } else {
                offset = writeValue(row, offset, kinds[column], value);
            }
        }
        return row;
    }

    /** The layout version a row was written with, to pick the layout to decode it through. */
    public static int layoutVersion(byte[] row) {
        long version = new RowReader(row).readVarint();
        if (version > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a row: layout version " + version);
        }
        return (int) version;
    }

    /**
     * Decodes a row written with the layout whose column kinds are {@code layoutKinds}, storing
     * layout column i into {@code target[targetPositions[i]]}. A target position of -1 marks a
     * dropped column: it is skipped without building its value. Target slots that no layout column
     * maps to are left as they are, so the caller pre-fills columns added after the row was written
     * with their defaults.
     *
     * @throws IllegalArgumentException if the row does not match the layout
     */
    public static void decode(byte[] row, TypeKind[] layoutKinds, int[] targetPositions, Object[] target) {
        decode(row, layoutKinds, targetPositions, target, layoutKinds.length);
    }

    /**
     * Like {@link #decode(byte[], TypeKind[], int[], Object[])} over the first {@code columns}
     * layout columns only: the rest of the row is not even skipped (nor checked against the layout).
     */
    public static void decode(byte[] row, TypeKind[] layoutKinds, int[] targetPositions, Object[] target, int columns) {
        if (layoutKinds.length != targetPositions.length) {
            throw new IllegalArgumentException(layoutKinds.length + " column kinds but "
                    + targetPositions.length + " target positions");
        }
        RowReader reader = new RowReader(row);
        reader.readVarint();
        int bitmapOffset = reader.position;
        reader.skip(bitmapBytes(layoutKinds.length));
        for (int column = 0; column < columns; column++) {
            boolean isNull = (row[bitmapOffset + column / 8] & (1 << (column % 8))) != 0;
            int targetPosition = targetPositions[column];
            if (targetPosition < 0) {
                if (!isNull) {
                    reader.skipValue(layoutKinds[column]);
                }
            } else {
                target[targetPosition] = isNull ? null : reader.readValue(layoutKinds[column]);
            }
        }
        if (columns == layoutKinds.length && reader.position != row.length) {
            throw new IllegalArgumentException("row has " + (row.length - reader.position)
                    + " bytes beyond its layout's columns: it was written with another layout");
        }
    }

    private static boolean isText(TypeKind kind) {
        return kind == TypeKind.TEXT || kind == TypeKind.VARCHAR || kind == TypeKind.CHAR || kind == TypeKind.JSON
                || kind == TypeKind.JSONB;
    }

    private static int bitmapBytes(int columns) {
        return (columns + 7) / 8;
    }

    private static int valueSize(TypeKind kind, Object value) {
        return switch (kind) {
            case UNKNOWN -> throw new IllegalArgumentException("a value of unknown type cannot be stored");
            case ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values are not storable");
            case BOOLEAN -> 1;
            case SMALLINT, INTEGER, BIGINT -> varintSize(zigZag(ValueTypeCheck.cast(kind, value, Long.class)));
            case REAL, DOUBLE -> Long.BYTES;
            case NUMERIC -> {
                BigDecimal decimal = ValueTypeCheck.cast(kind, value, BigDecimal.class);
                int unscaledBytes = unscaledByteCount(decimal.unscaledValue());
                yield varintSize(zigZag(decimal.scale())) + varintSize(unscaledBytes) + unscaledBytes;
            }
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> throw new IllegalStateException("text is sized by encode");
            case BYTEA -> {
                int length = ValueTypeCheck.cast(kind, value, Bytes.class).length();
                yield varintSize(length) + length;
            }
            case DATE -> varintSize(zigZag(ValueTypeCheck.cast(kind, value, LocalDate.class).toEpochDay()));
            case TIME -> varintSize(Microseconds.ofTime(ValueTypeCheck.cast(kind, value, LocalTime.class)));
            case TIMESTAMP -> varintSize(zigZag(
                    Microseconds.ofTimestamp(ValueTypeCheck.cast(kind, value, LocalDateTime.class))));
            case TIMESTAMPTZ -> varintSize(zigZag(
                    Microseconds.ofInstant(ValueTypeCheck.cast(kind, value, Instant.class))));
            case INTERVAL -> {
                Interval interval = ValueTypeCheck.cast(kind, value, Interval.class);
                yield varintSize(zigZag(interval.months())) + varintSize(zigZag(interval.days()))
                        + varintSize(zigZag(interval.micros()));
            }
            case UUID -> {
                ValueTypeCheck.cast(kind, value, UUID.class);
                yield UUID_BYTES;
            }
        };
    }

    /** Writes a value whose class {@link #valueSize} has checked; returns the offset after it. */
    private static int writeValue(byte[] row, int offset, TypeKind kind, Object value) {
        return switch (kind) {
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values cannot be stored");
            case BOOLEAN -> {
                row[offset] = (byte) ((Boolean) value ? 1 : 0);
                yield offset + 1;
            }
            case SMALLINT, INTEGER, BIGINT -> writeVarint(row, offset, zigZag((Long) value));
            case REAL, DOUBLE -> writeFixedLong(row, offset, Double.doubleToRawLongBits((Double) value));
            case NUMERIC -> writeNumeric(row, offset, (BigDecimal) value);
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> throw new IllegalStateException("text is written by encode");
            case BYTEA -> {
                byte[] bytes = ((Bytes) value).unsafeArray();
                int start = writeVarint(row, offset, bytes.length);
                System.arraycopy(bytes, 0, row, start, bytes.length);
                yield start + bytes.length;
            }
            case DATE -> writeVarint(row, offset, zigZag(((LocalDate) value).toEpochDay()));
            case TIME -> writeVarint(row, offset, Microseconds.ofTime((LocalTime) value));
            case TIMESTAMP -> writeVarint(row, offset, zigZag(Microseconds.ofTimestamp((LocalDateTime) value)));
            case TIMESTAMPTZ -> writeVarint(row, offset, zigZag(Microseconds.ofInstant((Instant) value)));
            case INTERVAL -> {
                Interval interval = (Interval) value;
                int next = writeVarint(row, offset, zigZag(interval.months()));
                next = writeVarint(row, next, zigZag(interval.days()));
                yield writeVarint(row, next, zigZag(interval.micros()));
            }
            case UUID -> {
                UUID uuid = (UUID) value;
                int next = writeFixedLong(row, offset, uuid.getMostSignificantBits());
                yield writeFixedLong(row, next, uuid.getLeastSignificantBits());
            }
        };
    }

    /** The length of {@link BigInteger#toByteArray()}, computed without building the array. */
    private static int unscaledByteCount(BigInteger unscaled) {
        return unscaled.bitLength() / 8 + 1;
    }

    private static int writeNumeric(byte[] row, int offset, BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int byteCount = unscaledByteCount(unscaled);
        int next = writeVarint(row, offset, zigZag(value.scale()));
        next = writeVarint(row, next, byteCount);
        if (unscaled.bitLength() < Long.SIZE) {
            long small = unscaled.longValue();
            for (int i = byteCount - 1; i >= 0; i--) {
                row[next++] = (byte) (small >>> (8 * i));
            }
            return next;
        }
        System.arraycopy(unscaled.toByteArray(), 0, row, next, byteCount);
        return next + byteCount;
    }

    private static int writeFixedLong(byte[] row, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            row[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
        return offset + Long.BYTES;
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long encoded) {
        return (encoded >>> 1) ^ -(encoded & 1);
    }

    private static int varintSize(long value) {
        int bits = Long.SIZE - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    private static int writeVarint(byte[] row, int offset, long value) {
        int next = offset;
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            row[next++] = (byte) ((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        row[next++] = (byte) remaining;
        return next;
    }

    /** A read position in one row; bounds are checked so a damaged row fails with a message. */
    private static final class RowReader {
        private final byte[] row;
        private int position;

        RowReader(byte[] row) {
            this.row = row;
        }

        Object readValue(TypeKind kind) {
            return switch (kind) {
                case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values are never stored");
                case BOOLEAN -> readBoolean();
                case SMALLINT, INTEGER, BIGINT -> unZigZag(readVarint());
                case REAL, DOUBLE -> Double.longBitsToDouble(readFixedLong());
                case NUMERIC -> readNumeric();
                case TEXT, VARCHAR, CHAR, JSON, JSONB -> {
                    int length = readLength();
                    String text = new String(row, position, length, StandardCharsets.UTF_8);
                    position += length;
                    yield text;
                }
                case BYTEA -> {
                    int length = readLength();
                    Bytes bytes = Bytes.wrap(Arrays.copyOfRange(row, position, position + length));
                    position += length;
                    yield bytes;
                }
                case DATE -> LocalDate.ofEpochDay(unZigZag(readVarint()));
                case TIME -> Microseconds.toTime(readVarint());
                case TIMESTAMP -> Microseconds.toTimestamp(unZigZag(readVarint()));
                case TIMESTAMPTZ -> Microseconds.toInstant(unZigZag(readVarint()));
                case INTERVAL -> new Interval(readZigZagInt(), readZigZagInt(), unZigZag(readVarint()));
                case UUID -> new UUID(readFixedLong(), readFixedLong());
            };
        }

        void skipValue(TypeKind kind) {
            switch (kind) {
                case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " values are never stored");
                case BOOLEAN -> skip(1);
                case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> readVarint();
                case REAL, DOUBLE -> skip(Long.BYTES);
                case NUMERIC -> {
                    readVarint();
                    skip(readLength());
                }
                case TEXT, VARCHAR, CHAR, JSON, JSONB, BYTEA -> skip(readLength());
                case INTERVAL -> {
                    readVarint();
                    readVarint();
                    readVarint();
                }
                case UUID -> skip(UUID_BYTES);
            }
        }

        private Boolean readBoolean() {
            require(1);
            return row[position++] != 0;
        }

        private BigDecimal readNumeric() {
            int scale = readZigZagInt();
            int length = readLength();
            if (length <= Long.BYTES) {
                // Most stored numerics fit a long: BigDecimal.valueOf skips building a BigInteger.
                long unscaled = length == 0 ? 0 : row[position]; // sign-extends the first byte
                for (int i = 1; i < length; i++) {
                    unscaled = (unscaled << 8) | (row[position + i] & 0xff);
                }
                position += length;
                return BigDecimal.valueOf(unscaled, scale);
            }
            BigInteger unscaled = new BigInteger(row, position, length);
            position += length;
            return new BigDecimal(unscaled, scale);
        }

        private int readZigZagInt() {
            long value = unZigZag(readVarint());
            if (value != (int) value) {
                throw new IllegalArgumentException("damaged row: " + value + " does not fit an int");
            }
            return (int) value;
        }

        /** A byte length that must fit in the rest of the row. */
        private int readLength() {
            long length = readVarint();
            if (length > row.length - position) {
                throw new IllegalArgumentException("damaged row: length " + length + " at offset " + position
                        + " runs past its end");
            }
            return (int) length;
        }

        private long readFixedLong() {
            require(Long.BYTES);
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (row[position++] & 0xFF);
            }
            return value;
        }

        long readVarint() {
            long value = 0;
            for (int shift = 0; shift < Long.SIZE; shift += 7) {
                require(1);
                byte b = row[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("damaged row: varint longer than 10 bytes at offset " + position);
        }

        void skip(int count) {
            require(count);
            position += count;
        }

        private void require(int count) {
            if (row.length - position < count) {
                throw new IllegalArgumentException("damaged row: needs " + count + " bytes at offset " + position
                        + " but has " + (row.length - position));
            }
        }
    }
}
