package io.weftdb.engine.encoding;

import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random values of every storable kind, always including the edge values that break naive
 * encodings, plus the SQL order of each kind as PostgreSQL defines it. Shared by the key and row
 * codec tests so both are exercised with the same awkward inputs.
 */
final class SampleValues {
    static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final String[] STRING_PIECES = {
        "", "a", "b", "ab", "\0", "\u007F", "\u0080", "é", "€", "\uE000", "\uFFFF", "😀", "𝄞", "Z", " ",
    };

    private SampleValues() {
    }

    /** {@code count} random values of {@code kind} after its edge values; never null. */
    static List<Object> of(TypeKind kind, Random random, int count) {
        List<Object> values = new ArrayList<>(edges(kind));
        for (int i = 0; i < count; i++) {
            values.add(randomValue(kind, random));
        }
        return values;
    }

    /** PostgreSQL's order of non-null values of {@code kind} ("C" collation for strings). */
    static Comparator<Object> sqlOrder(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
            case SMALLINT, INTEGER, BIGINT -> (a, b) -> Long.compare((Long) a, (Long) b);
            case REAL, DOUBLE -> (a, b) -> compareDoubles((Double) a, (Double) b);
            case NUMERIC -> (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> (a, b) -> compareCodePoints((String) a, (String) b);
            case BYTEA -> (a, b) -> ((Bytes) a).compareTo((Bytes) b);
            case DATE -> (a, b) -> ((LocalDate) a).compareTo((LocalDate) b);
            case TIME -> (a, b) -> ((LocalTime) a).compareTo((LocalTime) b);
            case TIMESTAMP -> (a, b) -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
            case TIMESTAMPTZ -> (a, b) -> ((Instant) a).compareTo((Instant) b);
            case INTERVAL -> (a, b) -> compareIntervals((Interval) a, (Interval) b);
            case UUID -> (a, b) -> compareUuids((UUID) a, (UUID) b);
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " has no sample values");
        };
    }

    /** The exact (non-overflowing) PostgreSQL normalisation of an interval, in microseconds. */
    static BigInteger normalizedMicros(Interval interval) {
        return BigInteger.valueOf(interval.months() * 30L + interval.days())
                .multiply(BigInteger.valueOf(MICROS_PER_DAY))
                .add(BigInteger.valueOf(interval.micros()));
    }

    private static int compareDoubles(double a, double b) {
        return a == b ? 0 : Double.compare(a, b);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** SQL order by normalised value, then the fields, as the key encoding refines it. */
    private static int compareIntervals(Interval a, Interval b) {
        int byValue = normalizedMicros(a).compareTo(normalizedMicros(b));
        if (byValue != 0) {
            return byValue;
        }
        int byMonths = Integer.compare(a.months(), b.months());
        if (byMonths != 0) {
            return byMonths;
        }
        int byDays = Integer.compare(a.days(), b.days());
        return byDays != 0 ? byDays : Long.compare(a.micros(), b.micros());
    }

    private static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static List<Object> edges(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> List.of(true, false);
            case SMALLINT -> List.of(0L, 1L, -1L, (long) Short.MIN_VALUE, (long) Short.MAX_VALUE);
            case INTEGER -> List.of(0L, 1L, -1L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
            case BIGINT -> List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
            case REAL -> List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    (double) Float.MIN_VALUE, (double) -Float.MIN_VALUE, (double) Float.MAX_VALUE,
                    (double) -Float.MAX_VALUE, 1.0, -1.0);
            case DOUBLE -> List.of(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0001L),
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
                    Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0);
            case NUMERIC -> List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-0.000"),
                    BigDecimal.ONE, new BigDecimal("1.50"), new BigDecimal("1.5"), new BigDecimal("-1.5"),
                    new BigDecimal("100"), new BigDecimal("1E+2"), new BigDecimal("0.01"), new BigDecimal("0.1"),
                    new BigDecimal("0.12"), new BigDecimal("0.1234"), new BigDecimal("-0.12"), new BigDecimal("-0.1234"),
                    new BigDecimal("99.99"), new BigDecimal("-99.99"), new BigDecimal("1E+1000000000"),
                    new BigDecimal("-1E+1000000000"), new BigDecimal("1E-1000000000"), new BigDecimal("-1E-1000000000"),
                    new BigDecimal("12345678901234567890123456789012345678901234567890.123456789"),
                    new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE), new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE),
                    new BigDecimal(BigInteger.valueOf(-7), Integer.MAX_VALUE), new BigDecimal(Long.MAX_VALUE),
                    new BigDecimal(Long.MIN_VALUE));
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> List.of("", "\0", "\0\0", "a", "a\0", "a\0b", "ab", "b",
                    "\uFFFF", "😀", "\uE000", "{\"k\": [1, 2]}", "é");
            case BYTEA -> List.of(Bytes.EMPTY, Bytes.wrap(new byte[] {0}), Bytes.wrap(new byte[] {0, 0}),
                    Bytes.wrap(new byte[] {0, 1}), Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[] {(byte) 0xFF}),
                    Bytes.wrap(new byte[] {(byte) 0xFF, 0}), Bytes.wrap(new byte[] {0, (byte) 0xFF}));
            case DATE -> List.of(LocalDate.EPOCH, LocalDate.MIN, LocalDate.MAX, LocalDate.of(-4713, 11, 24),
                    LocalDate.of(1969, 12, 31), LocalDate.of(2000, 1, 1));
            case TIME -> List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.NOON,
                    LocalTime.of(0, 0, 0, 1_000));
            case TIMESTAMP -> List.of(Microseconds.toTimestamp(Long.MIN_VALUE), Microseconds.toTimestamp(Long.MAX_VALUE),
                    Microseconds.toTimestamp(0), Microseconds.toTimestamp(-1), Microseconds.toTimestamp(1),
                    LocalDateTime.of(-4713, 11, 24, 0, 0), LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
            case TIMESTAMPTZ -> List.of(Microseconds.toInstant(Long.MIN_VALUE), Microseconds.toInstant(Long.MAX_VALUE),
                    Instant.EPOCH, Microseconds.toInstant(-1), Microseconds.toInstant(1));
            case INTERVAL -> List.of(Interval.ZERO, new Interval(1, 0, 0), new Interval(0, 30, 0),
                    new Interval(0, 0, 30 * MICROS_PER_DAY), new Interval(0, 29, MICROS_PER_DAY),
                    new Interval(-1, 0, 0), new Interval(0, -30, 0), new Interval(1, -30, 0), new Interval(0, 0, -1),
                    new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
                    new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                    new Interval(Integer.MAX_VALUE, 0, Long.MIN_VALUE), new Interval(Integer.MIN_VALUE, 0, Long.MAX_VALUE),
                    new Interval(0, 0, Long.MAX_VALUE), new Interval(0, 0, Long.MIN_VALUE));
            case UUID -> List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                    new UUID(Long.MAX_VALUE, Long.MAX_VALUE), new UUID(0, Long.MIN_VALUE), new UUID(0, 1));
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " has no sample values");
        };
    }

    private static Object randomValue(TypeKind kind, Random random) {
        return switch (kind) {
            case BOOLEAN -> random.nextBoolean();
            case SMALLINT -> (long) (short) random.nextInt();
            case INTEGER -> (long) randomInt(random);
            case BIGINT -> randomLong(random);
            case REAL -> (double) (float) randomDouble(random);
            case DOUBLE -> randomDouble(random);
            case NUMERIC -> randomDecimal(random);
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> randomString(random);
            case BYTEA -> randomBytes(random);
            case DATE -> LocalDate.ofEpochDay(random.nextLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()));
            case TIME -> Microseconds.toTime(random.nextLong(MICROS_PER_DAY));
            case TIMESTAMP -> Microseconds.toTimestamp(randomLong(random));
            case TIMESTAMPTZ -> Microseconds.toInstant(randomLong(random));
            case INTERVAL -> new Interval(random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(-40, 40),
                    random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(-100, 100),
                    random.nextInt(3) == 0 ? random.nextLong() : random.nextLong(-3 * MICROS_PER_DAY, 3 * MICROS_PER_DAY));
            case UUID -> new UUID(random.nextInt(4) == 0 ? random.nextInt(3) - 1 : random.nextLong(), random.nextLong());
            case UNKNOWN, ARRAY, RECORD -> throw new IllegalArgumentException(kind + " has no sample values");
        };
    }

    /** Mostly small magnitudes (where collisions and neighbours are likely), sometimes any int. */
    private static int randomInt(Random random) {
        return random.nextBoolean() ? random.nextInt(-1000, 1000) : random.nextInt();
    }

    private static long randomLong(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextLong(-1000, 1000);
            case 1 -> random.nextLong() >> random.nextInt(64);
            default -> random.nextLong();
        };
    }

    private static double randomDouble(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(-20, 20) / 4.0;
            case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
            default -> random.nextGaussian();
        };
    }

    /** Magnitudes from 1E-1000000000 to 1E+1000000000 and unscaled values up to 200 bits. */
    private static BigDecimal randomDecimal(Random random) {
        BigInteger unscaled = new BigInteger(random.nextInt(random.nextBoolean() ? 12 : 200), random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        int scale = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(-1_000_000_005, -999_999_995);
            case 1 -> random.nextInt(999_999_995, 1_000_000_005);
            case 2 -> random.nextInt(-400, 400);
            default -> random.nextInt(-4, 8);
        };
        return new BigDecimal(unscaled, scale);
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(8) == 0) {
                text.appendCodePoint(random.nextInt(1, Character.MAX_CODE_POINT + 1) & ~0x800);
            } else {
                text.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
            }
        }
        return text.toString();
    }

    private static Bytes randomBytes(Random random) {
        byte[] interesting = {0, 1, (byte) 0xFF, (byte) 0xFE, 0x7F, (byte) 0x80};
        byte[] bytes = new byte[random.nextInt(7)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt();
        }
        return Bytes.wrap(bytes);
    }
}
