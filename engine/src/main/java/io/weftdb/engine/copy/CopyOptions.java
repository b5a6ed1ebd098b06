package io.weftdb.engine.copy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of one COPY, checked as PostgreSQL checks them ({@code ProcessCopyOptions}): the
 * format decides the defaults of DELIMITER and NULL, the CSV-only options are refused in text
 * mode, and each option fits its direction.
 */
public final class CopyOptions {
    /** HEADER: absent, present (skip it on input, write it on output), or MATCH (input names checked). */
    public enum Header { NONE, PRESENT, MATCH }

    private final CopyFormat format;
    private final byte delimiter;
    private final String nullString;
    private final byte quote;
    private final byte escape;
    private final Header header;
    private final boolean forceQuoteAll;
    private final Set<String> forceQuote;
    private final Set<String> forceNotNull;
    private final Set<String> forceNull;

    private CopyOptions(CopyFormat format, byte delimiter, String nullString, byte quote, byte escape, Header header,
                        boolean forceQuoteAll, Set<String> forceQuote, Set<String> forceNotNull, Set<String> forceNull) {
        this.format = format;
        this.delimiter = delimiter;
        this.nullString = nullString;
        this.quote = quote;
        this.escape = escape;
        this.header = header;
        this.forceQuoteAll = forceQuoteAll;
        this.forceQuote = forceQuote;
        this.forceNotNull = forceNotNull;
        this.forceNull = forceNull;
    }

    /** Text format with every default: what {@code COPY t FROM STDIN} uses. */
    public static CopyOptions text() {
        return of(Map.of(), Copy.Direction.FROM);
    }

    /** CSV with every default. */
    public static CopyOptions csv() {
        return of(Map.of("format", "csv"), Copy.Direction.FROM);
    }

    public static CopyOptions of(Map<String, String> options, Copy.Direction direction) {
        CopyFormat format = CopyFormat.TEXT;
        String delimiter = null;
        String nullString = null;
        String quote = null;
        String escape = null;
        Header header = Header.NONE;
        boolean forceQuoteAll = false;
        Set<String> forceQuote = Set.of();
        Set<String> forceNotNull = Set.of();
        Set<String> forceNull = Set.of();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            switch (option.getKey()) {
                case "format" -> format = switch (required(option).toLowerCase(Locale.ROOT)) {
                    case "text" -> CopyFormat.TEXT;
                    case "csv" -> CopyFormat.CSV;
                    case "binary" -> CopyFormat.BINARY;
                    default -> throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "COPY format \"" + value + "\" not recognized");
                };
                case "delimiter" -> delimiter = required(option);
                case "null" -> nullString = required(option);
                case "quote" -> quote = required(option);
                case "escape" -> escape = required(option);
                case "header" -> header = header(value, direction);
                case "force_quote" -> {
                    if (required(option).equals("*")) {
                        forceQuoteAll = true;
                    } else {
                        forceQuote = names(value);
                    }
                }
                case "force_not_null" -> forceNotNull = names(required(option));
                case "force_null" -> forceNull = names(required(option));
                case "encoding" -> {
                    String normalized = required(option).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                    if (!normalized.equals("utf8") && !normalized.equals("unicode") && !normalized.equals("sqlascii")) {
                        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "COPY encoding \"" + value + "\" is not supported: data is read and written as UTF8");
                    }
                }
                case "freeze" -> {
                    // A loading hint in PostgreSQL; rows written here are visible as usual once committed.
                }
                default -> throw new SqlException(ErrorCode.SYNTAX_ERROR, "option \"" + option.getKey() + "\" not recognized");
            }
        }
        boolean csv = format == CopyFormat.CSV;
        if (format == CopyFormat.BINARY) {
            String textOption = delimiter != null ? "DELIMITER" : nullString != null ? "NULL" : header != Header.NONE ? "HEADER"
                    : quote != null || escape != null ? "QUOTE or ESCAPE" : null;
            if (textOption != null) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "cannot specify " + textOption + " in BINARY mode");
            }
        }
        byte delimiterByte = singleByte(delimiter, csv ? "," : "\t", "COPY delimiter");
        String nullText = nullString != null ? nullString : csv ? "" : "\\N";
        if (!csv && (quote != null || escape != null)) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY " + (quote != null ? "quote" : "escape")
                    + " available only in CSV mode");
        }
        byte quoteByte = singleByte(quote, "\"", "COPY quote");
        byte escapeByte = singleByte(escape, quote != null ? quote : "\"", "COPY escape");
        if (!csv && (forceQuoteAll || !forceQuote.isEmpty() || !forceNotNull.isEmpty() || !forceNull.isEmpty())) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY FORCE options available only in CSV mode");
        }
        if ((forceQuoteAll || !forceQuote.isEmpty()) && direction == Copy.Direction.FROM) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY FORCE_QUOTE cannot be used with COPY FROM");
        }
        if ((!forceNotNull.isEmpty() || !forceNull.isEmpty()) && direction == Copy.Direction.TO) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "COPY FORCE_NOT_NULL and FORCE_NULL can only be used with COPY FROM");
        }
        if (delimiterByte == '\n' || delimiterByte == '\r') {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be newline or carriage return");
        }
        if (nullText.indexOf('\n') >= 0 || nullText.indexOf('\r') >= 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY null representation cannot use newline or carriage return");
        }
        if (!csv && delimiterByte == '\\') {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"\\\"");
        }
        if (csv && delimiterByte == quoteByte) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        if (nullText.indexOf((char) delimiterByte) >= 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY delimiter character must not appear in the NULL specification");
        }
        return new CopyOptions(format, delimiterByte, nullText, quoteByte, escapeByte, header, forceQuoteAll, forceQuote,
                forceNotNull, forceNull);
    }

    private static String required(Map.Entry<String, String> option) {
        if (option.getValue() == null) {
            throw new SqlException(ErrorCode.SYNTAX_ERROR, option.getKey() + " requires a parameter");
        }
        return option.getValue();
    }

    private static Header header(String value, Copy.Direction direction) {
        if (value == null) {
            return Header.PRESENT;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> Header.PRESENT;
            case "false", "off", "0", "no" -> Header.NONE;
            case "match" -> {
                if (direction == Copy.Direction.TO) {
                    throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot use \"match\" with HEADER in COPY TO");
                }
                yield Header.MATCH;
            }
            default -> throw new SqlException(ErrorCode.SYNTAX_ERROR, "header requires a Boolean value or \"match\"");
        };
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return Set.copyOf(names);
    }

    private static byte singleByte(String value, String defaultValue, String what) {
        String text = value != null ? value : defaultValue;
        if (text.length() != 1 || text.charAt(0) > 127) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " must be a single one-byte character");
        }
        return (byte) text.charAt(0);
    }

    public CopyFormat format() {
        return format;
    }

    public byte delimiter() {
        return delimiter;
    }

    public String nullString() {
        return nullString;
    }

    public byte quote() {
        return quote;
    }

    public byte escape() {
        return escape;
    }

    public Header header() {
        return header;
    }

    public boolean forceQuote(String column) {
        return forceQuoteAll || forceQuote.contains(column);
    }

    public Set<String> forceQuoteColumns() {
        return forceQuote;
    }

    public Set<String> forceNotNullColumns() {
        return forceNotNull;
    }

    public Set<String> forceNullColumns() {
        return forceNull;
    }
}
