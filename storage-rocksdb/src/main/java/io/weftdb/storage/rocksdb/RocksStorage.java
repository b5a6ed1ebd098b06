package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.StorageMetric;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.engine.storage.Writes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.HyperClockCache;
import org.rocksdb.Range;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * The engine's {@link Storage} on RocksDB: one column family per {@link Keyspace} (named by its
 * lower-case name) beside RocksDB's required "default" family, which stays empty.
 *
 * <p>Tuned for a small machine: LZ4 on every level, a 10-bit-per-key bloom filter so point reads
 * of absent keys (unique checks) rarely touch disk, one LRU block cache shared by all keyspaces
 * with index and filter blocks inside it (so memory is bounded by the cache size), two background
 * threads, and no pipelined writes (they only pay off with many concurrent writers).
 *
 * <p>Native objects are closed in dependency order on {@link #close()}: open cursors and views
 * (releasing their snapshots), then column family handles, the database, and last the options,
 * cache and filter the database was reading.
 */
public final class RocksStorage implements Storage {
    private static final List<String> FAMILY_PROPERTIES = List.of("rocksdb.estimate-num-keys",
            "rocksdb.total-sst-files-size", "rocksdb.cur-size-all-mem-tables", "rocksdb.estimate-live-data-size");
    private static final List<String> DATABASE_PROPERTIES = List.of("rocksdb.num-running-compactions",
            "rocksdb.num-running-flushes", "rocksdb.block-cache-usage");
    private static final int BLOOM_BITS_PER_KEY = 10;
    private static final long BLOCK_SIZE = 16 * 1024;
    private static final int MAX_INFO_LOG_FILES = 5;
    private static final long MAX_INFO_LOG_BYTES = 16L * 1024 * 1024;
    private static final long BYTES_PER_SYNC = 1024L * 1024;

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final RocksDB db;
    /** Handles by {@link Keyspace#ordinal()}, so a read finds its family without a map lookup. */
    private final ColumnFamilyHandle[] families;
    private final ColumnFamilyHandle defaultFamily;
    private final NativeSettings settings;
    private final WriteOptions syncWrites;
    private final WriteOptions bufferedWrites;
    private final SnapshotPool snapshots;
    /** Options for reads of the latest state; shared, they are only read. */
    private final ReadOptions latestReads = new ReadOptions();
    /** Views with open cursors, closed before the database is. */
    private final Set<RocksReadView> openViews = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RocksStorage(Path directory, RocksDB db, List<ColumnFamilyHandle> handles, NativeSettings settings) {
        this.directory = directory;
        this.db = db;
        this.settings = settings;
        this.defaultFamily = handles.get(0);
        this.families = handles.subList(1, handles.size()).toArray(ColumnFamilyHandle[]::new);
        this.syncWrites = new WriteOptions().setSync(true);
        this.bufferedWrites = new WriteOptions().setSync(false);
        this.snapshots = new SnapshotPool(db);
    }

    /**
     * Opens (creating if needed) the database in {@code directory}.
     *
     * @throws StorageException with reason LOCKED when another process (or another open storage in
     *     this JVM) holds the directory, UNUSABLE when it is not a usable directory or its data is
     *     damaged
     */
    public static RocksStorage open(Path directory, RocksStorageOptions options) {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException notDirectory) {
            throw new StorageException(StorageException.Reason.UNUSABLE,
                    "data directory " + directory + " exists but is not a directory", notDirectory);
        } catch (IOException | SecurityException failure) {
            throw new StorageException(StorageException.Reason.UNUSABLE,
                    "data directory " + directory + " cannot be created: " + failure, failure);
        }
        NativeSettings settings = new NativeSettings(options);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, settings.familyOptions));
        for (Keyspace keyspace : Keyspace.values()) {
            descriptors.add(new ColumnFamilyDescriptor(familyName(keyspace), settings.familyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(settings.databaseOptions, directory.toString(), descriptors, handles);
            return new RocksStorage(directory, db, handles, settings);
        } catch (RocksDBException failure) {
            handles.forEach(ColumnFamilyHandle::close);
            settings.close();
            throw RocksFailures.open(directory, failure);
        }
    }

    /** The column family name of a keyspace, e.g. "data". */
    static byte[] familyName(Keyspace keyspace) {
        return keyspace.name().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public ReadView snapshot() {
        requireOpen();
        SharedSnapshot snapshot = snapshots.acquire();
        return new RocksReadView(this, snapshot, snapshot.readOptions());
    }

    @Override
    public ReadView latest() {
        requireOpen();
        return new RocksReadView(this, null, latestReads);
    }

    @Override
    public void write(Writes writes, boolean sync) {
        requireOpen();
        if (writes.isEmpty()) {
            return;
        }
        try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
            writes.replay(new BatchFiller(batch, families));
            db.write(sync ? syncWrites : bufferedWrites, batch);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("write", failure);
        }
    }

    @Override
    public long approximateSize(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        requireOpen();
        ColumnFamilyHandle family = family(keyspace);
        byte[] limit = toExclusive != null ? toExclusive : pastLastKey(family);
        if (limit == null) {
            return 0;
        }
        byte[] start = fromInclusive != null ? fromInclusive : new byte[0];
        if (Arrays.compareUnsigned(start, limit) >= 0) {
            return 0;
        }
        try (Slice startSlice = new Slice(start); Slice limitSlice = new Slice(limit)) {
            long[] sizes = db.getApproximateSizes(family, List.of(new Range(startSlice, limitSlice)),
                    SizeApproximationFlag.INCLUDE_FILES, SizeApproximationFlag.INCLUDE_MEMTABLES);
            return sizes[0];
        }
    }

    /** A key just above the family's last key (an open upper bound made concrete), or null if empty. */
    private byte[] pastLastKey(ColumnFamilyHandle family) {
        try (RocksIterator iterator = db.newIterator(family)) {
            iterator.seekToLast();
            if (!iterator.isValid()) {
                return null;
            }
            byte[] last = iterator.key();
            return Arrays.copyOf(last, last.length + 1);
        }
    }

    @Override
    public void flush() {
        requireOpen();
        try (FlushOptions flushOptions = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flushOptions, Arrays.asList(families));
        } catch (RocksDBException failure) {
            throw RocksFailures.io("flush", failure);
        }
    }

    /**
     * RocksDB's checkpoint: SST files are hard-linked (copied across file systems) and the
     * write-ahead log still needed is copied, so every keyspace is captured at the same sequence
     * number without stopping writers.
     */
    @Override
    public void checkpoint(Path target) {
        requireOpen();
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new StorageException(StorageException.Reason.UNUSABLE, "backup directory " + absolute + " already exists");
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException | SecurityException failure) {
            throw new StorageException(StorageException.Reason.UNUSABLE,
                    "backup directory " + absolute + " cannot be created: " + failure, failure);
        }
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(absolute.toString());
        } catch (RocksDBException failure) {
            throw RocksFailures.io("checkpoint into " + absolute, failure);
        }
    }

    /**
     * Per-keyspace RocksDB properties as {@code "<keyspace>.<property>"} (e.g.
     * {@code "data.rocksdb.estimate-num-keys"}), their sums over all keyspaces under the plain
     * property name, and a few database-wide properties.
     */
    @Override
    public Map<String, String> statistics() {
        requireOpen();
        Map<String, String> statistics = new LinkedHashMap<>();
        try {
            for (String property : FAMILY_PROPERTIES) {
                long total = 0;
                for (Keyspace keyspace : Keyspace.values()) {
                    long value = db.getLongProperty(family(keyspace), property);
                    statistics.put(keyspace.name().toLowerCase(Locale.ROOT) + "." + property, Long.toString(value));
                    total += value;
                }
                statistics.put(property, Long.toString(total));
            }
            for (String property : DATABASE_PROPERTIES) {
                statistics.put(property, db.getProperty(defaultFamily, property));
            }
        } catch (RocksDBException failure) {
            throw RocksFailures.io("reading statistics", failure);
        }
        return Collections.unmodifiableMap(statistics);
    }

    /**
     * RocksDB's figures per keyspace (memtables, flushes, compactions, files) and for the whole store
     * (running background jobs, block cache, write stalls), read from properties: no statistics
     * object is kept, so nothing is counted on the write path for them.
     */
    @Override
    public List<StorageMetric> metrics() {
        requireOpen();
        List<StorageMetric> metrics = new ArrayList<>();
        try {
            for (Keyspace keyspace : Keyspace.values()) {
                ColumnFamilyHandle handle = family(keyspace);
                for (PropertyMetric property : KEYSPACE_METRICS) {
                    metrics.add(new StorageMetric(property.name(), property.help(), false, keyspace,
                            number(db.getProperty(handle, property.property()))));
                }
                Map<String, String> compactions = db.getMapProperty(handle, "rocksdb.cfstats");
                metrics.add(new StorageMetric("compactions_total", "Flushes and compactions run since the start.", true,
                        keyspace, number(compactions, "compaction.Sum.CompCount")));
                metrics.add(new StorageMetric("compaction_seconds_total", "Time flushes and compactions took.", true,
                        keyspace, number(compactions, "compaction.Sum.CompSec")));
                metrics.add(new StorageMetric("compaction_read_bytes_total", "Bytes flushes and compactions read.", true,
                        keyspace, number(compactions, "compaction.Sum.ReadGB") * GIB));
                metrics.add(new StorageMetric("compaction_written_bytes_total", "Bytes flushes and compactions wrote.",
                        true, keyspace, number(compactions, "compaction.Sum.WriteGB") * GIB));
            }
            for (PropertyMetric property : STORE_METRICS) {
                metrics.add(new StorageMetric(property.name(), property.help(), false, null,
                        number(db.getProperty(defaultFamily, property.property()))));
            }
        } catch (RocksDBException failure) {
            throw RocksFailures.io("reading metrics", failure);
        }
        return metrics;
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    /** A RocksDB integer property exported as a gauge. */
    private record PropertyMetric(String name, String property, String help) {}

    private static final List<PropertyMetric> KEYSPACE_METRICS = List.of(
            new PropertyMetric("memtable_bytes", "rocksdb.cur-size-all-mem-tables", "Bytes in memtables, active and immutable."),
            new PropertyMetric("immutable_memtables", "rocksdb.num-immutable-mem-table", "Memtables full and waiting to be flushed."),
            new PropertyMetric("memtable_flush_pending", "rocksdb.mem-table-flush-pending", "1 when a memtable flush is pending."),
            new PropertyMetric("compaction_pending", "rocksdb.compaction-pending", "1 when a compaction is pending."),
            new PropertyMetric("compaction_pending_bytes", "rocksdb.estimate-pending-compaction-bytes",
                    "Bytes compaction must rewrite to bring every level under its target size."),
            new PropertyMetric("level0_files", "rocksdb.num-files-at-level0", "SST files in level 0 (many slow down reads and stall writes)."),
            new PropertyMetric("sst_bytes", "rocksdb.total-sst-files-size", "Bytes of SST files."),
            new PropertyMetric("live_data_bytes", "rocksdb.estimate-live-data-size", "Estimated bytes of live data."),
            new PropertyMetric("keys", "rocksdb.estimate-num-keys", "Estimated number of keys."));

    private static final List<PropertyMetric> STORE_METRICS = List.of(
            new PropertyMetric("running_flushes", "rocksdb.num-running-flushes", "Memtable flushes running."),
            new PropertyMetric("running_compactions", "rocksdb.num-running-compactions", "Compactions running."),
            new PropertyMetric("block_cache_bytes", "rocksdb.block-cache-usage", "Bytes held by the block cache."),
            new PropertyMetric("write_stopped", "rocksdb.is-write-stopped", "1 while writes are stopped (too many L0 files or memtables)."),
            new PropertyMetric("delayed_write_rate", "rocksdb.actual-delayed-write-rate",
                    "Bytes per second writes are slowed to; 0 when they are not."));

    private static double number(Map<String, String> map, String key) {
        return number(map.get(key));
    }

    /** A property's number; 0 for one this RocksDB does not give. */
    private static double number(String value) {
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Closes every open view, makes the write-ahead log durable and frees all native objects. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        StorageException failure = null;
        for (RocksReadView view : List.copyOf(openViews)) {
            view.close();
        }
        snapshots.close();
        latestReads.close();
        try {
            db.flushWal(true);
        } catch (RocksDBException walFailure) {
            failure = RocksFailures.io("flushing the write-ahead log", walFailure);
        }
        for (ColumnFamilyHandle family : families) {
            family.close();
        }
        defaultFamily.close();
        try {
            db.closeE();
        } catch (RocksDBException closeFailure) {
            if (failure == null) {
                failure = RocksFailures.io("closing the database", closeFailure);
            }
        }
        syncWrites.close();
        bufferedWrites.close();
        settings.close();
        if (failure != null) {
            throw failure;
        }
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle family(Keyspace keyspace) {
        return families[keyspace.ordinal()];
    }

    boolean isClosed() {
        return closed.get();
    }

    void register(RocksReadView view) {
        openViews.add(view);
    }

    void forget(RocksReadView view) {
        openViews.remove(view);
    }

    void release(SharedSnapshot snapshot) {
        snapshots.release(snapshot);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("storage in " + directory + " is closed");
        }
    }

    /**
     * The native option objects a database reads for its whole life; they must be closed only
     * after the database, and the cache and filter only after the options that point to them.
     */
    private static final class NativeSettings implements AutoCloseable {
        final Cache blockCache;
        final BloomFilter bloomFilter;
        final ColumnFamilyOptions familyOptions;
        final DBOptions databaseOptions;

        NativeSettings(RocksStorageOptions options) {
            // A clock cache: lookups take no lock (the LRU cache's shard mutexes showed in point-read
            // profiles: a read looks up an index partition, a filter partition and a data block).
            // Index and filter blocks are cached with high priority, so scans evict them last.
            blockCache = new HyperClockCache(options.blockCacheBytes(), 0, -1, false);
            bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY);
            // Partitioned index and filters: a point read loads one small partition of each, not a
            // whole SST's (megabytes for a large table's file).
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(blockCache)
                    .setFilterPolicy(bloomFilter)
                    .setBlockSize(BLOCK_SIZE)
                    .setIndexType(org.rocksdb.IndexType.kTwoLevelIndexSearch)
                    .setPartitionFilters(true)
                    .setMetadataBlockSize(4096)
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinTopLevelIndexAndFilter(true)
                    .setPinL0FilterAndIndexBlocksInCache(true);
            familyOptions = new ColumnFamilyOptions()
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(options.writeBufferBytes())
                    .setLevelCompactionDynamicLevelBytes(true)
                    .setTableFormatConfig(table);
            databaseOptions = new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setIncreaseParallelism(options.backgroundThreads())
                    .setMaxBackgroundJobs(options.backgroundThreads())
                    .setEnablePipelinedWrite(false)
                    .setBytesPerSync(BYTES_PER_SYNC)
                    .setKeepLogFileNum(MAX_INFO_LOG_FILES)
                    .setMaxLogFileSize(MAX_INFO_LOG_BYTES);
        }

        @Override
        public void close() {
            databaseOptions.close();
            familyOptions.close();
            bloomFilter.close();
            blockCache.close();
        }
    }
}
