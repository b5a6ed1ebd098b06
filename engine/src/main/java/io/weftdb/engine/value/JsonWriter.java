package io.weftdb.engine.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes a {@link JsonReader} tree in jsonb's canonical text form, or compactly (no spaces) for json. */
final class JsonWriter {
    private JsonWriter() {
    }

    static void write(Object node, StringBuilder out) {
        write(node, out, false);
    }

    static void write(Object node, StringBuilder out, boolean compact) {
        String comma = compact ? "," : ", ";
        if (node instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(comma);
                }
                first = false;
                writeString((String) entry.getKey(), out);
                out.append(compact ? ":" : ": ");
                write(entry.getValue(), out, compact);
            }
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(comma);
                }
                write(list.get(i), out, compact);
            }
            out.append(']');
        } else if (node instanceof String text) {
            writeString(text, out);
        } else if (node instanceof BigDecimal number) {
            out.append(number.toString().contains("E") ? number.toPlainString() : number.toString());
        } else {
            out.append(node);
        }
    }

    static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
