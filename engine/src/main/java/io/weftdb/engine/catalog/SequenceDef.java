package io.weftdb.engine.catalog;

import io.weftdb.ir.type.DataType;

/**
 * A sequence. Its current value lives in the SEQUENCES keyspace, outside transactions, because
 * nextval() is never rolled back. {@code ownerTableId} is set for SERIAL/identity sequences.
 */
public record SequenceDef(long id, long schemaId, String name, DataType type, long increment, long minValue,
                          long maxValue, long start, long cache, boolean cycle, long ownerTableId, int ownerColumnId)
        implements CatalogObject {
    public SequenceDef withName(String newName) {
        return new SequenceDef(id, schemaId, newName, type, increment, minValue, maxValue, start, cache, cycle,
                ownerTableId, ownerColumnId);
    }
}
