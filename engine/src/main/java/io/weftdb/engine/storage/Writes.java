package io.weftdb.engine.storage;

/**
 * Puts and deletes that {@link Storage#write} applies atomically, handed over by replaying them in
 * order rather than as a list, so a large transaction's writes go from its own compact buffer
 * straight into the store's batch without an object per entry in between.
 */
public interface Writes {
    /** Where the operations are replayed to. */
    interface Receiver {
        void put(Keyspace keyspace, byte[] key, byte[] value);

        /** A put whose key and value are slices of larger arrays, read during the call only. */
        default void put(Keyspace keyspace, byte[] keySource, int keyOffset, int keyLength,
                         byte[] valueSource, int valueOffset, int valueLength) {
            put(keyspace, java.util.Arrays.copyOfRange(keySource, keyOffset, keyOffset + keyLength),
                    java.util.Arrays.copyOfRange(valueSource, valueOffset, valueOffset + valueLength));
        }

        void delete(Keyspace keyspace, byte[] key);

        /** Deletes every key in {@code [fromInclusive, toExclusive)}. */
        void deleteRange(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive);
    }

    /** Replays every operation, in the order they must apply. */
    void replay(Receiver receiver);

    boolean isEmpty();
}
