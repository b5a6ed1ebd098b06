package io.weftdb.engine.storage;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of puts and deletes applied atomically by {@link Storage#write}, built by hand for small writes. */
public final class WriteBatch implements Writes {
    /**
     * One operation: a put (value set), a point delete (value and rangeEnd null) or a range delete of
     * {@code [key, rangeEnd)} (rangeEnd set).
     */
    private record Operation(Keyspace keyspace, byte[] key, byte[] value, byte[] rangeEnd) {
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

    @Override
    public void replay(Receiver receiver) {
        for (Operation operation : operations) {
            if (operation.isRangeDelete()) {
                receiver.deleteRange(operation.keyspace(), operation.key(), operation.rangeEnd());
            } else if (operation.value() == null) {
                receiver.delete(operation.keyspace(), operation.key());
            } else {
                receiver.put(operation.keyspace(), operation.key(), operation.value());
            }
        }
    }

    @Override
    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
