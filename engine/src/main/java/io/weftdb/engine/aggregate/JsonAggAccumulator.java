package io.weftdb.engine.aggregate;

import io.weftdb.engine.value.Json;

/**
 * json_agg/jsonb_agg(value): a JSON array of the values (each already json text; SQL NULL becomes
 * JSON null), written as PostgreSQL writes json_agg, or in jsonb's canonical form.
 */
final class JsonAggAccumulator implements Accumulator {
    private final boolean binary;
    private StringBuilder text;

    JsonAggAccumulator(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void add(Object[] arguments) {
        text = text == null ? new StringBuilder("[") : text.append(", ");
        text.append(arguments[0] == null ? "null" : (String) arguments[0]);
    }

    @Override
    public Object result() {
        if (text == null) {
            return null;
        }
        String array = text + "]";
        return binary ? Json.normalize(array) : array;
    }
}
