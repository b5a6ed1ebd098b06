package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.expr.Arithmetic;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Date and time functions: the current time in its several flavours, extract/date_part,
 * date_trunc, age, make_*, justify_*, AT TIME ZONE (timezone()), to_char/to_date/to_timestamp
 * (see {@link DateTimeFormat}) and the interval operators the built-in arithmetic lacks.
 */
final class DateTimeFunctions {
    private static final DataType TEXT = DataType.TEXT;
    private static final DataType INT = DataType.INTEGER;
    private static final DataType DOUBLE = DataType.DOUBLE;
    private static final DataType DATE = DataType.DATE;
    private static final DataType TIME = DataType.TIME;
    private static final DataType TIMESTAMP = DataType.TIMESTAMP;
    private static final DataType TIMESTAMPTZ = DataType.TIMESTAMPTZ;
    private static final DataType INTERVAL = DataType.INTERVAL;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimeFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("now", of(TIMESTAMPTZ, (v, c) -> c.transactionTimestamp()).volatileResult());
        registry.register("transaction_timestamp", of(TIMESTAMPTZ, (v, c) -> c.transactionTimestamp()).volatileResult());
        registry.register("statement_timestamp", of(TIMESTAMPTZ, (v, c) -> c.statementTimestamp()).volatileResult());
        registry.register("clock_timestamp", of(TIMESTAMPTZ,
                (v, c) -> Instant.now().truncatedTo(ChronoUnit.MICROS)).volatileResult());
        registry.register("timeofday", of(TEXT, (v, c) -> DateTimeFormat.timeOfDay(Instant.now(), c.timeZone()))
                .volatileResult());
        registry.register("extract",
                of(DataType.NUMERIC, (v, c) -> DateParts.extract((String) v[0], v[1], TIMESTAMP, c), TEXT, TIMESTAMP),
                of(DataType.NUMERIC, (v, c) -> DateParts.extract((String) v[0], v[1], TIMESTAMPTZ, c), TEXT, TIMESTAMPTZ),
                of(DataType.NUMERIC, (v, c) -> DateParts.extract((String) v[0], v[1], DATE, c), TEXT, DATE),
                of(DataType.NUMERIC, (v, c) -> DateParts.extract((String) v[0], v[1], TIME, c), TEXT, TIME),
                of(DataType.NUMERIC, (v, c) -> DateParts.extract((String) v[0], v[1], INTERVAL, c), TEXT, INTERVAL));
        // date_part is extract returning double precision; a date is read as a timestamp, as PostgreSQL casts it.
        registry.register("date_part",
                of(DOUBLE, (v, c) -> datePart(v[0], v[1], TIMESTAMP, c), TEXT, TIMESTAMP),
                of(DOUBLE, (v, c) -> datePart(v[0], ((LocalDate) v[1]).atStartOfDay(), TIMESTAMP, c), TEXT, DATE),
                of(DOUBLE, (v, c) -> datePart(v[0], v[1], TIMESTAMPTZ, c), TEXT, TIMESTAMPTZ),
                of(DOUBLE, (v, c) -> datePart(v[0], v[1], TIME, c), TEXT, TIME),
                of(DOUBLE, (v, c) -> datePart(v[0], v[1], INTERVAL, c), TEXT, INTERVAL));
        registry.register("date_trunc",
                of(TIMESTAMP, (v, c) -> DateParts.truncate((String) v[0], (LocalDateTime) v[1]), TEXT, TIMESTAMP),
                of(TIMESTAMPTZ, (v, c) -> truncateInZone((String) v[0], (Instant) v[1], c.timeZone()), TEXT, TIMESTAMPTZ),
                of(TIMESTAMPTZ, (v, c) -> truncateInZone((String) v[0], (Instant) v[1], zone((String) v[2])),
                        TEXT, TIMESTAMPTZ, TEXT),
                of(INTERVAL, (v, c) -> DateParts.truncate((String) v[0], (Interval) v[1]), TEXT, INTERVAL));
        registry.register("date_bin",
                of(TIMESTAMP, (v, c) -> bin((Interval) v[0], (LocalDateTime) v[1], (LocalDateTime) v[2]), INTERVAL, TIMESTAMP, TIMESTAMP),
                of(TIMESTAMPTZ, (v, c) -> {
                    LocalDateTime binned = bin((Interval) v[0], LocalDateTime.ofInstant((Instant) v[1], java.time.ZoneOffset.UTC),
                            LocalDateTime.ofInstant((Instant) v[2], java.time.ZoneOffset.UTC));
                    return binned.toInstant(java.time.ZoneOffset.UTC);
                }, INTERVAL, TIMESTAMPTZ, TIMESTAMPTZ));
        // calendar_add(d, interval): MySQL's DATE_ADD for day-or-larger units, where a date stays a date
        // (PostgreSQL's date + interval is a timestamp). Months first, then days, as PostgreSQL adds them.
        registry.register("calendar_add",
                of(DATE, (v, c) -> calendarAdd((LocalDate) v[0], (Interval) v[1]), DATE, INTERVAL),
                of(TIMESTAMP, (v, c) -> ((LocalDateTime) v[0]).plusMonths(((Interval) v[1]).months())
                        .plusDays(((Interval) v[1]).days()).plus(((Interval) v[1]).micros(), ChronoUnit.MICROS),
                        TIMESTAMP, INTERVAL),
                of(TIMESTAMPTZ, (v, c) -> ((Instant) v[0]).atZone(c.timeZone()).plusMonths(((Interval) v[1]).months())
                        .plusDays(((Interval) v[1]).days()).plus(((Interval) v[1]).micros(), ChronoUnit.MICROS).toInstant(),
                        TIMESTAMPTZ, INTERVAL));
        registry.register("age",
                of(INTERVAL, (v, c) -> age((LocalDateTime) v[0], (LocalDateTime) v[1]), TIMESTAMP, TIMESTAMP),
                of(INTERVAL, (v, c) -> age(local((Instant) v[0], c), local((Instant) v[1], c)), TIMESTAMPTZ, TIMESTAMPTZ),
                // age(x) counts from today's midnight, so it depends on when it runs.
                of(INTERVAL, (v, c) -> age(today(c), (LocalDateTime) v[0]), TIMESTAMP).volatileResult(),
                of(INTERVAL, (v, c) -> age(today(c), local((Instant) v[0], c)), TIMESTAMPTZ).volatileResult());
        registry.register("make_date", of(DATE, (v, c) -> makeDate((Long) v[0], (Long) v[1], (Long) v[2]), INT, INT, INT));
        registry.register("make_time", of(TIME, (v, c) -> makeTime((Long) v[0], (Long) v[1], (Double) v[2]), INT, INT, DOUBLE));
        registry.register("make_timestamp", of(TIMESTAMP, (v, c) -> makeTimestamp(v), INT, INT, INT, INT, INT, DOUBLE));
        registry.register("make_timestamptz",
                of(TIMESTAMPTZ, (v, c) -> makeTimestamp(v).atZone(c.timeZone()).toInstant(), INT, INT, INT, INT, INT, DOUBLE),
                of(TIMESTAMPTZ, (v, c) -> makeTimestamp(v).atZone(zone((String) v[6])).toInstant(),
                        INT, INT, INT, INT, INT, DOUBLE, TEXT));
        registry.register("make_interval", makeInterval());
        registry.register("justify_days", of(INTERVAL, (v, c) -> justified(() -> justifyDays((Interval) v[0])), INTERVAL));
        registry.register("justify_hours", of(INTERVAL, (v, c) -> justified(() -> justifyHours((Interval) v[0])), INTERVAL));
        registry.register("justify_interval",
                of(INTERVAL, (v, c) -> justified(() -> justifyInterval((Interval) v[0])), INTERVAL));
        registry.register("timezone",
                of(TIMESTAMP, (v, c) -> LocalDateTime.ofInstant((Instant) v[1], zone((String) v[0])), TEXT, TIMESTAMPTZ),
                of(TIMESTAMPTZ, (v, c) -> ((LocalDateTime) v[1]).atZone(zone((String) v[0])).toInstant(), TEXT, TIMESTAMP));
        registry.register("isfinite",
                of(DataType.BOOLEAN, (v, c) -> true, DATE),
                of(DataType.BOOLEAN, (v, c) -> true, TIMESTAMPTZ),
                of(DataType.BOOLEAN, (v, c) -> true, INTERVAL));
        registry.register("to_char",
                of(TEXT, (v, c) -> DateTimeFormat.format(DateTimeFormat.Fields.of((LocalDateTime) v[0], null),
                        (String) v[1]), TIMESTAMP, TEXT),
                of(TEXT, (v, c) -> DateTimeFormat.format(DateTimeFormat.Fields.of((Instant) v[0], c.timeZone()),
                        (String) v[1]), TIMESTAMPTZ, TEXT),
                of(TEXT, (v, c) -> DateTimeFormat.format(DateTimeFormat.Fields.of((Interval) v[0]), (String) v[1]),
                        INTERVAL, TEXT),
                of(TEXT, (v, c) -> NumberFormat.format((BigDecimal) v[0], (String) v[1]), DataType.NUMERIC, TEXT),
                of(TEXT, (v, c) -> NumberFormat.format(BigDecimal.valueOf((Double) v[0]), (String) v[1]), DOUBLE, TEXT),
                of(TEXT, (v, c) -> NumberFormat.format(BigDecimal.valueOf((Long) v[0]), (String) v[1]), DataType.BIGINT, TEXT),
                of(TEXT, (v, c) -> NumberFormat.format(BigDecimal.valueOf((Long) v[0]), (String) v[1]), INT, TEXT));
        registry.register("to_date", of(DATE, (v, c) -> DateTimeFormat.parse((String) v[0], (String) v[1]).toLocalDate(),
                TEXT, TEXT));
        registry.register("to_timestamp",
                of(TIMESTAMPTZ, (v, c) -> DateTimeFormat.parse((String) v[0], (String) v[1]).atZone(c.timeZone()).toInstant(),
                        TEXT, TEXT),
                of(TIMESTAMPTZ, (v, c) -> fromEpoch((Double) v[0]), DOUBLE));
        registerOperators(registry);
    }

    /** Interval scaling and date + time: operators the built-in temporal arithmetic does not cover. */
    private static void registerOperators(FunctionRegistry registry) {
        registry.registerOperator("*",
                of(INTERVAL, (v, c) -> multiply((Interval) v[0], (Double) v[1]), INTERVAL, DOUBLE),
                of(INTERVAL, (v, c) -> multiply((Interval) v[1], (Double) v[0]), DOUBLE, INTERVAL));
        registry.registerOperator("/", of(INTERVAL, (v, c) -> divide((Interval) v[0], (Double) v[1]), INTERVAL, DOUBLE));
        // Only for typed operands: date + '...' stays date + interval, as the built-in arithmetic reads it.
        registry.registerOperator("+", arguments -> arguments.stream().anyMatch(a -> a.type().kind() == TypeKind.UNKNOWN) ? null
                : Overload.resolveOperator(List.of(
                        of(TIMESTAMP, (v, c) -> ((LocalDate) v[0]).atTime((LocalTime) v[1]), DATE, TIME),
                        of(TIMESTAMP, (v, c) -> ((LocalDate) v[1]).atTime((LocalTime) v[0]), TIME, DATE)), arguments));
        registry.registerOperator("-", arguments -> mixedDifference(arguments.get(0), arguments.get(1)));
        registry.registerOperator("-",
                of(INTERVAL, (v, c) -> new Interval(0, 0, ChronoUnit.MICROS.between((LocalTime) v[1], (LocalTime) v[0])),
                        TIME, TIME));
    }

    /** timestamp - date and the like: both sides become the wider of the two types, as PostgreSQL casts them. */
    private static BoundExpr mixedDifference(BoundExpr left, BoundExpr right) {
        TypeKind a = left.type().kind();
        TypeKind b = right.type().kind();
        boolean datetimes = (a == TypeKind.DATE || a == TypeKind.TIMESTAMP || a == TypeKind.TIMESTAMPTZ)
                && (b == TypeKind.DATE || b == TypeKind.TIMESTAMP || b == TypeKind.TIMESTAMPTZ);
        if (!datetimes || a == b) {
            return null;
        }
        DataType common = a == TypeKind.TIMESTAMPTZ || b == TypeKind.TIMESTAMPTZ ? TIMESTAMPTZ : TIMESTAMP;
        Evaluator x = ExpressionCompiler.cast(left, common, Casts.Context.IMPLICIT).evaluator();
        Evaluator y = ExpressionCompiler.cast(right, common, Casts.Context.IMPLICIT).evaluator();
        return new BoundExpr((row, context) -> {
            Object p = x.evaluate(row, context);
            Object q = p == null ? null : y.evaluate(row, context);
            return q == null ? null : Arithmetic.temporal(BinaryOperator.SUBTRACT, p, common.kind(), q, common.kind());
        }, INTERVAL, Overload.foldable(List.of(left, right)) && common.kind() != TypeKind.TIMESTAMPTZ);
    }

    static ZoneId zone(String name) {
        try {
            return DateParts.zone(name);
        } catch (DateTimeException e) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
        }
    }

    private static LocalDateTime local(Instant instant, EvaluationContext context) {
        return LocalDateTime.ofInstant(instant, context.timeZone());
    }

    private static LocalDate calendarAdd(LocalDate date, Interval interval) {
        if (interval.micros() != 0) {
            throw FunctionErrors.invalidParameter("calendar_add on a date takes whole days, months and years");
        }
        return date.plusMonths(interval.months()).plusDays(interval.days());
    }

    private static LocalDateTime today(EvaluationContext context) {
        return LocalDateTime.ofInstant(context.transactionTimestamp(), context.timeZone()).toLocalDate().atStartOfDay();
    }

    private static Double datePart(Object field, Object value, DataType type, EvaluationContext context) {
        return DateParts.extract((String) field, value, type, context).doubleValue();
    }

    private static Instant truncateInZone(String field, Instant instant, ZoneId zone) {
        LocalDateTime truncated = DateParts.truncate(field, LocalDateTime.ofInstant(instant, zone));
        return truncated.atZone(zone).toInstant();
    }

    /** date_bin: the start of the stride-wide bin, counted from origin, that holds source. */
    private static LocalDateTime bin(Interval stride, LocalDateTime source, LocalDateTime origin) {
        if (stride.months() != 0) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "timestamps cannot be binned into intervals containing months or years");
        }
        long strideMicros = Math.addExact(Math.multiplyExact((long) stride.days(), MICROS_PER_DAY), stride.micros());
        if (strideMicros <= 0) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "stride must be greater than zero");
        }
        long offset = ChronoUnit.MICROS.between(origin, source);
        return origin.plus(Math.floorDiv(offset, strideMicros) * strideMicros, ChronoUnit.MICROS);
    }

    /**
     * age(a, b): a - b in years, months and days as PostgreSQL's timestamp_age computes it,
     * subtracting field by field and borrowing a month's days from the earlier date's month.
     */
    static Interval age(LocalDateTime a, LocalDateTime b) {
        boolean negative = a.isBefore(b);
        long micros = (a.toLocalTime().toNanoOfDay() - b.toLocalTime().toNanoOfDay()) / 1000;
        long days = a.getDayOfMonth() - b.getDayOfMonth();
        long months = a.getMonthValue() - b.getMonthValue();
        long years = a.getYear() - b.getYear();
        if (negative) {
            micros = -micros;
            days = -days;
            months = -months;
            years = -years;
        }
        while (micros < 0) {
            micros += MICROS_PER_DAY;
            days--;
        }
        while (days < 0) {
            LocalDateTime reference = negative ? a : b;
            days += reference.toLocalDate().lengthOfMonth();
            months--;
        }
        while (months < 0) {
            months += 12;
            years--;
        }
        if (negative) {
            micros = -micros;
            days = -days;
            months = -months;
            years = -years;
        }
        return new Interval(Math.toIntExact(years * 12 + months), (int) days, micros);
    }

    private static LocalDate makeDate(long year, long month, long day) {
        if (year == 0) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
        }
        try {
            return LocalDate.of((int) (year < 0 ? year + 1 : year), (int) month, (int) day);
        } catch (DateTimeException e) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
        }
    }

    private static String pad(long value) {
        return value >= 0 && value < 10 ? "0" + value : String.valueOf(value);
    }

    private static LocalTime makeTime(long hour, long minute, double second) {
        long micros = Math.round(second * MICROS_PER_SECOND);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || micros >= 60 * MICROS_PER_SECOND) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "time field value out of range: " + hour + ":" + pad(minute) + ":" + pad((long) second));
        }
        return LocalTime.of((int) hour, (int) minute).plus(micros, ChronoUnit.MICROS);
    }

    private static LocalDateTime makeTimestamp(Object[] v) {
        return makeDate((Long) v[0], (Long) v[1], (Long) v[2]).atTime(makeTime((Long) v[3], (Long) v[4], (Double) v[5]));
    }

    /** make_interval(years, months, weeks, days, hours, mins, secs): every argument optional. */
    private static Overload[] makeInterval() {
        Overload[] overloads = new Overload[8];
        for (int count = 0; count <= 7; count++) {
            DataType[] parameters = new DataType[count];
            for (int i = 0; i < count; i++) {
                parameters[i] = i == 6 ? DOUBLE : INT;
            }
            overloads[count] = of(INTERVAL, (v, c) -> {
                long[] fields = new long[6];
                for (int i = 0; i < Math.min(6, v.length); i++) {
                    fields[i] = (Long) v[i];
                }
                double seconds = v.length == 7 ? (Double) v[6] : 0;
                try {
                    int months = Math.toIntExact(Math.addExact(Math.multiplyExact(fields[0], 12), fields[1]));
                    int days = Math.toIntExact(Math.addExact(Math.multiplyExact(fields[2], 7), fields[3]));
                    long micros = Math.addExact(Math.addExact(Math.multiplyExact(fields[4], MICROS_PER_HOUR),
                            Math.multiplyExact(fields[5], 60 * MICROS_PER_SECOND)), Math.round(seconds * MICROS_PER_SECOND));
                    return new Interval(months, days, micros);
                } catch (ArithmeticException e) {
                    throw FunctionErrors.intervalOutOfRange();
                }
            }, parameters);
        }
        return overloads;
    }

    /** Justifying moves amounts between fields; one that no longer fits is PostgreSQL's "interval out of range". */
    private static Interval justified(java.util.function.Supplier<Interval> justification) {
        try {
            return justification.get();
        } catch (ArithmeticException e) {
            throw FunctionErrors.intervalOutOfRange();
        }
    }

    static Interval justifyDays(Interval interval) {
        int months = Math.addExact(interval.months(), interval.days() / 30);
        int days = interval.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, interval.micros());
    }

    static Interval justifyHours(Interval interval) {
        long micros = interval.micros() % MICROS_PER_DAY;
        long days = interval.days() + interval.micros() / MICROS_PER_DAY;
        if (days > 0 && micros < 0) {
            micros += MICROS_PER_DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= MICROS_PER_DAY;
            days++;
        }
        return new Interval(interval.months(), Math.toIntExact(days), micros);
    }

    private static Interval justifyInterval(Interval interval) {
        long days = interval.days() + interval.micros() / MICROS_PER_DAY;
        long micros = interval.micros() % MICROS_PER_DAY;
        long months = interval.months() + days / 30;
        days %= 30;
        if (months > 0 && (days < 0 || days == 0 && micros < 0)) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || days == 0 && micros > 0)) {
            days -= 30;
            months++;
        }
        if (days > 0 && micros < 0) {
            micros += MICROS_PER_DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= MICROS_PER_DAY;
            days++;
        }
        return new Interval(Math.toIntExact(months), (int) days, micros);
    }

    /** interval_mul: fractional months carry into days (30 per month), fractional days into time. */
    static Interval multiply(Interval span, double factor) {
        if (Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw FunctionErrors.intervalOutOfRange();
        }
        double monthsExact = span.months() * factor;
        double daysExact = span.days() * factor;
        if (Math.abs(monthsExact) > Integer.MAX_VALUE || Math.abs(daysExact) > Integer.MAX_VALUE) {
            throw FunctionErrors.intervalOutOfRange();
        }
        int months = (int) monthsExact;
        int days = (int) daysExact;
        double monthRemainderDays = roundToMicros((monthsExact - months) * 30);
        double secondRemainder = roundToMicros((daysExact - days + monthRemainderDays - (int) monthRemainderDays) * 86400);
        if (Math.abs(secondRemainder) >= 86400) {
            days += (int) (secondRemainder / 86400);
            secondRemainder -= (int) (secondRemainder / 86400) * 86400.0;
        }
        days += (int) monthRemainderDays;
        double micros = Math.rint(span.micros() * factor + secondRemainder * MICROS_PER_SECOND);
        if (Math.abs(micros) >= 9.2e18) {
            throw FunctionErrors.intervalOutOfRange();
        }
        return new Interval(months, days, (long) micros);
    }

    private static Interval divide(Interval span, double factor) {
        if (factor == 0) {
            throw FunctionErrors.divisionByZero();
        }
        return multiply(span, 1.0 / factor);
    }

    private static double roundToMicros(double value) {
        return Math.rint(value * 1_000_000) / 1_000_000;
    }

    private static Instant fromEpoch(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw FunctionErrors.outOfRange("timestamp out of range: \"" + seconds + "\"");
        }
        BigDecimal micros = BigDecimal.valueOf(seconds).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
        try {
            Instant instant = Instant.EPOCH.plus(micros.longValueExact(), ChronoUnit.MICROS);
            // PostgreSQL's timestamps end in the year 294276.
            if (instant.isAfter(Instant.parse("+294276-12-31T23:59:59.999999Z"))
                    || instant.isBefore(Instant.parse("-4713-11-24T00:00:00Z"))) {
                throw new ArithmeticException();
            }
            return instant;
        } catch (ArithmeticException | DateTimeException e) {
            throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "timestamp out of range: \"" + TextFormat.formatFloat(seconds, false) + "\"");
        }
    }
}
