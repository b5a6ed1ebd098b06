package io.weftdb.engine.function;

import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The fields of dates, times and intervals: EXTRACT's values and date_trunc's precisions. */
final class DateParts {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final Map<String, String> ZONES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id, id);
        }
        ZoneId.SHORT_IDS.forEach((abbreviation, id) -> ZONES.putIfAbsent(abbreviation, id));
    }

    private DateParts() {
    }

    /** PostgreSQL's spellings of a unit (plural, abbreviations) reduced to one name. */
    static String unit(String field) {
        String name = field.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> "microseconds";
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" -> "milliseconds";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "minute", "minutes", "m", "min", "mins" -> "minute";
            case "hour", "hours", "h", "hr", "hrs" -> "hour";
            case "day", "days", "d" -> "day";
            case "week", "weeks", "w" -> "week";
            case "month", "months", "mon", "mons" -> "month";
            case "quarter", "qtr" -> "quarter";
            case "year", "years", "y", "yr", "yrs" -> "year";
            case "decade", "decades", "dec", "decs" -> "decade";
            case "century", "centuries", "c", "cent" -> "century";
            case "millennium", "millennia", "millenniums", "mil", "mils" -> "millennium";
            default -> name;
        };
    }

    private static SqlException notRecognized(String field, DataType type) {
        return new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                "unit \"" + field + "\" not recognized for type " + type.sqlName());
    }

    private static SqlException notSupported(String field, DataType type) {
        return new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "unit \"" + field + "\" not supported for type " + type.sqlName());
    }

    /** EXTRACT(field FROM value) as numeric, with PostgreSQL 14's scales (seconds to 6 places). */
    static BigDecimal extract(String field, Object value, DataType type, EvaluationContext context) {
        String unit = unit(field);
        return switch (type.kind()) {
            case DATE -> extractDate(field, unit, (LocalDate) value);
            case TIMESTAMP -> extractTimestamp(field, unit, (LocalDateTime) value, null, type);
            case TIMESTAMPTZ -> {
                Instant instant = (Instant) value;
                ZoneOffset offset = context.timeZone().getRules().getOffset(instant);
                yield extractTimestamp(field, unit, LocalDateTime.ofInstant(instant, offset), instant, type);
            }
            case TIME -> extractTime(field, unit, (LocalTime) value);
            case INTERVAL -> extractInterval(field, unit, (Interval) value);
            default -> throw notRecognized(field, type);
        };
    }

    private static BigDecimal extractDate(String field, String unit, LocalDate date) {
        return switch (unit) {
            case "microseconds", "milliseconds", "second", "minute", "hour", "timezone", "timezone_hour",
                 "timezone_minute" -> throw notSupported(field, DataType.DATE);
            case "epoch" -> BigDecimal.valueOf(date.toEpochDay() * 86_400L);
            default -> dateField(field, unit, date, DataType.DATE);
        };
    }

    private static BigDecimal dateField(String field, String unit, LocalDate date, DataType type) {
        int year = date.getYear();
        // Years before 1 are BC: year 0 in Java is 1 BC.
        int sqlYear = year > 0 ? year : year - 1;
        return BigDecimal.valueOf(switch (unit) {
            case "day" -> date.getDayOfMonth();
            case "month" -> date.getMonthValue();
            case "quarter" -> (date.getMonthValue() - 1) / 3 + 1;
            case "year" -> sqlYear;
            case "decade" -> Math.floorDiv(year, 10);
            case "century" -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case "millennium" -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case "dow" -> date.getDayOfWeek().getValue() % 7;
            case "isodow" -> date.getDayOfWeek().getValue();
            case "doy" -> date.getDayOfYear();
            case "week" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "isoyear" -> date.get(IsoFields.WEEK_BASED_YEAR);
            case "julian" -> date.getLong(JulianFields.JULIAN_DAY);
            default -> throw notRecognized(field, type);
        });
    }

    private static BigDecimal extractTimestamp(String field, String unit, LocalDateTime local, Instant instant,
                                               DataType type) {
        LocalTime time = local.toLocalTime();
        return switch (unit) {
            case "microseconds", "milliseconds", "second", "minute", "hour" -> timeField(unit, time);
            case "epoch" -> {
                long micros = instant != null
                        ? ChronoUnit.MICROS.between(Instant.EPOCH, instant)
                        : ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), local);
                yield BigDecimal.valueOf(micros, 6);
            }
            case "julian" -> BigDecimal.valueOf(local.toLocalDate().getLong(JulianFields.JULIAN_DAY))
                    .add(BigDecimal.valueOf(time.toNanoOfDay() / 1000).divide(BigDecimal.valueOf(86_400_000_000L),
                            java.math.MathContext.DECIMAL64)).stripTrailingZeros();
            case "timezone", "timezone_hour", "timezone_minute" -> {
                if (instant == null) {
                    throw notSupported(field, type);
                }
                long offset = ChronoUnit.SECONDS.between(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), local);
                yield BigDecimal.valueOf(switch (unit) {
                    case "timezone" -> offset;
                    case "timezone_hour" -> offset / 3600;
                    default -> (offset / 60) % 60;
                });
            }
            default -> dateField(field, unit, local.toLocalDate(), type);
        };
    }

    private static BigDecimal timeField(String unit, LocalTime time) {
        long micros = time.getSecond() * MICROS_PER_SECOND + time.getNano() / 1000;
        return switch (unit) {
            case "microseconds" -> BigDecimal.valueOf(micros);
            case "milliseconds" -> BigDecimal.valueOf(micros, 3);
            case "second" -> BigDecimal.valueOf(micros, 6);
            case "minute" -> BigDecimal.valueOf(time.getMinute());
            default -> BigDecimal.valueOf(time.getHour());
        };
    }

    private static BigDecimal extractTime(String field, String unit, LocalTime time) {
        return switch (unit) {
            case "microseconds", "milliseconds", "second", "minute", "hour" -> timeField(unit, time);
            case "epoch" -> BigDecimal.valueOf(time.toNanoOfDay() / 1000, 6);
            case "day", "week", "month", "quarter", "year", "decade", "century", "millennium", "dow", "isodow",
                 "doy", "isoyear", "julian", "timezone" -> throw notSupported(field, DataType.TIME);
            default -> throw notRecognized(field, DataType.TIME);
        };
    }

    private static BigDecimal extractInterval(String field, String unit, Interval interval) {
        long micros = interval.micros();
        int years = interval.months() / 12;
        return switch (unit) {
            case "microseconds" -> BigDecimal.valueOf(micros % (60 * MICROS_PER_SECOND));
            case "milliseconds" -> BigDecimal.valueOf(micros % (60 * MICROS_PER_SECOND), 3);
            case "second" -> BigDecimal.valueOf(micros % (60 * MICROS_PER_SECOND), 6);
            case "minute" -> BigDecimal.valueOf(micros / (60 * MICROS_PER_SECOND) % 60);
            case "hour" -> BigDecimal.valueOf(micros / (3600 * MICROS_PER_SECOND));
            case "day" -> BigDecimal.valueOf(interval.days());
            case "month" -> BigDecimal.valueOf(interval.months() % 12);
            case "quarter" -> BigDecimal.valueOf((interval.months() % 12) / 3 + 1);
            case "year" -> BigDecimal.valueOf(years);
            case "decade" -> BigDecimal.valueOf(years / 10);
            case "century" -> BigDecimal.valueOf(years / 100);
            case "millennium" -> BigDecimal.valueOf(years / 1000);
            case "epoch" -> {
                // PostgreSQL counts a year as 365.25 days and a month as 30 days here.
                BigDecimal seconds = BigDecimal.valueOf(years).multiply(BigDecimal.valueOf(31_557_600L))
                        .add(BigDecimal.valueOf((long) (interval.months() % 12) * 30 * 86_400))
                        .add(BigDecimal.valueOf((long) interval.days() * 86_400));
                yield seconds.add(BigDecimal.valueOf(micros, 6)).setScale(6);
            }
            case "dow", "isodow", "doy", "week", "isoyear", "julian", "timezone" ->
                    throw notSupported(field, DataType.INTERVAL);
            default -> throw notRecognized(field, DataType.INTERVAL);
        };
    }

    /** date_trunc(field, timestamp): everything below the field reset (weeks start on Monday). */
    static LocalDateTime truncate(String field, LocalDateTime value) {
        LocalDate date = value.toLocalDate();
        int year = date.getYear();
        return switch (unit(field)) {
            case "microseconds" -> value.truncatedTo(ChronoUnit.MICROS);
            case "milliseconds" -> value.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> value.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> value.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> value.truncatedTo(ChronoUnit.HOURS);
            case "day" -> date.atStartOfDay();
            case "week" -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month" -> date.withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(year, (date.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(year, 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(year, 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(year > 0 ? (year - 1) / 100 * 100 + 1 : year, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(year > 0 ? (year - 1) / 1000 * 1000 + 1 : year, 1, 1).atStartOfDay();
            default -> throw notRecognized(field, DataType.TIMESTAMP);
        };
    }

    /** date_trunc(field, interval). */
    static Interval truncate(String field, Interval value) {
        long micros = value.micros();
        int months = value.months();
        return switch (unit(field)) {
            case "microseconds" -> value;
            case "milliseconds" -> new Interval(months, value.days(), micros / 1000 * 1000);
            case "second" -> new Interval(months, value.days(), micros / MICROS_PER_SECOND * MICROS_PER_SECOND);
            case "minute" -> new Interval(months, value.days(), micros / (60 * MICROS_PER_SECOND) * 60 * MICROS_PER_SECOND);
            case "hour" -> new Interval(months, value.days(), micros / (3600 * MICROS_PER_SECOND) * 3600 * MICROS_PER_SECOND);
            case "day" -> new Interval(months, value.days(), 0);
            case "month" -> new Interval(months, 0, 0);
            case "quarter" -> new Interval(months / 12 * 12 + (months % 12) / 3 * 3, 0, 0);
            case "year" -> new Interval(months / 12 * 12, 0, 0);
            case "decade" -> new Interval(months / 120 * 120, 0, 0);
            case "century" -> new Interval(months / 1200 * 1200, 0, 0);
            case "millennium" -> new Interval(months / 12000 * 12000, 0, 0);
            case "week" -> throw notSupported(field, DataType.INTERVAL);
            default -> throw notRecognized(field, DataType.INTERVAL);
        };
    }

    /**
     * A zone for AT TIME ZONE: a name (case-insensitive), an abbreviation, or a POSIX offset, in
     * which a positive number is west of Greenwich ({@code '+05'} is UTC-5), as PostgreSQL reads it.
     */
    static ZoneId zone(String name) {
        String trimmed = name.strip();
        if (trimmed.matches("[+-]?\\d{1,2}(:\\d{2}(:\\d{2})?)?")) {
            boolean west = !trimmed.startsWith("-");
            String digits = trimmed.replaceFirst("^[+-]", "");
            String[] parts = digits.split(":");
            int seconds = Integer.parseInt(parts[0]) * 3600 + (parts.length > 1 ? Integer.parseInt(parts[1]) * 60 : 0)
                    + (parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
            return ZoneOffset.ofTotalSeconds(west ? -seconds : seconds);
        }
        if (trimmed.equalsIgnoreCase("utc") || trimmed.equalsIgnoreCase("gmt") || trimmed.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        String id = ZONES.get(trimmed);
        if (id == null) {
            throw new DateTimeException(name);
        }
        return ZoneId.of(id);
    }
}
