package io.weftdb.engine.storage;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of puts and deletes applied atomically by {@link Storage#write}. */
public final class WriteBatch {
    /** One operation; a null value is a delete. */
    public record Operation(Keyspace keyspace, byte[] key, byte[] value) {}

    private final List<Operation> operations = new ArrayList<>();
    private long bytes;

    public WriteBatch put(Keyspace keyspace, byte[] key, byte[] value) {
        operations.add(new Operation(keyspace, key, value));
        bytes += key.length + value.length;
        return this;
    }

    public WriteBatch delete(Keyspace keyspace, byte[] key) {
        operations.add(new Operation(keyspace, key, null));
        bytes += key.length;
        return this;
    }

    public List<Operation> operations() {
        return operations;
    }

    public int size() {
        return operations.size();
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** Payload bytes (keys plus values), to decide when a bulk load should flush a batch. */
    public long byteSize() {
        return bytes;
    }
}
