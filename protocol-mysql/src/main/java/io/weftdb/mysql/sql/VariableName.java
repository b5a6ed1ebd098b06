package io.weftdb.mysql.sql;

import java.util.Locale;

/** A {@code @@[global.|session.|local.]name} token split into its scope and lower-cased name. */
record VariableName(String name, boolean global) {
    static VariableName parse(String token) {
        String text = token.substring(2).toLowerCase(Locale.ROOT);
        if (text.startsWith("global.")) {
            return new VariableName(text.substring(7), true);
        }
        if (text.startsWith("session.")) {
            return new VariableName(text.substring(8), false);
        }
        if (text.startsWith("local.")) {
            return new VariableName(text.substring(6), false);
        }
        return new VariableName(text, false);
    }
}
