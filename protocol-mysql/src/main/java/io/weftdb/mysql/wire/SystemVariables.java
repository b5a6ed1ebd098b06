package io.weftdb.mysql.wire;

import io.weftdb.engine.Session;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A connection's MySQL system variables: those clients read at connect (Connector/J reads a dozen
 * in one SELECT) and those SET may change. Values that mirror engine settings (time zone,
 * isolation, read-only, statement timeout) are read from and written to the engine session, so
 * SELECT @@var always tells what the engine does. Informational ones (sql_mode, the timeouts the
 * server does not enforce) keep what the client set.
 */
final class SystemVariables {
    private static final Set<String> SWITCHES = Set.of("autocommit", "explicit_defaults_for_timestamp",
            "foreign_key_checks", "performance_schema", "sql_auto_is_null", "sql_notes", "sql_quote_show_create",
            "transaction_read_only", "unique_checks");
    private final Map<String, Object> values = new TreeMap<>();
    private final Map<String, Object> defaults;
    private final Session session;
    private boolean autocommit = true;

    SystemVariables(Session session, MysqlServerConfig config, String serverVersion, boolean tls, int port) {
        this.session = session;
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("auto_increment_increment", 1L);
        all.put("auto_increment_offset", 1L);
        all.put("character_set_client", "utf8mb4");
        all.put("character_set_connection", "utf8mb4");
        all.put("character_set_database", "utf8mb4");
        all.put("character_set_filesystem", "binary");
        all.put("character_set_results", "utf8mb4");
        all.put("character_set_server", "utf8mb4");
        all.put("character_set_system", "utf8mb3");
        all.put("collation_connection", "utf8mb4_general_ci");
        all.put("collation_database", "utf8mb4_general_ci");
        all.put("collation_server", "utf8mb4_general_ci");
        all.put("default_authentication_plugin", "caching_sha2_password");
        all.put("div_precision_increment", 4L);
        all.put("explicit_defaults_for_timestamp", 1L);
        all.put("foreign_key_checks", 1L);
        all.put("have_ssl", tls ? "YES" : "DISABLED");
        all.put("init_connect", "");
        all.put("interactive_timeout", 28800L);
        all.put("license", "");
        all.put("lower_case_table_names", 1L);
        all.put("max_allowed_packet", config.maxAllowedPacket());
        all.put("net_buffer_length", 16384L);
        all.put("net_read_timeout", 30L);
        all.put("net_write_timeout", 60L);
        all.put("performance_schema", 0L);
        all.put("port", (long) port);
        all.put("protocol_version", 10L);
        all.put("query_cache_size", 0L);
        all.put("query_cache_type", "OFF");
        all.put("require_secure_transport", "OFF");
        all.put("session_track_schema", 1L);
        all.put("session_track_state_change", 0L);
        all.put("session_track_system_variables", "time_zone,autocommit,character_set_client,character_set_results,"
                + "character_set_connection");
        all.put("session_track_transaction_info", "OFF");
        all.put("sql_auto_is_null", 0L);
        all.put("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
        all.put("sql_notes", 1L);
        all.put("sql_quote_show_create", 1L);
        all.put("sql_select_limit", Long.MAX_VALUE);
        all.put("system_time_zone", "UTC");
        all.put("unique_checks", 1L);
        all.put("version", serverVersion);
        all.put("version_comment", "WeftDB");
        all.put("version_compile_machine", System.getProperty("os.arch"));
        all.put("version_compile_os", System.getProperty("os.name"));
        all.put("wait_timeout", 28800L);
        this.defaults = Map.copyOf(all);
    }

    /** Whether a constraint check the client switched off (foreign_key_checks, unique_checks) is named. */
    boolean checkSwitchedOff(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return (key.equals("foreign_key_checks") || key.equals("unique_checks")) && Long.valueOf(0L).equals(values.get(key));
    }

    boolean autocommit() {
        return autocommit;
    }

    /** MySQL's default isolation level (InnoDB's REPEATABLE READ), in the engine's spelling. */
    static final String DEFAULT_ISOLATION = "repeatable read";

    /** The value of {@code name}: a Long, a String or null. */
    Object get(String name, boolean global) {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "autocommit" -> global || autocommit ? 1L : 0L;
            case "time_zone" -> global ? "SYSTEM" : timeZone();
            case "transaction_isolation", "tx_isolation" -> isolation(global ? DEFAULT_ISOLATION
                    : session.settings().get("default_transaction_isolation"));
            case "transaction_read_only", "tx_read_only" ->
                    !global && session.settings().get("default_transaction_read_only").equals("on") ? 1L : 0L;
            case "max_execution_time" -> global ? 0L : session.settings().millis("statement_timeout");
            case "hostname" -> "localhost";
            default -> {
                if (!defaults.containsKey(key)) {
                    throw unknown(name);
                }
                yield global ? defaults.get(key) : values.getOrDefault(key, defaults.get(key));
            }
        };
    }

    /**
     * Every variable with its value as SHOW VARIABLES prints it: switches as ON/OFF (SELECT @@var
     * gives 1/0 for them, as in MySQL).
     */
    Map<String, Object> all(boolean global) {
        Map<String, Object> all = new TreeMap<>();
        for (String name : defaults.keySet()) {
            all.put(name, shown(name, get(name, global)));
        }
        for (String name : new String[] {"autocommit", "time_zone", "transaction_isolation", "transaction_read_only",
                "max_execution_time", "hostname"}) {
            all.put(name, shown(name, get(name, global)));
        }
        return all;
    }

    private static Object shown(String name, Object value) {
        return SWITCHES.contains(name) && value instanceof Long number ? (number != 0 ? "ON" : "OFF") : value;
    }

    /**
     * SET [SESSION] name = value. {@code value} is null for DEFAULT; otherwise a Long, Double,
     * BigDecimal or String (a bare word such as ON arrives as its text).
     *
     * @return true when autocommit was switched on (the caller commits an open transaction, as MySQL does)
     */
    boolean set(String name, Object value) {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "autocommit" -> {
                boolean on = value == null || truth(key, value);
                boolean switchedOn = on && !autocommit;
                autocommit = on;
                return switchedOn;
            }
            case "time_zone" -> {
                String zone = value == null ? "SYSTEM" : value.toString();
                session.settings().set("timezone", zone.equalsIgnoreCase("SYSTEM") ? "UTC" : zone, false);
                values.put(key, zone);
            }
            case "transaction_isolation", "tx_isolation" -> session.settings().set("default_transaction_isolation",
                    value == null ? DEFAULT_ISOLATION : value.toString().replace('-', ' ').toLowerCase(Locale.ROOT), false);
            case "transaction_read_only", "tx_read_only" -> session.settings().set("default_transaction_read_only",
                    value != null && truth(key, value) ? "on" : "off", false);
            case "max_execution_time" -> session.settings().set("statement_timeout",
                    value == null ? "0" : value.toString(), false);
            // Dumps turn these off around their data; the setting is kept, but the engine checks
            // every constraint whatever it says (the caller warns).
            case "foreign_key_checks", "unique_checks" -> values.put(key, value == null || truth(key, value) ? 1L : 0L);
            case "character_set_client", "character_set_connection", "character_set_results" -> {
                String charset = value == null ? "utf8mb4" : value.toString().toLowerCase(Locale.ROOT);
                requireUtf8(key, charset, key.equals("character_set_results"));
                values.put(key, charset.equals("null") ? null : charset);
            }
            // Strict or not: a value that does not fit its column fails the statement, or is adjusted with a warning.
            case "sql_mode" -> {
                String mode = value == null ? defaults.get("sql_mode").toString() : value.toString().toUpperCase(Locale.ROOT);
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, mode);
                }
                boolean strict = mode.contains("STRICT_TRANS_TABLES") || mode.contains("STRICT_ALL_TABLES")
                        || mode.contains("TRADITIONAL");
                session.settings().set("weftdb.strict_assignments", strict ? "on" : "off", false);
            }
            case "net_write_timeout", "net_read_timeout", "wait_timeout", "interactive_timeout",
                 "sql_select_limit", "collation_connection", "div_precision_increment", "sql_notes",
                 "sql_quote_show_create", "session_track_schema", "session_track_state_change",
                 "session_track_system_variables", "session_track_transaction_info" -> {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value instanceof Number number ? (Object) number.longValue() : value.toString());
                }
            }
            default -> {
                if (defaults.containsKey(key)) {
                    throw new MysqlException(MysqlVendorError.ER_NOT_SUPPORTED_YET,
                            "Variable '" + key + "' is a read only variable here");
                }
                throw unknown(name);
            }
        }
        return false;
    }

    /** SET NAMES: the client speaks and reads utf8mb4 (or a subset of it). */
    void setNames(String charset, String collation) {
        String name = charset.toLowerCase(Locale.ROOT);
        requireUtf8("character_set_client", name, false);
        values.put("character_set_client", name);
        values.put("character_set_connection", name);
        values.put("character_set_results", name);
        if (collation != null) {
            values.put("collation_connection", collation.toLowerCase(Locale.ROOT));
        }
    }

    /** COM_RESET_CONNECTION: back to the defaults. */
    void reset() {
        values.clear();
        autocommit = true;
    }

    private static void requireUtf8(String variable, String charset, boolean nullAllowed) {
        switch (charset) {
            case "utf8mb4", "utf8", "utf8mb3", "ascii", "default" -> { }
            case "null", "binary" -> {
                if (!nullAllowed) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "Variable '" + variable + "' can't be set to '"
                            + charset + "': this server speaks utf8mb4 only");
                }
            }
            default -> throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "Variable '" + variable
                    + "' can't be set to '" + charset + "': this server speaks utf8mb4 only");
        }
    }

    private static boolean truth(String variable, Object value) {
        String text = value.toString().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "on", "true" -> true;
            case "0", "off", "false" -> false;
            default -> throw new MysqlException(MysqlVendorError.ER_WRONG_VALUE_FOR_VAR,
                    "Variable '" + variable + "' can't be set to the value of '" + value + "'");
        };
    }

    private String timeZone() {
        Object set = values.get("time_zone");
        return set != null ? set.toString() : "SYSTEM";
    }

    private static String isolation(String engineName) {
        return engineName.toUpperCase(Locale.ROOT).replace(' ', '-');
    }

    private static MysqlException unknown(String name) {
        return new MysqlException(MysqlVendorError.ER_UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '" + name + "'");
    }
}
