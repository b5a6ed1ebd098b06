package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.callIn;
import static io.weftdb.engine.function.FunctionCalls.errorOf;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.operator;
import static io.weftdb.engine.function.FunctionCalls.typeOf;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.type.DataType;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls (session time zone UTC unless said). */
class DateTimeFunctionsTest {
    private static BoundExpr timestamp(String text) {
        return typed(text, DataType.TIMESTAMP);
    }

    private static BoundExpr timestamptz(String text) {
        return typed(text, DataType.TIMESTAMPTZ);
    }

    private static BoundExpr date(String text) {
        return typed(text, DataType.DATE);
    }

    private static BoundExpr interval(String text) {
        return typed(text, DataType.INTERVAL);
    }

    @Test
    void currentTimeComesFromTheStatementContext() {
        assertThat(call("now")).isEqualTo("2024-02-29 12:34:56.789+00");
        assertThat(callIn(ZoneId.of("Asia/Tokyo"), "now")).isEqualTo("2024-02-29 21:34:56.789+09");
        assertThat(FunctionCalls.bind("now").constant()).isFalse();
        assertThat(FunctionCalls.bind("clock_timestamp").constant()).isFalse();
    }

    @Test
    void extractReturnsNumericWithPostgresScales() {
        assertThat(call("extract", literal("second"), timestamp("2020-01-01 10:00:05.5"))).isEqualTo("5.500000");
        assertThat(call("extract", literal("epoch"), timestamp("2020-01-01 10:00:05.5"))).isEqualTo("1577872805.500000");
        assertThat(call("extract", literal("epoch"), date("2020-01-01"))).isEqualTo("1577836800");
        assertThat(call("extract", literal("milliseconds"), typed("10:00:05.5", DataType.TIME))).isEqualTo("5500.000");
        assertThat(call("extract", literal("epoch"), interval("1 year 1 mon"))).isEqualTo("34149600.000000");
        assertThat(call("extract", literal("hour"), interval("50 hours"))).isEqualTo("50");
        assertThat(call("extract", literal("dow"), date("2020-03-04"))).isEqualTo("3");
        assertThat(call("extract", literal("century"), date("2020-01-01"))).isEqualTo("21");
        assertThat(call("extract", literal("week"), date("2021-01-01"))).isEqualTo("53");
        assertThat(call("extract", literal("isoyear"), date("2021-01-01"))).isEqualTo("2020");
        assertThat(call("extract", literal("julian"), date("2020-01-01"))).isEqualTo("2458850");
        assertThat(typeOf("date_part", literal("year"), date("2020-03-04"))).isEqualTo("double precision");
        // A date is read as a timestamp without time zone, so its epoch does not depend on the session's zone.
        assertThat(callIn(ZoneId.of("Asia/Tokyo"), "date_part", literal("epoch"), date("2020-01-01"))).isEqualTo("1577836800");
    }

    @Test
    void extractRejectsUnitsATypeDoesNotHave() {
        assertThat(errorOf("extract", literal("hour"), date("2020-01-01"))).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(errorOf("extract", literal("foo"), timestamp("2020-01-01"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("date_trunc", literal("foo"), timestamp("2020-01-01"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void dateTruncResetsEverythingBelowTheUnit() {
        assertThat(call("date_trunc", literal("week"), timestamp("2020-03-04 05:06"))).isEqualTo("2020-03-02 00:00:00");
        assertThat(call("date_trunc", literal("century"), timestamp("2020-05-05"))).isEqualTo("2001-01-01 00:00:00");
        assertThat(call("date_trunc", literal("quarter"), timestamp("2020-05-05"))).isEqualTo("2020-04-01 00:00:00");
        assertThat(call("date_trunc", literal("hour"), interval("1 day 05:06:07"))).isEqualTo("1 day 05:00:00");
        assertThat(typeOf("date_trunc", literal("day"), date("2020-03-04"))).isEqualTo("timestamp with time zone");
        assertThat(call("date_trunc", literal("minute"), typed("10:11:12", DataType.TIME))).isEqualTo("10:11:00");
    }

    @Test
    void dateBinCountsStridesFromTheOrigin() {
        assertThat(call("date_bin", interval("15 minutes"), timestamp("2020-02-11 15:44:17"), timestamp("2001-01-01 00:02:30")))
                .isEqualTo("2020-02-11 15:32:30");
        assertThat(call("date_bin", interval("1 hour"), timestamp("1999-12-31 23:59"), timestamp("2001-01-01")))
                .isEqualTo("1999-12-31 23:00:00");
        assertThat(errorOf("date_bin", interval("1 month"), timestamp("2020-02-11"), timestamp("2001-01-01")))
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(errorOf("date_bin", interval("0 minutes"), timestamp("2020-02-11"), timestamp("2001-01-01")))
                .isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
    }

    @Test
    void ageSubtractsFieldByFieldBorrowingFromTheMonth() {
        assertThat(call("age", timestamp("2020-03-04"), timestamp("2019-01-15 10:00"))).isEqualTo("1 year 1 mon 19 days 14:00:00");
        assertThat(call("age", timestamp("2019-01-15"), timestamp("2020-03-04 10:00")))
                .isEqualTo("-1 years -1 mons -20 days -10:00:00");
        assertThat(call("age", date("2020-02-29"), date("2019-03-31"))).isEqualTo("10 mons 29 days");
    }

    @Test
    void toCharFormatsDatesTimesAndIntervals() {
        assertThat(call("to_char", timestamp("2020-03-04 15:06:07.123"),
                literal("YYYY-MM-DD HH24:MI:SS.MS Day Mon FMDD AM dy q WW IW")))
                .isEqualTo("2020-03-04 15:06:07.123 Wednesday Mar 4 PM wed 1 10 10");
        assertThat(call("to_char", timestamp("2020-03-04 05:06:07"), literal("FMMonth DDth, YYYY HH12:MI am")))
                .isEqualTo("March 04th, 2020 05:06 am");
        assertThat(call("to_char", timestamp("2020-03-04 00:06:07"), literal("HH12 \"o'clock\" US J DDD CC RM")))
                .isEqualTo("12 o'clock 000000 2458913 064 21 III ");
        assertThat(call("to_char", timestamptz("2020-03-04 05:06:07+00"), literal("YYYY-MM-DD HH24:MI:SS TZ OF")))
                .isEqualTo("2020-03-04 05:06:07 UTC +00");
        assertThat(call("to_char", interval("25 hours 3 minutes"), literal("HH24:MI"))).isEqualTo("25:03");
    }

    @Test
    void toCharFormatsNumbers() {
        assertThat(call("to_char", typed("1234.5", DataType.NUMERIC), literal("9,999.99"))).isEqualTo(" 1,234.50");
        assertThat(call("to_char", typed("-1234.5", DataType.NUMERIC), literal("9,999.99"))).isEqualTo("-1,234.50");
        assertThat(call("to_char", typed("0.5", DataType.NUMERIC), literal("9.99"))).isEqualTo("  .50");
        assertThat(call("to_char", integer(12), literal("0000"))).isEqualTo(" 0012");
        assertThat(call("to_char", typed("1.5", DataType.NUMERIC), literal("FM9.99"))).isEqualTo("1.5");
        assertThat(call("to_char", integer(-12), literal("S999"))).isEqualTo(" -12");
        assertThat(call("to_char", integer(123456), literal("999"))).isEqualTo(" ###");
        assertThat(call("to_char", integer(-12), literal("999MI"))).isEqualTo(" 12-");
        assertThat(call("to_char", typed("12345.678", DataType.NUMERIC), literal("FM99,999.00"))).isEqualTo("12,345.68");
        assertThat(call("to_char", typed("1e10", DataType.DOUBLE), literal("9.99EEEE"))).isEqualTo(" 1.00e+10");
        assertThat(call("to_char", integer(7), literal("FMRN"))).isEqualTo("VII");
    }

    @Test
    void toDateAndToTimestampReadTemplates() {
        assertThat(call("to_date", literal("04 Mar 2020"), literal("DD Mon YYYY"))).isEqualTo("2020-03-04");
        assertThat(call("to_date", literal("20200304"), literal("YYYYMMDD"))).isEqualTo("2020-03-04");
        assertThat(call("to_date", literal("2020-060"), literal("YYYY-DDD"))).isEqualTo("2020-02-29");
        assertThat(call("to_timestamp", literal("05:06 PM 2020/03/04"), literal("HH12:MI AM YYYY/MM/DD")))
                .isEqualTo("2020-03-04 17:06:00+00");
        assertThat(call("to_timestamp", typed("1577836800.5", DataType.DOUBLE))).isEqualTo("2020-01-01 00:00:00.5+00");
        assertThat(errorOf("to_date", literal("2020-13-01"), literal("YYYY-MM-DD"))).isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
        assertThat(errorOf("to_date", literal("abcd-01-01"), literal("YYYY-MM-DD"))).isEqualTo(ErrorCode.INVALID_DATETIME_FORMAT);
    }

    @Test
    void constructorsAndJustification() {
        assertThat(call("make_date", integer(2020), integer(2), integer(29))).isEqualTo("2020-02-29");
        assertThat(errorOf("make_date", integer(2020), integer(2), integer(30))).isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
        assertThat(call("make_timestamp", integer(2020), integer(2), integer(29), integer(1), integer(2),
                typed("3.5", DataType.NUMERIC))).isEqualTo("2020-02-29 01:02:03.5");
        assertThat(call("make_interval", integer(1), integer(2), integer(3), integer(4), integer(5), integer(6),
                typed("7.5", DataType.NUMERIC))).isEqualTo("1 year 2 mons 25 days 05:06:07.5");
        assertThat(call("make_interval", integer(0), integer(0), integer(0), integer(10))).isEqualTo("10 days");
        assertThat(call("justify_hours", interval("50 hours"))).isEqualTo("2 days 02:00:00");
        assertThat(call("justify_days", interval("40 days"))).isEqualTo("1 mon 10 days");
        assertThat(call("justify_interval", interval("1 mon -1 hour"))).isEqualTo("29 days 23:00:00");
    }

    @Test
    void intervalScalingCarriesFractionsDownward() {
        assertThat(operator(interval("1 day"), "*", typed("2.5", DataType.NUMERIC))).isEqualTo("2 days 12:00:00");
        assertThat(operator(interval("1 month"), "/", integer(3))).isEqualTo("10 days");
        assertThat(operator(integer(2), "*", interval("1 hour"))).isEqualTo("02:00:00");
        assertThat(operator(date("2020-01-01"), "+", typed("10:00", DataType.TIME))).isEqualTo("2020-01-01 10:00:00");
        assertThat(operator(timestamp("2020-03-01"), "-", date("2020-02-01"))).isEqualTo("29 days");
        assertThat(FunctionCalls.bind("justify_days", interval("1 day")).type()).isEqualTo(DataType.INTERVAL);
    }

    @Test
    void atTimeZoneReadsPosixOffsetsAsPostgresDoes() {
        assertThat(call("timezone", literal("+05"), timestamp("2020-01-01 12:00"))).isEqualTo("2020-01-01 17:00:00+00");
        assertThat(call("timezone", literal("America/New_York"), timestamptz("2020-01-01 12:00+00")))
                .isEqualTo("2020-01-01 07:00:00");
        assertThat(call("timezone", literal("-03:30"), timestamptz("2020-01-01 12:00+00"))).isEqualTo("2020-01-01 15:30:00");
        assertThat(errorOf("timezone", literal("Mars/Olympus"), timestamp("2020-01-01"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }
}
