package io.weftdb.storage.rocksdb;

/**
 * The RocksDB settings an operator may want to size to the machine.
 *
 * @param blockCacheBytes size of the LRU block cache shared by all keyspaces (uncompressed blocks)
 * @param writeBufferBytes size of one memtable per keyspace before it is flushed to disk
 * @param backgroundThreads threads for flushes and compactions; the defaults suit a 2-core box,
 *     where more would only compete with query execution
 */
public record RocksStorageOptions(long blockCacheBytes, long writeBufferBytes, int backgroundThreads) {
    private static final long MEBIBYTE = 1024L * 1024L;

    public RocksStorageOptions {
        if (blockCacheBytes <= 0) {
            throw new IllegalArgumentException("block cache size must be positive: " + blockCacheBytes);
        }
        if (writeBufferBytes < MEBIBYTE) {
            throw new IllegalArgumentException("write buffer size must be at least 1 MiB: " + writeBufferBytes);
        }
        if (backgroundThreads < 1) {
            throw new IllegalArgumentException("at least one background thread is needed: " + backgroundThreads);
        }
    }

    /** 128 MiB block cache, 32 MiB memtables, 2 background threads. */
    public static RocksStorageOptions defaults() {
        return new RocksStorageOptions(128 * MEBIBYTE, 32 * MEBIBYTE, 2);
    }
}
