package io.weftdb.engine.storage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A hand-written test fake of the storage SPI: sorted maps guarded by one lock; a snapshot is a
 * copy. Enough for engine unit tests; the contract itself is proven against RocksDB.
 */
public final class InMemoryStorage implements Storage {
    private final Map<Keyspace, NavigableMap<byte[], byte[]>> data = new EnumMap<>(Keyspace.class);

    public InMemoryStorage() {
        for (Keyspace keyspace : Keyspace.values()) {
            data.put(keyspace, new TreeMap<>(Arrays::compareUnsigned));
        }
    }

    @Override
    public synchronized ReadView snapshot() {
        Map<Keyspace, NavigableMap<byte[], byte[]>> copy = new EnumMap<>(Keyspace.class);
        data.forEach((keyspace, map) -> copy.put(keyspace, new TreeMap<>(map)));
        return new View(copy);
    }

    @Override
    public ReadView latest() {
        return snapshot();
    }

    @Override
    public synchronized void write(Writes writes, boolean sync) {
        writes.replay(new Writes.Receiver() {
            @Override
            public void put(Keyspace keyspace, byte[] key, byte[] value) {
                data.get(keyspace).put(key, value);
            }

            @Override
            public void delete(Keyspace keyspace, byte[] key) {
                data.get(keyspace).remove(key);
            }

            @Override
            public void deleteRange(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
                data.get(keyspace).subMap(fromInclusive, true, toExclusive, false).clear();
            }
        });
    }

    @Override
    public long approximateSize(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        return 0;
    }

    @Override
    public void flush() {
    }

    /** Nothing of this store is on disk, so there is nothing a checkpoint could copy. */
    @Override
    public void checkpoint(java.nio.file.Path target) {
        throw new StorageException(StorageException.Reason.UNUSABLE,
                "the in-memory store keeps no files and cannot write a checkpoint to " + target);
    }

    @Override
    public Map<String, String> statistics() {
        return Map.of();
    }

    @Override
    public java.util.List<StorageMetric> metrics() {
        return java.util.List.of();
    }

    @Override
    public void close() {
    }

    private record View(Map<Keyspace, NavigableMap<byte[], byte[]>> data) implements ReadView {
        @Override
        public byte[] get(Keyspace keyspace, byte[] key) {
            return data.get(keyspace).get(key);
        }

        @Override
        public KeyCursor scan(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
            NavigableMap<byte[], byte[]> map = data.get(keyspace);
            NavigableMap<byte[], byte[]> range = fromInclusive == null && toExclusive == null ? map
                    : fromInclusive == null ? map.headMap(toExclusive, false)
                    : toExclusive == null ? map.tailMap(fromInclusive, true)
                    : map.subMap(fromInclusive, true, toExclusive, false);
            Iterator<Map.Entry<byte[], byte[]>> entries = range.entrySet().iterator();
            return new KeyCursor() {
                private Map.Entry<byte[], byte[]> current;

                @Override
                public boolean next() {
                    current = entries.hasNext() ? entries.next() : null;
                    return current != null;
                }

                @Override
                public byte[] key() {
                    return current.getKey();
                }

                @Override
                public byte[] value() {
                    return current.getValue();
                }

                @Override
                public void seek(byte[] key) {
                    throw new UnsupportedOperationException("the fake reads front to back");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
