package io.weftdb.engine.aggregate;

import io.weftdb.engine.value.Json;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;

/**
 * json_object_agg/jsonb_object_agg(key, value): a JSON object of the pairs (values already json
 * text), written as PostgreSQL writes json_object_agg ({@code { "k" : v, ... }}), or canonical jsonb.
 */
final class JsonObjectAggAccumulator implements Accumulator {
    private final boolean binary;
    private StringBuilder text;

    JsonObjectAggAccumulator(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void add(Object[] arguments) {
        if (arguments[0] == null) {
            throw new SqlException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "field name must not be null");
        }
        text = text == null ? new StringBuilder("{ ") : text.append(", ");
        text.append(Json.quote((String) arguments[0])).append(" : ")
                .append(arguments[1] == null ? "null" : (String) arguments[1]);
    }

    @Override
    public Object result() {
        if (text == null) {
            return null;
        }
        String object = text + " }";
        return binary ? Json.normalize(object) : object;
    }
}
