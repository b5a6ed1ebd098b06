package io.weftdb.compat.corpus;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The type letter of a query column, which decides how a value is normalised before the text
 * comparison: protocols spell the same value differently (PostgreSQL's {@code t}, MySQL's {@code 1},
 * JSON's {@code true}; {@code 1.50} and {@code 1.5} as floats).
 */
public enum ColumnKind {
    /** Integers, compared as the text the protocol sends. */
    INTEGER('I'),
    /** Text (and any type compared by its exact text, numeric included). */
    TEXT('T'),
    /** Floating point: compared by value, without trailing zeros. */
    REAL('R'),
    /** Booleans: t/true/1 read as {@code true}, f/false/0 as {@code false}. */
    BOOLEAN('B');

    private final char letter;

    ColumnKind(char letter) {
        this.letter = letter;
    }

    public static ColumnKind of(char letter) {
        for (ColumnKind kind : values()) {
            if (kind.letter == letter) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + letter + "' (expected I, T, R or B)");
    }

    /** The text a value is compared by; {@code null} is {@code NULL}, the empty string {@code (empty)}. */
    public String normalise(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.isEmpty()) {
            return "(empty)";
        }
        return switch (this) {
            case INTEGER, TEXT -> value;
            case REAL -> real(value);
            case BOOLEAN -> bool(value);
        };
    }

    private static String real(String value) {
        try {
            BigDecimal number = new BigDecimal(value.trim());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value; // NaN, Infinity: compared as written
        }
    }

    private static String bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "1" -> "true";
            case "f", "false", "0" -> "false";
            default -> value;
        };
    }
}
