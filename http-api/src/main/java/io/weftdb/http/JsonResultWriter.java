package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code application/json}: {@code {"results":[{"columns":[...],"rows":[[...]],"command","rowCount"}],
 * "elapsedMs"}}, one result per statement.
 */
final class JsonResultWriter implements ResultWriter {
    private final ResponseOutput output;
    private final JsonGenerator json;
    private ZoneId zone;
    private DataType[] types;

    JsonResultWriter(ResponseOutput output) throws IOException {
        this.output = output;
        this.json = Json.generator(output);
        json.writeStartObject();
        json.writeArrayFieldStart("results");
    }

    @Override
    public void beginRows(List<ResultColumn> columns, ZoneId zone) throws IOException {
        this.zone = zone;
        json.writeStartObject();
        Json.writeColumns(json, columns);
        types = Json.types(columns);
        json.writeArrayFieldStart("rows");
    }

    @Override
    public void row(Object[] values) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < types.length; i++) {
            JsonValues.write(json, values[i], types[i], zone);
        }
        json.writeEndArray();
    }

    @Override
    public void endResult(String command, long rowCount, List<Notice> notices) throws IOException {
        if (types != null) {
            json.writeEndArray();
            types = null;
        } else {
            json.writeStartObject();
        }
        Json.writeCompletion(json, command, rowCount, notices);
        json.writeEndObject();
    }

    @Override
    public void finish(long elapsedMillis) throws IOException {
        json.writeEndArray();
        json.writeNumberField("elapsedMs", elapsedMillis);
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
        output.finish();
    }

    @Override
    public void flush() {
        // A JSON document is one value: it is sent as it fills the output, not row by row.
    }

    @Override
    public boolean failInBand(ApiError error) {
        return false;
    }

    @Override
    public ResponseOutput output() {
        return output;
    }
}
