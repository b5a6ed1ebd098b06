package io.weftdb.engine.storage;

/**
 * The separate ordered key spaces the engine stores into. A storage implementation keeps each one
 * apart (RocksDB: one column family each) so they can be tuned and scanned independently.
 */
public enum Keyspace {
    /** Catalog objects: databases, schemas, tables, indexes, sequences; written transactionally. */
    CATALOG,
    /** Table rows and secondary-index entries, keyed by the memcomparable key encoding. */
    DATA,
    /** Sequence counters: written outside transactions, as nextval() is never rolled back. */
    SEQUENCES
}
