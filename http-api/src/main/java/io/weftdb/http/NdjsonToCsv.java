package io.weftdb.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.weftdb.engine.ResultColumn;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns an NDJSON import body into the CSV records COPY reads, one record per line, so a failing
 * row is reported by its NDJSON line. A line is an object (keys are column names, fixed by the first
 * line; a missing key is NULL) or an array (every column of the table, in order). Values are read
 * as the export writes them: bytea as base64, arrays as JSON arrays, json columns as any JSON.
 */
final class NdjsonToCsv implements AutoCloseable {
    private final BufferedReader reader;
    private JsonNode pending;
    private List<String> columns;
    private DataType[] types;
    private long lineNumber;

    NdjsonToCsv(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The columns the lines give, from the first line: its keys, or empty (all columns) for an array. */
    List<String> columns() throws IOException {
        pending = read();
        columns = new ArrayList<>();
        if (pending != null && pending.isObject()) {
            pending.fieldNames().forEachRemaining(columns::add);
        }
        return columns;
    }

    /** The types of the columns COPY loads, in the order of the records. */
    void useTypes(List<ResultColumn> loaded) {
        types = Json.types(loaded);
        if (columns.isEmpty()) {
            loaded.forEach(column -> columns.add(column.name()));
        }
    }

    /** The next line as a CSV record (with its newline), or null at the end of the body. */
    byte[] next() throws IOException {
        JsonNode line = pending != null ? pending : read();
        pending = null;
        if (line == null) {
            return null;
        }
        StringBuilder record = new StringBuilder();
        if (line.isObject()) {
            for (Map.Entry<String, JsonNode> field : line.properties()) {
                String name = field.getKey();
                if (!columns.contains(name)) {
                    throw lineError("key \"" + name + "\" is not among the columns of the first line " + columns);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                appendValue(record, i, line.get(columns.get(i)));
            }
        } else if (line.isArray()) {
            if (line.size() != types.length) {
                throw lineError("the array has " + line.size() + " values for " + types.length + " columns");
            }
            for (int i = 0; i < types.length; i++) {
                appendValue(record, i, line.get(i));
            }
        } else {
            throw lineError("a line must be a JSON object or array");
        }
        record.append('\n');
        return record.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The line of the body last read (1-based, blank lines counted). */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private JsonNode read() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            try {
                return Json.MAPPER.readTree(text);
            } catch (JacksonException e) {
                throw lineError("not valid JSON: " + e.getOriginalMessage());
            }
        }
        return null;
    }

    private void appendValue(StringBuilder record, int index, JsonNode value) {
        if (index > 0) {
            record.append(',');
        }
        if (value == null || value.isNull()) {
            return;
        }
        CsvResultWriter.appendField(record, text(value, types[index]));
    }

    /** The PostgreSQL text form of a JSON value for a column of {@code type}. */
    private String text(JsonNode value, DataType type) {
        if (type.kind() == TypeKind.JSON || type.kind() == TypeKind.JSONB) {
            return value.toString();
        }
        if (type.kind() == TypeKind.ARRAY) {
            if (!value.isArray()) {
                return scalar(value, type);
            }
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    literal.append(',');
                }
                JsonNode element = value.get(i);
                if (element.isNull()) {
                    literal.append("NULL");
                } else {
                    String text = element.isArray() ? text(element, type) : scalar(element, type.element());
                    literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            return literal.append('}').toString();
        }
        return scalar(value, type);
    }

    private String scalar(JsonNode value, DataType type) {
        if (value.isContainerNode()) {
            throw lineError("a " + type.sqlName() + " value cannot be a JSON " + (value.isArray() ? "array" : "object"));
        }
        if (type.kind() == TypeKind.BYTEA && value.isTextual()) {
            try {
                return "\\x" + HexFormat.of().formatHex(Base64.getDecoder().decode(value.textValue()));
            } catch (IllegalArgumentException e) {
                throw lineError("a bytea value is base64 text: " + e.getMessage());
            }
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private ApiError lineError(String message) {
        return new ApiError(400, "22P02", "line " + lineNumber + ": " + message).atLine(lineNumber);
    }
}
