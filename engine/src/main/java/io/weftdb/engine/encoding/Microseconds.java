package io.weftdb.engine.encoding;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Converts temporal values to the microsecond counts both codecs store. PostgreSQL keeps times to
 * the microsecond, so nanoseconds below that are dropped.
 *
 * <p>Timestamps count from PostgreSQL's epoch, 2000-01-01T00:00, not from 1970: PostgreSQL's
 * range (4713 BC to 294276 AD) fits a long of microseconds only from that origin, and the binary
 * wire format counts from it too. A value outside the long range (far outside PostgreSQL's) is
 * rejected rather than wrapped around.
 */
final class Microseconds {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;
    /** 2000-01-01T00:00Z in seconds since 1970-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private Microseconds() {
    }

    static long ofTime(LocalTime time) {
        return time.toNanoOfDay() / NANOS_PER_MICRO;
    }

    static LocalTime toTime(long micros) {
        return LocalTime.ofNanoOfDay(micros * NANOS_PER_MICRO);
    }

    /** Microseconds since 2000-01-01T00:00 of the wall-clock value, as if it were UTC. */
    static long ofTimestamp(LocalDateTime timestamp) {
        return of(timestamp.toEpochSecond(ZoneOffset.UTC), timestamp.getNano(), timestamp);
    }

    static LocalDateTime toTimestamp(long micros) {
        return LocalDateTime.ofEpochSecond(epochSecond(micros), nanoOfSecond(micros), ZoneOffset.UTC);
    }

    /** Microseconds since 2000-01-01T00:00Z. */
    static long ofInstant(Instant instant) {
        return of(instant.getEpochSecond(), instant.getNano(), instant);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(epochSecond(micros), nanoOfSecond(micros));
    }

    private static long epochSecond(long micros) {
        return Math.floorDiv(micros, MICROS_PER_SECOND) + POSTGRES_EPOCH_SECONDS;
    }

    private static int nanoOfSecond(long micros) {
        return (int) Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO;
    }

    private static long of(long epochSeconds, int nanos, Object value) {
        long seconds = epochSeconds - POSTGRES_EPOCH_SECONDS;
        long micros = nanos / NANOS_PER_MICRO;
        if (seconds < 0 && micros > 0) {
            // borrow a second so the multiplication cannot overflow for the smallest values
            seconds++;
            micros -= MICROS_PER_SECOND;
        }
        try {
            return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micros);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("timestamp out of range: " + value, overflow);
        }
    }
}
