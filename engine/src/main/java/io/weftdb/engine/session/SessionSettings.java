package io.weftdb.engine.session;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A session's run-time parameters (SET/SHOW/RESET). Each known parameter has a default, a
 * description and a validator that normalises the value; unknown names are rejected (42704) as in
 * PostgreSQL. SET LOCAL values are undone when the transaction ends.
 */
public final class SessionSettings {
    /** One parameter: its default, whether SET may change it, its description and value normaliser. */
    private record Parameter(String defaultValue, boolean settable, String description, UnaryOperator<String> normalizer) {}

    private static final Map<String, Parameter> PARAMETERS = new LinkedHashMap<>();

    static {
        define("application_name", "", true, "Sets the application name to be reported in statistics and logs.", v -> v);
        define("client_min_messages", "notice", true, "Sets the message levels that are sent to the client.",
                SessionSettings::messageLevel);
        define("client_encoding", "UTF8", true, "Sets the client's character set encoding.", SessionSettings::encoding);
        define("datestyle", "ISO, MDY", true, "Sets the display format for date and time values.", SessionSettings::dateStyle);
        define("default_transaction_isolation", "read committed", true,
                "Sets the transaction isolation level of each new transaction.", SessionSettings::isolation);
        define("default_transaction_read_only", "off", true,
                "Sets the default read-only status of new transactions.", SessionSettings::bool);
        define("extra_float_digits", "1", true, "Sets the number of digits displayed for floating-point values.",
                v -> integer(v, -15, 3, "extra_float_digits"));
        define("integer_datetimes", "on", false, "Shows whether datetimes are integer based.", v -> v);
        define("intervalstyle", "postgres", true, "Sets the display format for interval values.", v -> v.toLowerCase(Locale.ROOT));
        define("is_superuser", "on", false, "Shows whether the current user is a superuser.", v -> v);
        define("lock_timeout", "0", true, "Sets the maximum allowed duration of any wait for a lock.", SessionSettings::duration);
        define("max_identifier_length", "63", false, "Shows the maximum identifier length.", v -> v);
        define("search_path", "\"$user\", public", true, "Sets the schema search order for names that are not schema-qualified.",
                v -> v);
        define("server_encoding", "UTF8", false, "Shows the server (database) character set encoding.", v -> v);
        define("server_version", "15.0", false, "Shows the server version.", v -> v);
        define("server_version_num", "150000", false, "Shows the server version as an integer.", v -> v);
        define("standard_conforming_strings", "on", true, "Causes '...' strings to treat backslashes literally.",
                SessionSettings::bool);
        define("statement_timeout", "0", true, "Sets the maximum allowed duration of any statement.", SessionSettings::duration);
        define("timezone", "UTC", true, "Sets the time zone for displaying and interpreting time stamps.", SessionSettings::timeZone);
        define("transaction_isolation", "read committed", true, "Sets the current transaction's isolation level.",
                SessionSettings::isolation);
        define("transaction_read_only", "off", true, "Sets the current transaction's read-only status.", SessionSettings::bool);
        define("weftdb.repeatable_read_writes", "snapshot", true,
                "Under REPEATABLE READ: snapshot (PostgreSQL: a row changed since the transaction's snapshot "
                + "cannot be written, 40001) or current (InnoDB: DML and locking reads work on the latest "
                + "committed rows; plain reads keep the snapshot).", SessionSettings::repeatableReadWrites);
        define("weftdb.strict_assignments", "on", true,
                "on: a value that does not fit its column fails the statement (PostgreSQL, MySQL's strict sql_mode); "
                + "off: it is cut or clamped to fit, with a warning (MySQL's non-strict sql_mode).", SessionSettings::bool);
        define("weftdb.index_names", "schema", true,
                "Where index and key names must be unique: schema (PostgreSQL: an index is a relation of its "
                + "schema) or table (MySQL: a name taken in the schema is kept as the index's name within its table).",
                SessionSettings::indexNames);
        // PostgreSQL's default is 4MB; rows held as Java objects take several times their size on disk.
        define("work_mem", "64MB", true, "Sets the maximum memory to be used for query workspaces.", SessionSettings::memory);
    }

    private final Map<String, String> values = new HashMap<>();
    /** Values to restore when the transaction ends, for SET LOCAL (null: back to the session value). */
    private final Map<String, String> localOverrides = new HashMap<>();
    /** Bumped on every change, so a protocol can tell cheaply whether anything needs re-reporting. */
    private long version;
    private final Map<String, Object> parsedValues = new HashMap<>();
    private long parsedVersion = -1;
    private List<String> searchPath;
    private long searchPathVersion = -1;

    private static void define(String name, String defaultValue, boolean settable, String description,
                               UnaryOperator<String> normalizer) {
        PARAMETERS.put(name, new Parameter(defaultValue, settable, description, normalizer));
    }

    private static Parameter parameter(String name) {
        Parameter parameter = PARAMETERS.get(name.toLowerCase(Locale.ROOT));
        if (parameter == null) {
            throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return parameter;
    }

    public String get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Parameter parameter = parameter(key);
        if (localOverrides.containsKey(key)) {
            return localOverrides.get(key);
        }
        return values.getOrDefault(key, parameter.defaultValue());
    }

    /** SET name = value (session-wide) or, with {@code local}, for the rest of the transaction. */
    public void set(String name, String value, boolean local) {
        String key = name.toLowerCase(Locale.ROOT);
        Parameter parameter = parameter(key);
        if (!parameter.settable()) {
            throw new SqlException(ErrorCode.CANNOT_COERCE, "parameter \"" + key + "\" cannot be changed");
        }
        String normalized = parameter.normalizer().apply(value);
        version++;
        if (local) {
            localOverrides.put(key, normalized);
        } else {
            values.put(key, normalized);
            localOverrides.remove(key);
        }
    }

    public void reset(String name) {
        version++;
        if (name.equalsIgnoreCase("all")) {
            values.clear();
            localOverrides.clear();
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        parameter(key);
        values.remove(key);
        localOverrides.remove(key);
    }

    /** Forgets SET LOCAL values; called when a transaction ends. */
    public void endTransaction() {
        if (!localOverrides.isEmpty()) {
            version++;
            localOverrides.clear();
        }
    }

    /** A number that changes whenever any value may have changed. */
    public long version() {
        return version;
    }

    /** Every parameter as (name, value, description) rows, for SHOW ALL. */
    public List<String[]> all() {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : PARAMETERS.entrySet()) {
            rows.add(new String[] {entry.getKey(), get(entry.getKey()), entry.getValue().description()});
        }
        return rows;
    }

    public ZoneId timeZone() {
        return parsed("timezone", ZoneId::of);
    }

    /** A duration setting in milliseconds. */
    public long millis(String name) {
        return parsed(name, Long::parseLong);
    }

    /** Whether a boolean setting is on. */
    public boolean isOn(String name) {
        return parsed(name, ON);
    }

    private static final java.util.function.Function<String, Boolean> ON = "on"::equals;

    /**
     * A setting's value read by {@code parse}, kept until the next change: every statement reads
     * several settings, and parsing them each time shows in a point query's profile. {@code name}
     * must be given in lower case, and {@code parse} must be the same function each time.
     */
    @SuppressWarnings("unchecked")
    public <T> T parsed(String name, java.util.function.Function<String, T> parse) {
        if (parsedVersion != version) {
            parsedValues.clear();
            parsedVersion = version;
        }
        Object value = parsedValues.get(name);
        if (value == null) {
            value = parse.apply(get(name));
            parsedValues.put(name, value);
        }
        return (T) value;
    }

    /** The search path as schema names; parsed once per settings version (it is read by every statement). */
    public List<String> searchPath() {
        if (searchPathVersion != version || searchPath == null) {
            searchPath = parseSearchPath(get("search_path"));
            searchPathVersion = version;
        }
        return searchPath;
    }

    private static List<String> parseSearchPath(String text) {
        List<String> schemas = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("\"") && trimmed.endsWith("\"") && trimmed.length() >= 2) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
            } else {
                trimmed = trimmed.toLowerCase(Locale.ROOT);
            }
            if (!trimmed.isEmpty()) {
                schemas.add(trimmed);
            }
        }
        return List.copyOf(schemas);
    }

    private static SqlException invalid(String name, String value) {
        return new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }

    private static String bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t" -> "on";
            case "off", "false", "no", "0", "f" -> "off";
            default -> throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "parameter requires a Boolean value");
        };
    }

    private static String integer(String value, int min, int max, String name) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, number + " is outside the valid range for parameter \""
                        + name + "\" (" + min + " .. " + max + ")");
            }
            return Integer.toString(number);
        } catch (NumberFormatException e) {
            throw invalid(name, value);
        }
    }

    /** Milliseconds, from a bare number or one with a unit (ms, s, min, h, d). */
    private static String duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|min|h|d)?").matcher(text);
        if (!matcher.matches()) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter: \"" + value + "\"")
                    .withHint("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        }
        long amount = Long.parseLong(matcher.group(1));
        long factor = switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1;
        };
        return Long.toString(amount * factor);
    }

    private static final java.util.regex.Pattern MEMORY = java.util.regex.Pattern.compile("(\\d+)\\s*(kB|MB|GB|TB)?");

    /** A memory size as PostgreSQL writes it: a number with kB (the default unit), MB, GB or TB. */
    private static String memory(String value) {
        java.util.regex.Matcher matcher = MEMORY.matcher(value.trim());
        if (!matcher.matches()) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"work_mem\": \""
                    + value + "\"").withHint("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        }
        long kilobytes = kilobytes(Long.parseLong(matcher.group(1)), matcher.group(2));
        if (kilobytes < 64) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, kilobytes
                    + " kB is outside the valid range for parameter \"work_mem\" (64 kB .. 2147483647 kB)");
        }
        return matcher.group(2) == null ? kilobytes + "kB" : matcher.group(1) + matcher.group(2);
    }

    private static long kilobytes(long amount, String unit) {
        return switch (unit == null ? "kB" : unit) {
            case "MB" -> amount * 1024;
            case "GB" -> amount * 1024 * 1024;
            case "TB" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
    }

    /** A memory setting (work_mem) in bytes. */
    public long bytes(String name) {
        return parsed(name, value -> {
            java.util.regex.Matcher matcher = MEMORY.matcher(value);
            if (!matcher.matches()) {
                throw new IllegalStateException(name + " holds " + value);
            }
            return kilobytes(Long.parseLong(matcher.group(1)), matcher.group(2)) * 1024;
        });
    }

    private static String timeZone(String value) {
        String zone = value.trim();
        if (zone.equalsIgnoreCase("utc") || zone.equalsIgnoreCase("gmt") || zone.equalsIgnoreCase("z")) {
            return "UTC";
        }
        if (zone.equalsIgnoreCase("local") || zone.equalsIgnoreCase("default")) {
            return "UTC";
        }
        try {
            if (zone.matches("[+-]?\\d{1,2}(:\\d{2})?")) {
                // A bare number is hours east of UTC here (SET TIME ZONE -5), as PostgreSQL reads it.
                String signed = zone.startsWith("-") || zone.startsWith("+") ? zone : "+" + zone;
                return java.time.ZoneOffset.of(signed.length() == 2 ? signed.charAt(0) + "0" + signed.charAt(1) : signed).getId();
            }
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw invalid("TimeZone", value);
        }
    }

    private static String encoding(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (normalized.equals("UTF8") || normalized.equals("UNICODE")) {
            return "UTF8";
        }
        if (normalized.equals("SQLASCII")) {
            return "SQL_ASCII";
        }
        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "conversion between " + value + " and UTF8 is not supported");
    }

    private static String dateStyle(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.contains("ISO")) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "only the ISO DateStyle is supported");
        }
        return upper.contains("DMY") ? "ISO, DMY" : upper.contains("YMD") ? "ISO, YMD" : "ISO, MDY";
    }

    /** The levels PostgreSQL accepts for client_min_messages, least severe first. */
    public static final List<String> MESSAGE_LEVELS = List.of("debug5", "debug4", "debug3", "debug2", "debug1", "log",
            "notice", "warning", "error");

    private static String messageLevel(String value) {
        String level = value.trim().toLowerCase(Locale.ROOT);
        if (level.equals("debug")) {
            return "debug2";
        }
        if (level.equals("info")) {
            return "notice"; // INFO is always sent; at this setting everything from NOTICE up is too
        }
        if (!MESSAGE_LEVELS.contains(level)) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"client_min_messages\": \""
                    + value + "\"").withHint("Available values: debug5, debug4, debug3, debug2, debug1, log, notice, "
                    + "warning, error.");
        }
        return level;
    }

    /** Whether a notice of {@code severity} (NOTICE, WARNING...) reaches the client under client_min_messages. */
    public boolean sendsToClient(String severity) {
        String level = severity.toLowerCase(Locale.ROOT);
        if (level.equals("info")) {
            return true;
        }
        int wanted = MESSAGE_LEVELS.indexOf(get("client_min_messages"));
        int actual = MESSAGE_LEVELS.indexOf(level);
        return actual < 0 || actual >= wanted;
    }

    private static String repeatableReadWrites(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("snapshot") && !normalized.equals("current")) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"weftdb.repeatable_read_writes\": \"" + value + "\"");
        }
        return normalized;
    }

    private static String indexNames(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("schema") && !normalized.equals("table")) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"weftdb.index_names\": \"" + value + "\"");
        }
        return normalized;
    }

    private static String isolation(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace('_', ' ');
        return switch (normalized) {
            case "read uncommitted", "read committed", "repeatable read", "serializable" -> normalized;
            default -> throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"transaction_isolation\": \"" + value + "\"");
        };
    }
}
