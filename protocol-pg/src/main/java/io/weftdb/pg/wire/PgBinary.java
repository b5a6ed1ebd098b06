package io.weftdb.pg.wire;

import io.weftdb.engine.value.Casts;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's binary format (the {@code typsend}/{@code typreceive} functions) for the engine's
 * types: big-endian integers and IEEE floats, numeric as base-10000 digits, dates as days and
 * timestamps as microseconds since 2000-01-01, intervals as (microseconds, days, months), arrays
 * with their dimensions and element OID. Text-like types are their UTF-8 bytes, jsonb a version
 * byte (1) before them.
 */
final class PgBinary {
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final LocalDate POSTGRES_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final int NUMERIC_POSITIVE = 0x0000;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;

    private PgBinary() {
    }

    /** The binary form of a non-null value of {@code type}. */
    static byte[] encode(Object value, DataType type, ZoneId zone) {
        return switch (type.kind()) {
            case BOOLEAN -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
            case SMALLINT -> ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
            case INTEGER -> ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
            case BIGINT -> ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
            case REAL -> ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
            case DOUBLE -> ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
            case NUMERIC -> encodeNumeric((BigDecimal) value);
            case UNKNOWN, TEXT, VARCHAR, CHAR, JSON -> PgTypes.text(value, type, zone).getBytes(StandardCharsets.UTF_8);
            case JSONB -> {
                byte[] text = PgTypes.text(value, type, zone).getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[text.length + 1];
                out[0] = 1;
                System.arraycopy(text, 0, out, 1, text.length);
                yield out;
            }
            case BYTEA -> ((Bytes) value).toByteArray();
            case DATE -> ByteBuffer.allocate(4).putInt(Math.toIntExact(daysSinceEpoch((LocalDate) value))).array();
            case TIME -> ByteBuffer.allocate(8).putLong(((LocalTime) value).toNanoOfDay() / 1000).array();
            case TIMESTAMP -> ByteBuffer.allocate(8).putLong(micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC))).array();
            case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(micros((Instant) value)).array();
            case INTERVAL -> {
                Interval interval = (Interval) value;
                yield ByteBuffer.allocate(16).putLong(interval.micros()).putInt(interval.days()).putInt(interval.months()).array();
            }
            case UUID -> {
                UUID uuid = (UUID) value;
                yield ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
            }
            case ARRAY -> encodeArray((List<?>) value, type, zone);
            case RECORD -> encodeRecord((io.weftdb.ir.type.RowValue) value, type, zone);
        };
    }

    /**
     * The engine value of a binary parameter of {@code type}.
     *
     * @throws PgError 22P03 when the bytes do not form a value of the type, 0A000 for arrays of more
     *     than one dimension
     */
    static Object decode(byte[] bytes, DataType type, int parameterNumber) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            Object value = switch (type.kind()) {
                case BOOLEAN -> {
                    requireLength(bytes, 1, parameterNumber);
                    yield bytes[0] != 0;
                }
                case SMALLINT -> {
                    requireLength(bytes, 2, parameterNumber);
                    yield (long) in.getShort();
                }
                case INTEGER -> {
                    requireLength(bytes, 4, parameterNumber);
                    yield (long) in.getInt();
                }
                case BIGINT -> {
                    requireLength(bytes, 8, parameterNumber);
                    yield in.getLong();
                }
                case REAL -> {
                    requireLength(bytes, 4, parameterNumber);
                    yield (double) in.getFloat();
                }
                case DOUBLE -> {
                    requireLength(bytes, 8, parameterNumber);
                    yield in.getDouble();
                }
                case NUMERIC -> decodeNumeric(in, parameterNumber);
                case UNKNOWN, TEXT, VARCHAR, CHAR, JSON -> new String(bytes, StandardCharsets.UTF_8);
                case JSONB -> {
                    if (bytes.length == 0 || bytes[0] != 1) {
                        throw malformed(parameterNumber);
                    }
                    yield new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
                }
                case BYTEA -> Bytes.copyOf(bytes);
                case DATE -> {
                    requireLength(bytes, 4, parameterNumber);
                    yield POSTGRES_EPOCH_DATE.plusDays(in.getInt());
                }
                case TIME -> {
                    requireLength(bytes, 8, parameterNumber);
                    yield LocalTime.ofNanoOfDay(Math.multiplyExact(in.getLong(), 1000L));
                }
                case TIMESTAMP -> {
                    requireLength(bytes, 8, parameterNumber);
                    yield LocalDateTime.ofInstant(instant(in.getLong()), ZoneOffset.UTC);
                }
                case TIMESTAMPTZ -> {
                    requireLength(bytes, 8, parameterNumber);
                    yield instant(in.getLong());
                }
                case INTERVAL -> {
                    requireLength(bytes, 16, parameterNumber);
                    long micros = in.getLong();
                    int days = in.getInt();
                    yield new Interval(in.getInt(), days, micros);
                }
                case UUID -> {
                    requireLength(bytes, 16, parameterNumber);
                    yield new UUID(in.getLong(), in.getLong());
                }
                case ARRAY -> decodeArray(in, type, parameterNumber);
                case RECORD -> throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "record parameters are not supported");
            };
            return value;
        } catch (java.nio.BufferUnderflowException | java.time.DateTimeException | ArithmeticException e) {
            throw malformed(parameterNumber);
        }
    }

    private static void requireLength(byte[] bytes, int length, int parameterNumber) {
        if (bytes.length != length) {
            throw malformed(parameterNumber);
        }
    }

    private static PgError malformed(int parameterNumber) {
        return new PgError(PgError.INVALID_BINARY_REPRESENTATION,
                "incorrect binary data format in bind parameter " + parameterNumber);
    }

    private static long daysSinceEpoch(LocalDate date) {
        return date.toEpochDay() - POSTGRES_EPOCH_DATE.toEpochDay();
    }

    private static long micros(Instant instant) {
        long seconds = Math.subtractExact(instant.getEpochSecond(), POSTGRES_EPOCH_SECONDS);
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS).plus(micros, ChronoUnit.MICROS);
    }

    /**
     * numeric: {@code Int16(ndigits) Int16(weight) Int16(sign) Int16(dscale) Int16(digit)[ndigits]},
     * digits base 10000 with the first one worth 10000^weight; dscale is the number of decimal
     * digits after the point.
     */
    static byte[] encodeNumeric(BigDecimal value) {
        int displayScale = Math.max(value.scale(), 0);
        BigDecimal magnitude = value.abs();
        // Align the scale to a multiple of four so the unscaled value splits into base-10000 digits.
        int alignedScale = (displayScale + 3) / 4 * 4;
        BigInteger unscaled = magnitude.setScale(alignedScale, RoundingMode.UNNECESSARY).unscaledValue();
        List<Integer> digits = new ArrayList<>();
        while (unscaled.signum() > 0) {
            BigInteger[] division = unscaled.divideAndRemainder(TEN_THOUSAND);
            digits.addFirst(division[1].intValue());
            unscaled = division[0];
        }
        int weight = digits.size() - 1 - alignedScale / 4;
        while (!digits.isEmpty() && digits.getLast() == 0) {
            digits.removeLast();
        }
        if (digits.isEmpty()) {
            weight = 0;
        }
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * digits.size());
        out.putShort((short) digits.size());
        out.putShort((short) weight);
        out.putShort((short) (value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE));
        out.putShort((short) displayScale);
        for (int digit : digits) {
            out.putShort((short) digit);
        }
        return out.array();
    }

    private static BigDecimal decodeNumeric(ByteBuffer in, int parameterNumber) {
        int count = in.getShort();
        int weight = in.getShort();
        int sign = in.getShort() & 0xFFFF;
        int displayScale = in.getShort();
        if (count < 0 || displayScale < 0 || in.remaining() != 2 * count) {
            throw malformed(parameterNumber);
        }
        if (sign == NUMERIC_NAN) {
            throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "numeric NaN is not supported");
        }
        if (sign != NUMERIC_POSITIVE && sign != NUMERIC_NEGATIVE) {
            throw malformed(parameterNumber);
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            int digit = in.getShort();
            if (digit < 0 || digit >= 10_000) {
                throw malformed(parameterNumber);
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
        }
        // The last digit read is worth 10000^(weight - count + 1).
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - count + 1));
        value = value.setScale(displayScale, RoundingMode.HALF_UP);
        return sign == NUMERIC_NEGATIVE ? value.negate() : value;
    }

    /**
     * array: {@code Int32(dimensions) Int32(has nulls) Int32(element OID) (Int32(size)
     * Int32(lower bound 1))[dimensions] (Int32(length, -1 for NULL) Byte(element)[length])*}.
     */
    /** record_send: the field count, then each field's type OID and length-prefixed value (-1 for NULL). */
    private static byte[] encodeRecord(io.weftdb.ir.type.RowValue record, DataType type, ZoneId zone) {
        List<Object> values = record.values();
        List<byte[]> encoded = new ArrayList<>(values.size());
        int length = 4;
        for (int i = 0; i < values.size(); i++) {
            byte[] bytes = values.get(i) == null ? null : encode(values.get(i), type.fields().get(i).type(), zone);
            encoded.add(bytes);
            length += 8 + (bytes == null ? 0 : bytes.length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putInt(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.putInt(PgTypes.oid(type.fields().get(i).type()));
            byte[] bytes = encoded.get(i);
            out.putInt(bytes == null ? -1 : bytes.length);
            if (bytes != null) {
                out.put(bytes);
            }
        }
        return out.array();
    }

    private static byte[] encodeArray(List<?> values, DataType type, ZoneId zone) {
        DataType element = type.element();
        List<Integer> dimensions = new ArrayList<>();
        List<?> level = values;
        while (true) {
            dimensions.add(level.size());
            if (element.kind() != TypeKind.ARRAY || level.isEmpty() || !(level.getFirst() instanceof List<?> first)) {
                break;
            }
            level = first;
            element = element.element();
        }
        List<Object> flat = new ArrayList<>();
        flatten(values, dimensions.size(), flat);
        boolean empty = values.isEmpty();
        List<byte[]> encoded = new ArrayList<>(flat.size());
        boolean hasNull = false;
        int length = 12 + (empty ? 0 : 8 * dimensions.size());
        for (Object item : flat) {
            byte[] bytes = item == null ? null : encode(item, element, zone);
            hasNull |= item == null;
            encoded.add(bytes);
            length += 4 + (bytes == null ? 0 : bytes.length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putInt(empty ? 0 : dimensions.size());
        out.putInt(hasNull ? 1 : 0);
        out.putInt(PgTypes.oid(element));
        if (!empty) {
            for (int size : dimensions) {
                out.putInt(size);
                out.putInt(type.isVector() ? 0 : 1); // lower bound
            }
        }
        for (byte[] bytes : encoded) {
            if (bytes == null) {
                out.putInt(-1);
            } else {
                out.putInt(bytes.length);
                out.put(bytes);
            }
        }
        return out.array();
    }

    /**
     * A one-dimensional array in the layout {@link #encodeArray} writes (what pgjdbc's setArray
     * sends); the element OID must be the declared element type's. Lower bounds are ignored, as the
     * engine's arrays start at 1.
     */
    private static List<Object> decodeArray(ByteBuffer in, DataType type, int parameterNumber) {
        int dimensions = in.getInt();
        in.getInt(); // has-nulls flag: each element's length says it again
        int elementOid = in.getInt();
        DataType element = type.element();
        if (dimensions == 0) {
            return List.of();
        }
        if (dimensions != 1) {
            throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "arrays of " + dimensions
                    + " dimensions are not supported (parameter $" + parameterNumber + ")");
        }
        // A client may send another element type than the one inferred (int4 elements for an
        // int8[] parameter): the elements are read as sent and converted, as a cast would.
        DataType sent = elementOid == PgTypes.oid(element) ? element : PgTypes.dataType(elementOid);
        if (sent == null || sent.kind() == TypeKind.ARRAY) {
            throw malformed(parameterNumber);
        }
        int size = in.getInt();
        in.getInt(); // lower bound
        if (size < 0 || size > in.remaining() / 4) {
            throw malformed(parameterNumber);
        }
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int length = in.getInt();
            if (length == -1) {
                values.add(null);
                continue;
            }
            if (length < 0 || length > in.remaining()) {
                throw malformed(parameterNumber);
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            Object value = decode(bytes, sent, parameterNumber);
            values.add(sent == element ? value
                    : Casts.cast(value, sent, element, Casts.Context.ASSIGNMENT,
                    ZoneOffset.UTC));
        }
        if (in.hasRemaining()) {
            throw malformed(parameterNumber);
        }
        return java.util.Collections.unmodifiableList(values);
    }

    private static void flatten(List<?> values, int depth, List<Object> out) {
        for (Object value : values) {
            if (depth > 1 && value instanceof List<?> inner) {
                flatten(inner, depth - 1, out);
            } else {
                out.add(value);
            }
        }
    }
}
