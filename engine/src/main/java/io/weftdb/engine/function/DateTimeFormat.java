package io.weftdb.engine.function;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Interval;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.List;
import java.util.Locale;

/**
 * to_char's date/time template patterns (YYYY, MM, DD, HH24, MI, SS, MS, US, Month, Day, AM...,
 * with the FM and TH modifiers and quoted text) and their reverse, to_date/to_timestamp.
 */
final class DateTimeFormat {
    /** Template patterns, longest first so that HH24 wins over HH and YYYY over YY. */
    private static final List<String> PATTERNS = List.of(
            "A.M.", "P.M.", "B.C.", "A.D.", "Y,YYY", "SSSSS", "MONTH", "HH24", "HH12", "YYYY", "IYYY", "IDDD", "SSSS",
            "DDD", "YYY", "IYY", "TZH", "TZM", "MON", "DAY", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6",
            "HH", "MI", "SS", "MS", "US", "AM", "PM", "BC", "AD", "YY", "IY", "MM", "DY", "DD", "ID", "WW", "IW", "CC",
            "TZ", "OF", "RM", "Y", "I", "D", "W", "Q", "J");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy zzz",
            Locale.ROOT);

    private DateTimeFormat() {
    }

    /** The values a template can show. {@code zone} is null for values without a time zone. */
    record Fields(int year, int month, int day, long hour, int minute, int second, int micros, LocalDate date,
                  ZoneId zone, Integer offsetSeconds, boolean interval) {
        static Fields of(LocalDateTime value, ZoneId zone) {
            Integer offset = null;
            if (zone != null) {
                offset = zone.getRules().getOffset(value.atZone(zone).toInstant()).getTotalSeconds();
            }
            return new Fields(value.getYear(), value.getMonthValue(), value.getDayOfMonth(), value.getHour(),
                    value.getMinute(), value.getSecond(), value.getNano() / 1000, value.toLocalDate(), zone, offset, false);
        }

        static Fields of(Instant instant, ZoneId zone) {
            return of(LocalDateTime.ofInstant(instant, zone), zone);
        }

        static Fields of(Interval interval) {
            long micros = interval.micros();
            return new Fields(interval.months() / 12, interval.months() % 12, interval.days(), micros / 3_600_000_000L,
                    (int) (micros / 60_000_000L % 60), (int) (micros / 1_000_000L % 60), (int) (micros % 1_000_000L),
                    null, null, null, true);
        }
    }

    static String timeOfDay(Instant now, ZoneId zone) {
        return ZonedDateTime.ofInstant(now, zone).format(TIME_OF_DAY);
    }

    static String format(Fields fields, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < template.length() && template.charAt(end) != '"') {
                    if (template.charAt(end) == '\\' && end + 1 < template.length()) {
                        end++;
                    }
                    out.append(template.charAt(end++));
                }
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fill = false;
            int at = i;
            if (template.regionMatches(true, at, "FM", 0, 2)) {
                fill = true;
                at += 2;
            }
            String pattern = match(template, at);
            if (pattern == null) {
                out.append(c);
                i++;
                continue;
            }
            String written = template.substring(at, at + pattern.length());
            at += pattern.length();
            String ordinal = null;
            if (template.regionMatches(at, "TH", 0, 2) || template.regionMatches(at, "th", 0, 2)) {
                ordinal = template.substring(at, at + 2);
                at += 2;
            }
            String text = field(fields, pattern, written, fill);
            if (ordinal != null && !text.isEmpty() && Character.isDigit(text.charAt(text.length() - 1))) {
                text += suffix(text, ordinal.equals("TH"));
            }
            out.append(text);
            i = at;
        }
        return out.toString();
    }

    private static String match(String template, int at) {
        for (String pattern : PATTERNS) {
            if (template.regionMatches(true, at, pattern, 0, pattern.length())) {
                return pattern;
            }
        }
        return null;
    }

    private static String suffix(String number, boolean upper) {
        int value = Integer.parseInt(number.substring(Math.max(0, number.length() - 2)).strip());
        String suffix = value % 100 >= 11 && value % 100 <= 13 ? "th"
                : switch (value % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return upper ? suffix.toUpperCase(Locale.ROOT) : suffix;
    }

    private static String number(long value, int width, boolean fill) {
        if (fill) {
            return Long.toString(value);
        }
        // The width includes the sign, as C's %0*d counts it: -1 in two places is "-1".
        String digits = Long.toString(Math.abs(value));
        int room = value < 0 ? width - 1 : width;
        String padded = digits.length() >= room ? digits : "0".repeat(room - digits.length()) + digits;
        return value < 0 ? "-" + padded : padded;
    }

    /** Month and day names follow the pattern's case: MONTH, Month or month. */
    private static String name(String name, String written, boolean fill, int width) {
        String cased = Character.isLowerCase(written.charAt(0)) ? name.toLowerCase(Locale.ROOT)
                : Character.isUpperCase(written.charAt(1)) ? name.toUpperCase(Locale.ROOT) : name;
        return fill || cased.length() >= width ? cased : cased + " ".repeat(width - cased.length());
    }

    private static String field(Fields f, String pattern, String written, boolean fill) {
        LocalDate date = f.date();
        int displayYear = f.year() > 0 || f.interval() ? f.year() : 1 - f.year();
        boolean pm = f.hour() % 24 >= 12;
        return switch (pattern) {
            case "HH24" -> number(f.hour(), 2, fill);
            case "HH", "HH12" -> number(f.interval() ? f.hour() % 12 : (f.hour() % 12 == 0 ? 12 : f.hour() % 12), 2, fill);
            case "MI" -> number(f.minute(), 2, fill);
            case "SS" -> number(f.second(), 2, fill);
            case "MS" -> number(f.micros() / 1000, 3, fill);
            case "US" -> number(f.micros(), 6, fill);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                int digits = pattern.charAt(2) - '0';
                yield number(f.micros() / (long) Math.pow(10, 6 - digits), digits, false);
            }
            case "SSSS", "SSSSS" -> Long.toString(f.hour() * 3600 + f.minute() * 60L + f.second());
            case "AM", "PM" -> Character.isLowerCase(written.charAt(0)) ? (pm ? "pm" : "am") : (pm ? "PM" : "AM");
            case "A.M.", "P.M." -> Character.isLowerCase(written.charAt(0)) ? (pm ? "p.m." : "a.m.") : (pm ? "P.M." : "A.M.");
            case "BC", "AD" -> {
                String era = f.year() > 0 ? "AD" : "BC";
                yield Character.isLowerCase(written.charAt(0)) ? era.toLowerCase(Locale.ROOT) : era;
            }
            case "B.C.", "A.D." -> {
                String era = f.year() > 0 ? "A.D." : "B.C.";
                yield Character.isLowerCase(written.charAt(0)) ? era.toLowerCase(Locale.ROOT) : era;
            }
            case "Y,YYY" -> {
                String digits = number(displayYear, 4, fill);
                yield digits.substring(0, digits.length() - 3) + "," + digits.substring(digits.length() - 3);
            }
            case "YYYY" -> number(displayYear, 4, fill);
            case "YYY" -> number(displayYear % 1000, 3, fill);
            case "YY" -> number(displayYear % 100, 2, fill);
            case "Y" -> number(displayYear % 10, 1, fill);
            case "IYYY" -> number(requireDate(date, pattern).get(IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "IYY" -> number(requireDate(date, pattern).get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fill);
            case "IY" -> number(requireDate(date, pattern).get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fill);
            case "I" -> number(requireDate(date, pattern).get(IsoFields.WEEK_BASED_YEAR) % 10, 1, fill);
            case "MONTH" -> f.month() == 0 ? "" : name(java.time.Month.of(f.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    written, fill, 9);
            case "MON" -> f.month() == 0 ? "" : name(java.time.Month.of(f.month()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    written, true, 3);
            case "MM" -> number(f.month(), 2, fill);
            case "DAY" -> name(requireDate(date, pattern).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    written, fill, 9);
            case "DY" -> name(requireDate(date, pattern).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    written, true, 3);
            case "DDD" -> number(f.interval() ? f.day() : requireDate(date, pattern).getDayOfYear(), 3, fill);
            case "IDDD" -> {
                LocalDate start = requireDate(date, pattern).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                        .with(ChronoField.DAY_OF_WEEK, 1);
                yield number(java.time.temporal.ChronoUnit.DAYS.between(start, date) + 1, 3, fill);
            }
            case "DD" -> number(f.day(), 2, fill);
            case "D" -> Integer.toString(requireDate(date, pattern).getDayOfWeek().getValue() % 7 + 1);
            case "ID" -> Integer.toString(requireDate(date, pattern).getDayOfWeek().getValue());
            case "W" -> Integer.toString((f.day() - 1) / 7 + 1);
            case "WW" -> number((requireDate(date, pattern).getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "IW" -> number(requireDate(date, pattern).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "CC" -> number(f.year() > 0 ? (f.year() + 99) / 100 : -((99 - (f.year() - 1)) / 100), 2, fill);
            case "Q" -> f.month() == 0 && f.interval() ? "" : Integer.toString((f.month() - 1) / 3 + 1);
            case "J" -> Long.toString(requireDate(date, pattern).getLong(JulianFields.JULIAN_DAY));
            case "RM" -> {
                String roman = f.month() == 0 ? "" : ROMAN[f.month() - 1];
                roman = Character.isLowerCase(written.charAt(0)) ? roman.toLowerCase(Locale.ROOT) : roman;
                yield fill ? roman : String.format("%-4s", roman);
            }
            case "TZ" -> zoneName(f, Character.isLowerCase(written.charAt(0)));
            case "TZH" -> f.offsetSeconds() == null ? "" : (f.offsetSeconds() < 0 ? "-" : "+")
                    + number(Math.abs(f.offsetSeconds()) / 3600, 2, false);
            case "TZM" -> f.offsetSeconds() == null ? "" : number(Math.abs(f.offsetSeconds()) / 60 % 60, 2, false);
            case "OF" -> offset(f.offsetSeconds());
            default -> throw new IllegalStateException(pattern);
        };
    }

    private static LocalDate requireDate(LocalDate date, String pattern) {
        if (date == null) {
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid format specification for an interval value")
                    .withHint("Intervals are not tied to specific calendar dates.");
        }
        return date;
    }

    private static String zoneName(Fields fields, boolean lower) {
        if (fields.zone() == null) {
            return "";
        }
        boolean utc = fields.zone().normalized().equals(ZoneOffset.UTC) && !fields.zone().getId().startsWith("+");
        String name = utc ? "UTC" : fields.zone() instanceof ZoneOffset ? offset(fields.offsetSeconds())
                : DateTimeFormatter.ofPattern("zzz", Locale.US).format(ZonedDateTime.of(fields.date(),
                        java.time.LocalTime.of((int) fields.hour(), fields.minute(), fields.second()), fields.zone()));
        return lower ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String offset(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        int abs = Math.abs(seconds);
        String text = (seconds < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
        return abs % 3600 == 0 ? text : text + String.format(":%02d", abs / 60 % 60);
    }

    /** to_date / to_timestamp: reads {@code text} by the template; fields not given default to 0001-01-01 00:00. */
    static LocalDateTime parse(String text, String template) {
        return new TemplateParser(text, template).parse();
    }

    private static final class TemplateParser {
        private final String text;
        private final String template;
        private int position;
        // Without a year PostgreSQL gives year 0, which is 1 BC.
        private int year;
        private boolean yearGiven;
        private int month = 1;
        private int day = 1;
        private int dayOfYear;
        private Integer julianDay;
        private int hour;
        private int minute;
        private int second;
        private int micros;
        private Boolean afternoon;
        private boolean bc;

        TemplateParser(String text, String template) {
            this.text = text;
            this.template = template;
        }

        LocalDateTime parse() {
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                if (c == '"') {
                    int end = template.indexOf('"', i + 1);
                    end = end < 0 ? template.length() : end;
                    position = Math.min(text.length(), position + (end - i - 1));
                    i = end + 1;
                    continue;
                }
                int at = i;
                if (template.regionMatches(true, at, "FM", 0, 2) || template.regionMatches(true, at, "FX", 0, 2)) {
                    at += 2;
                }
                String pattern = match(template, at);
                if (pattern == null) {
                    // A separator in the template skips one non-alphanumeric character (and spaces) of the input.
                    if (!Character.isLetterOrDigit(c)) {
                        skipSeparator();
                    } else if (position < text.length()) {
                        position++;
                    }
                    i++;
                    continue;
                }
                at += pattern.length();
                if (template.regionMatches(true, at, "TH", 0, 2)) {
                    at += 2;
                }
                read(pattern);
                i = at;
            }
            return build();
        }

        private void skipSeparator() {
            if (position < text.length() && !Character.isLetterOrDigit(text.charAt(position))) {
                position++;
            }
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }

        private int digits(String pattern, int width) {
            skipSpaces();
            int start = position;
            boolean negative = position < text.length() && text.charAt(position) == '-';
            if (negative) {
                position++;
            }
            int digitsStart = position;
            while (position < text.length() && Character.isDigit(text.charAt(position)) && position - digitsStart < width) {
                position++;
            }
            if (position == digitsStart) {
                String found = text.substring(start, Math.min(text.length(), start + width));
                throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT,
                        "invalid value \"" + found + "\" for \"" + pattern + "\"")
                        .withDetail("Value must be an integer.");
            }
            int value = Integer.parseInt(text.substring(digitsStart, position));
            return negative ? -value : value;
        }

        private int name(String pattern, boolean months, boolean abbreviated) {
            skipSpaces();
            for (int index = 1; index <= (months ? 12 : 7); index++) {
                String full = months ? java.time.Month.of(index).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        : java.time.DayOfWeek.of(index).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                String candidate = abbreviated ? full.substring(0, 3) : full;
                if (text.regionMatches(true, position, candidate, 0, candidate.length())) {
                    position += candidate.length();
                    return index;
                }
            }
            String found = text.substring(position, Math.min(text.length(), position + 9));
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid value \"" + found + "\" for \"" + pattern + "\"")
                    .withDetail("The given value did not match any of the allowed values for this field.");
        }

        private void read(String pattern) {
            switch (pattern) {
                case "YYYY", "IYYY" -> {
                    year = digits(pattern, 4);
                    yearGiven = true;
                }
                case "Y,YYY" -> {
                    int thousands = digits(pattern, 3);
                    skipSeparator();
                    year = thousands * 1000 + digits(pattern, 3);
                    yearGiven = true;
                }
                case "YYY", "IYY" -> {
                    year = expandYear(digits(pattern, 3), 3);
                    yearGiven = true;
                }
                case "YY", "IY" -> {
                    year = expandYear(digits(pattern, 2), 2);
                    yearGiven = true;
                }
                case "Y", "I" -> {
                    year = expandYear(digits(pattern, 1), 1);
                    yearGiven = true;
                }
                case "MM" -> month = digits(pattern, 2);
                case "MONTH" -> month = name(pattern, true, false);
                case "MON" -> month = name(pattern, true, true);
                case "DAY" -> name(pattern, false, false);
                case "DY" -> name(pattern, false, true);
                case "DD" -> day = digits(pattern, 2);
                case "DDD" -> dayOfYear = digits(pattern, 3);
                case "HH", "HH12", "HH24" -> hour = digits(pattern, 2);
                case "MI" -> minute = digits(pattern, 2);
                case "SS" -> second = digits(pattern, 2);
                case "MS" -> micros = fraction(pattern, 3);
                case "US" -> micros = fraction(pattern, 6);
                case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> micros = fraction(pattern, pattern.charAt(2) - '0');
                case "AM", "PM", "A.M.", "P.M." -> {
                    skipSpaces();
                    boolean dotted = pattern.length() == 4;
                    String am = dotted ? "a.m." : "am";
                    String pm = dotted ? "p.m." : "pm";
                    if (text.regionMatches(true, position, am, 0, am.length())) {
                        afternoon = false;
                    } else if (text.regionMatches(true, position, pm, 0, pm.length())) {
                        afternoon = true;
                    } else {
                        throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT,
                                "invalid value \"" + text.substring(position) + "\" for \"" + pattern + "\"");
                    }
                    position += am.length();
                }
                case "BC", "AD", "B.C.", "A.D." -> {
                    skipSpaces();
                    bc = text.regionMatches(true, position, "B", 0, 1);
                    position = Math.min(text.length(), position + pattern.length());
                }
                case "TZ", "TZH", "TZM", "OF" -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "formatting field \"" + pattern + "\" is only supported in to_char");
                case "J" -> julianDay = digits(pattern, 8);
                // Fields PostgreSQL also reads but does not use to build the date (Q, W, D, CC...).
                default -> digits(pattern, 9);
            }
        }

        private int fraction(String pattern, int width) {
            skipSpaces();
            int start = position;
            int value = digits(pattern, width);
            int length = position - start;
            return value * (int) Math.pow(10, 6 - length);
        }

        /** A two-digit year is the one nearest 2020, as PostgreSQL reads it. */
        private static int expandYear(int value, int width) {
            return switch (width) {
                case 1 -> 2000 + value;
                case 2 -> value < 70 ? 2000 + value : 1900 + value;
                default -> value < 100 ? 2000 + value : 1000 + value;
            };
        }

        private LocalDateTime build() {
            if (afternoon != null) {
                if (hour < 1 || hour > 12) {
                    throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT,
                            "hour \"" + hour + "\" is invalid for the 12-hour clock")
                            .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
                }
                hour = hour % 12 + (afternoon ? 12 : 0);
            }
            int isoYear = yearGiven && bc ? 1 - year : year;
            try {
                LocalDate date = julianDay != null ? LocalDate.EPOCH.with(JulianFields.JULIAN_DAY, julianDay)
                        : dayOfYear > 0 ? LocalDate.ofYearDay(isoYear, dayOfYear) : LocalDate.of(isoYear, month, day);
                return date.atTime(hour, minute, second, micros * 1000);
            } catch (DateTimeException e) {
                throw new SqlException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
            }
        }
    }
}
