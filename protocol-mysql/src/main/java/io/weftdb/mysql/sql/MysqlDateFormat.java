package io.weftdb.mysql.sql;

/**
 * MySQL's DATE_FORMAT / STR_TO_DATE format strings ({@code %Y-%m-%d %H:%i:%s}) as the engine's
 * to_char / to_timestamp templates (PostgreSQL's {@code YYYY-MM-DD HH24:MI:SS}). Text between the
 * specifiers is quoted, so letters in it stay letters. Null when a specifier has no equivalent.
 */
final class MysqlDateFormat {
    private MysqlDateFormat() {
    }

    static String toTemplate(String format) {
        StringBuilder template = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                literal.append(c);
                continue;
            }
            char specifier = format.charAt(++i);
            if (specifier == '%') {
                literal.append('%');
                continue;
            }
            String pattern = switch (specifier) {
                case 'Y' -> "YYYY";
                case 'y' -> "YY";
                case 'm' -> "MM";
                case 'c' -> "FMMM";
                case 'd' -> "DD";
                case 'e' -> "FMDD";
                case 'D' -> "FMDDth";
                case 'H' -> "HH24";
                case 'k' -> "FMHH24";
                case 'h', 'I' -> "HH12";
                case 'l' -> "FMHH12";
                case 'i' -> "MI";
                case 's', 'S' -> "SS";
                case 'f' -> "US";
                case 'p' -> "AM";
                case 'M' -> "FMMonth";
                case 'b' -> "Mon";
                case 'W' -> "FMDay";
                case 'a' -> "Dy";
                case 'j' -> "DDD";
                case 'T' -> "HH24:MI:SS";
                case 'r' -> "HH12:MI:SS AM";
                default -> null;
            };
            if (pattern == null) {
                return null;
            }
            flush(literal, template);
            template.append(pattern);
        }
        flush(literal, template);
        return template.toString();
    }

    /** Whether the format reads or writes a time of day (STR_TO_DATE then gives a DATETIME, else a DATE). */
    static boolean hasTime(String format) {
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) == '%' && "HkhIlisSfpTr".indexOf(format.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder literal, StringBuilder template) {
        if (!literal.isEmpty()) {
            template.append('"').append(literal.toString().replace("\"", "\\\"")).append('"');
            literal.setLength(0);
        }
    }
}
