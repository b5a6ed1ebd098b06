package io.weftdb.http;

import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code text/csv}: for each statement that returns rows, a header line of column names and one line
 * per row, values in PostgreSQL's text form and quoted as PostgreSQL's COPY ... CSV quotes them
 * (NULL is an empty unquoted field, an empty string is {@code ""}), so the import endpoint reads
 * the output back unchanged. Statements without rows write nothing.
 */
final class CsvResultWriter implements ResultWriter {
    private final ResponseOutput output;
    private ZoneId zone;
    private final StringBuilder line = new StringBuilder();
    private DataType[] types;

    CsvResultWriter(ResponseOutput output) {
        this.output = output;
    }

    @Override
    public void beginRows(List<ResultColumn> columns, ZoneId zone) throws IOException {
        this.zone = zone;
        types = Json.types(columns);
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, columns.get(i).name());
        }
        writeLine();
    }

    @Override
    public void row(Object[] values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                appendField(line, TextFormat.format(values[i], types[i], zone));
            }
        }
        writeLine();
    }

    @Override
    public void endResult(String command, long rowCount, List<Notice> notices) {
        types = null;
    }

    @Override
    public void finish(long elapsedMillis) throws IOException {
        output.finish();
    }

    @Override
    public void flush() throws IOException {
        output.flush();
    }

    @Override
    public boolean failInBand(ApiError error) {
        return false;
    }

    @Override
    public ResponseOutput output() {
        return output;
    }

    /** Appends one non-null field, quoted when it would otherwise read back differently. */
    static void appendField(StringBuilder out, String value) {
        boolean quote = value.isEmpty() || value.equals("\\.");
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private void writeLine() throws IOException {
        line.append('\n');
        output.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
}
