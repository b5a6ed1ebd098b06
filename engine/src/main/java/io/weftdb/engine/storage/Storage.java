package io.weftdb.engine.storage;

/**
 * The storage SPI the engine owns: an ordered, durable key-value store with point-in-time snapshots
 * and atomic batch writes. Transactions, locking and the undo log live in the engine above it, so
 * any store with these four abilities can replace RocksDB.
 *
 * <p>Keys compare as unsigned byte strings. Implementations are thread-safe.
 */
public interface Storage extends AutoCloseable {

    /** A consistent read view as of now; later writes are invisible to it. Must be closed. */
    ReadView snapshot();

    /** A read view that always sees the latest committed state (each read may see newer data). */
    ReadView latest();

    /**
     * Applies every operation of {@code writes} atomically. With {@code sync} the call returns only
     * once they are durable (write-ahead log flushed to disk).
     */
    void write(Writes writes, boolean sync);

    /** Approximate bytes stored in a key range, for statistics and pg_relation_size. */
    long approximateSize(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive);

    /** Flushes memory buffers so a restart replays little; called on clean shutdown. */
    void flush();

    /**
     * Writes a consistent copy of the whole store as of one instant into {@code target}, a directory
     * that must not exist yet (its parent is created), while reads and writes go on. The copy opens as
     * a store of its own: this is how a live database is backed up.
     *
     * @throws StorageException UNUSABLE when {@code target} exists or the store cannot copy itself,
     *     IO when writing the copy fails
     */
    void checkpoint(java.nio.file.Path target);

    /** Implementation counters for status pages (name -> value, in the implementation's own terms). */
    java.util.Map<String, String> statistics();

    /** Figures for monitoring: memory buffers, flushes, compactions, files, caches. */
    java.util.List<StorageMetric> metrics();

    @Override
    void close();
}
