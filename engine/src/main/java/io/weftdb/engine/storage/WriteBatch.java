package io.weftdb.engine.storage;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of puts and deletes applied atomically by {@link Storage#write}. */
public final class WriteBatch {
    /**
     * One operation: a put (value set), a point delete (value and rangeEnd null) or a range delete of
     * {@code [key, rangeEnd)} (rangeEnd set).
     */
    public record Operation(Keyspace keyspace, byte[] key, byte[] value, byte[] rangeEnd) {
        public boolean isRangeDelete() {
            return rangeEnd != null;
        }
    }

    private final List<Operation> operations = new ArrayList<>();

    public WriteBatch put(Keyspace keyspace, byte[] key, byte[] value) {
        operations.add(new Operation(keyspace, key, value, null));
        return this;
    }

    public WriteBatch delete(Keyspace keyspace, byte[] key) {
        operations.add(new Operation(keyspace, key, null, null));
        return this;
    }

    /** Deletes every key in {@code [fromInclusive, toExclusive)}: how dropped and truncated tables are removed. */
    public WriteBatch deleteRange(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        operations.add(new Operation(keyspace, fromInclusive, null, toExclusive));
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
}
