package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code application/x-ndjson}: one JSON value per line. Per statement a {@code {"columns":[...]}}
 * line when it returns rows, one array per row, then {@code {"command","rowCount"}}; the stream
 * ends with {@code {"done":true,"elapsedMs"}} or, after a failure, {@code {"error":{...}}}, so a
 * client can tell a complete stream from a cut one.
 */
final class NdjsonResultWriter implements ResultWriter {
    private final ResponseOutput output;
    private final JsonGenerator json;
    private ZoneId zone;
    private DataType[] types;

    NdjsonResultWriter(ResponseOutput output) throws IOException {
        this.output = output;
        this.json = Json.generator(output);
        json.setRootValueSeparator(null);
    }

    @Override
    public void beginRows(List<ResultColumn> columns, ZoneId zone) throws IOException {
        this.zone = zone;
        json.writeStartObject();
        Json.writeColumns(json, columns);
        json.writeEndObject();
        json.writeRaw('\n');
        types = Json.types(columns);
    }

    @Override
    public void row(Object[] values) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < types.length; i++) {
            JsonValues.write(json, values[i], types[i], zone);
        }
        json.writeEndArray();
        json.writeRaw('\n');
    }

    @Override
    public void endResult(String command, long rowCount, List<Notice> notices) throws IOException {
        types = null;
        json.writeStartObject();
        Json.writeCompletion(json, command, rowCount, notices);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish(long elapsedMillis) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("done", true);
        json.writeNumberField("elapsedMs", elapsedMillis);
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
        output.finish();
    }

    @Override
    public void flush() throws IOException {
        json.flush();
        output.flush();
    }

    @Override
    public boolean failInBand(ApiError error) throws IOException {
        Json.writeError(json, error);
        json.writeRaw('\n');
        json.close();
        output.finish();
        return true;
    }

    @Override
    public ResponseOutput output() {
        return output;
    }
}
