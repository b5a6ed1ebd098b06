package io.weftdb.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Writes SQL values as JSON that reads back without loss: JSON numbers only where every
 * JavaScript client holds the value exactly (smallint, integer, finite floats); bigint and numeric
 * as decimal strings; bytea as base64; dates and times as ISO-8601 (timestamptz with the
 * session's offset); interval in PostgreSQL's text form; json and jsonb embedded as JSON.
 */
final class JsonValues {
    private JsonValues() {
    }

    static void write(JsonGenerator out, Object value, DataType type, ZoneId zone) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case SMALLINT, INTEGER -> out.writeNumber((Long) value);
            case BIGINT -> out.writeString(value.toString());
            case REAL, DOUBLE -> {
                double number = (Double) value;
                if (Double.isFinite(number)) {
                    out.writeNumber(type.kind() == io.weftdb.ir.type.TypeKind.REAL ? Float.toString((float) number)
                            : Double.toString(number));
                } else {
                    // JSON has no NaN or Infinity: PostgreSQL's spelling, as a string.
                    out.writeString(TextFormat.format(value, type, zone));
                }
            }
            case NUMERIC -> out.writeString(((BigDecimal) value).toPlainString());
            case BYTEA -> out.writeString(Base64.getEncoder().encodeToString(((Bytes) value).unsafeArray()));
            case DATE -> out.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value));
            case TIME -> out.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value));
            case TIMESTAMP -> out.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value));
            case TIMESTAMPTZ -> out.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(((Instant) value).atZone(zone)));
            case JSON, JSONB -> out.writeRawValue((String) value);
            case ARRAY -> {
                out.writeStartArray();
                for (Object element : (List<?>) value) {
                    write(out, element, type.element(), zone);
                }
                out.writeEndArray();
            }
            case TEXT, VARCHAR, CHAR, UUID, INTERVAL, UNKNOWN -> out.writeString(TextFormat.format(value, type, zone));
        }
    }
}
