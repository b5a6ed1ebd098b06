package io.weftdb.engine.storage;

/** Reads against one state of a {@link Storage}. Not thread-safe; close it when done. */
public interface ReadView extends AutoCloseable {

    /** The value stored under {@code key}, or null. */
    byte[] get(Keyspace keyspace, byte[] key);

    /**
     * Keys in {@code [fromInclusive, toExclusive)} in ascending order; a null bound is open. The
     * cursor must be closed before this view.
     */
    KeyCursor scan(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive);

    @Override
    void close();
}
