package io.weftdb.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weftdb.engine.Notice;
import io.weftdb.engine.ResultColumn;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The JSON pieces every response shares: columns, a statement's completion, an error. */
final class Json {
    /** Decimals read exactly: a numeric parameter keeps every digit the client sent. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // The generator only fills its buffer into the output; the output decides when bytes go out.
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    static DataType[] types(List<ResultColumn> columns) {
        DataType[] types = new DataType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }

    static void writeColumns(JsonGenerator json, List<ResultColumn> columns) throws IOException {
        json.writeArrayFieldStart("columns");
        for (ResultColumn column : columns) {
            json.writeStartObject();
            json.writeStringField("name", column.name());
            json.writeStringField("type", column.type().sqlName());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code "command", "rowCount"} (null when the command counts nothing) and any notices. */
    static void writeCompletion(JsonGenerator json, String command, long rowCount, List<Notice> notices) throws IOException {
        json.writeStringField("command", command);
        if (rowCount >= 0) {
            json.writeNumberField("rowCount", rowCount);
        } else {
            json.writeNullField("rowCount");
        }
        if (!notices.isEmpty()) {
            json.writeArrayFieldStart("notices");
            for (Notice notice : notices) {
                json.writeStartObject();
                json.writeStringField("severity", notice.severity());
                json.writeStringField("message", notice.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    /** {@code {"error":{"code","message","position"?,"detail"?,"hint"?,"line"?}}}. */
    static void writeError(JsonGenerator json, ApiError error) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("error");
        json.writeStringField("code", error.code());
        json.writeStringField("message", error.getMessage());
        if (error.position() > 0) {
            json.writeNumberField("position", error.position());
        }
        if (error.detail() != null) {
            json.writeStringField("detail", error.detail());
        }
        if (error.hint() != null) {
            json.writeStringField("hint", error.hint());
        }
        if (error.line() > 0) {
            json.writeNumberField("line", error.line());
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
