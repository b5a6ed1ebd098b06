package io.weftdb.engine.txn;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.CatalogStore;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyDecoder;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.WriteBatch;
import io.weftdb.engine.storage.Writes;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction: its private write buffer, undo log, working catalog, locks and read snapshot.
 * Confined to the session thread that runs it (the lock manager is the only shared part).
 *
 * <p>Reads see the snapshot merged with the buffer. Under READ COMMITTED each statement takes a new
 * snapshot; under REPEATABLE READ the first statement's snapshot is kept to the end. With
 * {@code currentReadWrites} (InnoDB's REPEATABLE READ) only plain reads keep that snapshot: each
 * statement that writes or locks rows reads a fresh one (a "current read") and writes on the latest
 * committed rows, as READ COMMITTED does.
 *
 * <p>Writes to tables and indexes this transaction created (CREATE TABLE, TRUNCATE, a rewrite: key
 * ranges no other transaction can reach, as their ids are in no committed catalog) need not wait in
 * memory: once the buffer passes the manager's spill size, and when every buffered row belongs to
 * such ranges and no savepoint is set, they are written to the store and dropped from the buffer.
 * Reads of those ranges then go to the latest state instead of the snapshot; a rollback deletes the
 * ranges; the commit's synced write makes them durable with the rest. A failed statement cannot undo
 * spilled rows alone, so it dooms the transaction (which PostgreSQL's rules roll back anyway).
 */
public final class Transaction extends LockOwner {
    private final TransactionManager manager;
    private final IsolationLevel isolation;
    private final boolean readOnly;
    private final boolean implicit;
    private final boolean currentReadWrites;
    /** With currentReadWrites: the transaction's snapshot for plain reads, and the catalog of its time. */
    private ReadView consistentSnapshot;
    private Catalog consistentCatalog;
    private final WriteBuffer buffer = new WriteBuffer();
    /** Index ids whose rows were written to the store before commit (see the class comment). */
    private final Set<Long> spilledIndexes = new HashSet<>();
    /** The lowest and highest key spilled per index id: a key outside them needs no look in the store. */
    private final Map<Long, byte[][]> spilledBounds = new HashMap<>();
    /** Undo entries before this position describe spilled writes: undoing to before it is impossible. */
    private int spilledUndoPosition = -1;
    private boolean doomed;
    private final UndoLog undo = new UndoLog();
    /** Buffer size is checked every this many writes (a power of two): often enough, and cheaply. */
    private static final int BUFFER_CHECK_INTERVAL = 4096;
    private long writes;
    private final Map<String, Integer> savepoints = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Catalog catalog;
    private Set<Long> changedCatalogIds = new LinkedHashSet<>();
    private ReadView snapshot;
    /** A view of the latest committed state, opened on first use and kept for the transaction. */
    private ReadView latest;
    /** The message of a pending cancellation, or null when none is pending. */
    private volatile String cancelMessage;

    Transaction(TransactionManager manager, long id, IsolationLevel isolation, boolean readOnly, boolean implicit,
                boolean currentReadWrites) {
        super(id);
        this.manager = manager;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.implicit = implicit;
        this.currentReadWrites = currentReadWrites;
    }

    /** Whether writes work on the latest committed rows (READ COMMITTED, or InnoDB's REPEATABLE READ). */
    public boolean writesLatestRows() {
        return isolation == IsolationLevel.READ_COMMITTED || currentReadWrites;
    }

    public IsolationLevel isolation() {
        return isolation;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether this transaction was started implicitly for a single statement (autocommit). */
    public boolean isImplicit() {
        return implicit;
    }

    public WriteBuffer buffer() {
        return buffer;
    }

    /** {@link #beginStatement(boolean)} of a statement that only reads. */
    public int beginStatement() {
        return beginStatement(false);
    }

    /**
     * Starts a statement: a fresh snapshot under READ COMMITTED, and for a {@code currentRead}
     * (a statement that writes or locks rows) under InnoDB's REPEATABLE READ; the transaction's
     * snapshot otherwise. Returns the undo position to roll back to on error.
     */
    public int beginStatement(boolean currentRead) {
        cancelMessage = null;
        if (isolation == IsolationLevel.READ_COMMITTED || isolation == IsolationLevel.READ_UNCOMMITTED
                || (currentReadWrites && currentRead)) {
            manager.refreshSnapshot(this);
        } else if (currentReadWrites) {
            if (consistentSnapshot == null) {
                manager.refreshSnapshot(this);
                consistentSnapshot = snapshot;
                consistentCatalog = catalog;
            } else if (snapshot != consistentSnapshot) {
                snapshot.close();
                snapshot = consistentSnapshot;
                if (changedCatalogIds.isEmpty()) {
                    catalog = consistentCatalog;
                }
            }
        } else if (snapshot == null) {
            manager.refreshSnapshot(this);
        }
        return undo.position();
    }

    /** Undoes the changes of a failed statement. */
    public void rollbackStatement(int position) {
        if (position < spilledUndoPosition) {
            doomed = true;
            return;
        }
        undo.rollbackTo(position, this);
    }

    /** Whether a statement failed after spilling: the transaction can only roll back. */
    public boolean isDoomed() {
        return doomed;
    }

    /**
     * The view reads of {@code key} go to: the latest state for a range this transaction spilled
     * (its rows are stored, yet in no snapshot), the snapshot otherwise.
     */
    public ReadView viewFor(Keyspace keyspace, byte[] key) {
        if (!spilledIndexes.isEmpty() && keyspace == Keyspace.DATA && key != null && key.length >= Long.BYTES
                && spilledIndexes.contains(indexId(key))) {
            return latestView();
        }
        return snapshot;
    }

    /** Whether {@code key} is among the writes this transaction already moved to the store (see the class comment). */
    public boolean storedEarly(Keyspace keyspace, byte[] key) {
        return !outsideSpilledRows(keyspace, key) && spilledIndexes.contains(indexId(key))
                && latestView().get(keyspace, key) != null;
    }

    /**
     * Whether {@code key} belongs to a range this transaction spilled but lies outside the keys it
     * spilled there: then the store holds nothing for it, and no look is needed (no other
     * transaction writes such a range).
     */
    public boolean outsideSpilledRows(Keyspace keyspace, byte[] key) {
        if (spilledIndexes.isEmpty() || keyspace != Keyspace.DATA || key.length < Long.BYTES) {
            return false;
        }
        byte[][] bounds = spilledBounds.get(indexId(key));
        return bounds != null && (Arrays.compareUnsigned(key, bounds[0]) < 0
                || Arrays.compareUnsigned(key, bounds[1]) > 0);
    }

    private static long indexId(byte[] key) {
        return new KeyDecoder(key).readLong();
    }

    /** Deletes of the spilled ranges, for a rollback; null when nothing was spilled. */
    Writes spilledRangesCleanup() {
        if (spilledIndexes.isEmpty()) {
            return null;
        }
        WriteBatch batch = new WriteBatch();
        for (long id : spilledIndexes) {
            byte[] from = new KeyEncoder().writeLong(id).toByteArray();
            batch.deleteRange(Keyspace.DATA, from, KeyEncoder.prefixSuccessor(from));
        }
        return batch;
    }

    /**
     * Moves the buffered rows to the store when they all belong to indexes this transaction created
     * and no savepoint could ask for them back; true when it did.
     */
    private boolean spillPrivateWrites() {
        if (!savepoints.isEmpty() || readOnly) {
            return false;
        }
        Set<Long> created = indexesCreatedHere();
        if (created.isEmpty()) {
            return false;
        }
        KeyspaceWrites data = buffer.writes(Keyspace.DATA);
        Map<Long, byte[][]> touched = new HashMap<>();
        byte[][] bounds = null;
        for (var entries = data.entries(null, null); entries.hasNext(); ) {
            byte[] key = entries.next().getKey();
            if (key.length < Long.BYTES) {
                return false;
            }
            if (bounds == null || !Arrays.equals(key, 0, Long.BYTES, bounds[0], 0, Long.BYTES)) {
                long id = indexId(key);
                if (!created.contains(id)) {
                    return false;
                }
                bounds = new byte[][] {key, key};
                touched.put(id, bounds);
            } else {
                bounds[1] = key;
            }
        }
        if (touched.isEmpty()) {
            return false;
        }
        manager.writeEarly(new Writes() {
            @Override
            public void replay(Receiver receiver) {
                data.replay(Keyspace.DATA, receiver);
            }

            @Override
            public boolean isEmpty() {
                return data.isEmpty();
            }
        });
        buffer.clear(Keyspace.DATA);
        spilledIndexes.addAll(touched.keySet());
        touched.forEach((id, range) -> spilledBounds.merge(id, range, (old, added) -> new byte[][] {
                Arrays.compareUnsigned(old[0], added[0]) <= 0 ? old[0] : added[0],
                Arrays.compareUnsigned(old[1], added[1]) >= 0 ? old[1] : added[1]}));
        spilledUndoPosition = undo.position();
        return true;
    }

    /** Ids of the indexes (a table's rows are its primary index) in this transaction's catalog and in no committed one. */
    private Set<Long> indexesCreatedHere() {
        if (changedCatalogIds.isEmpty()) {
            return Set.of();
        }
        Catalog committed = manager.committedCatalog();
        Set<Long> created = new HashSet<>();
        for (long id : changedCatalogIds) {
            if (catalog.object(id) instanceof TableDef table) {
                TableDef before = committed.table(table.id());
                for (IndexDef index : table.indexes()) {
                    if (before == null || before.indexes().stream().noneMatch(old -> old.id() == index.id())) {
                        created.add(index.id());
                    }
                }
            }
        }
        return created;
    }

    void setSnapshot(ReadView newSnapshot, Catalog committedCatalog) {
        if (snapshot != null && snapshot != consistentSnapshot) {
            snapshot.close();
        }
        snapshot = newSnapshot;
        if (changedCatalogIds.isEmpty()) {
            catalog = committedCatalog;
        }
    }

    public ReadView snapshot() {
        return snapshot;
    }

    /**
     * A view that reads the latest committed state (constraint checks under locks need it). One is
     * kept per transaction: opening a view per row was a measurable cost of bulk loads.
     */
    public ReadView latestView() {
        if (latest == null) {
            latest = manager.latest();
        }
        return latest;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Buffers a write; returns what this transaction had buffered for the key before (null: nothing). */
    public byte[] put(Keyspace keyspace, byte[] key, byte[] value) {
        checkWritable();
        if ((++writes & (BUFFER_CHECK_INTERVAL - 1)) == 0) {
            checkBufferSize();
        }
        KeyspaceWrites writes = buffer.writes(keyspace);
        PackedRun run = writes.tryAppend(key, value);
        if (run != null) {
            undo.recordAppend(keyspace, run);
            return null;
        }
        byte[] previous = writes.put(key, value);
        undo.recordBufferChange(keyspace, key, previous);
        return previous;
    }

    public void delete(Keyspace keyspace, byte[] key) {
        put(keyspace, key, WriteBuffer.TOMBSTONE);
    }

    /**
     * Fails the statement (its writes are undone, freeing them) once the buffer outgrows the
     * manager's limit: a load too large for memory gets an error, not an out-of-memory server.
     */
    private void checkBufferSize() {
        long held = buffer.retainedBytes();
        if (held > manager.spillBytes() && spillPrivateWrites()) {
            held = buffer.retainedBytes();
        }
        if (held > manager.writeBufferLimit()) {
            throw new SqlException(ErrorCode.OUT_OF_MEMORY, "out of memory: the transaction's uncommitted writes take "
                    + (held >> 20) + " MB, more than the " + (manager.writeBufferLimit() >> 20) + " MB a transaction may hold",
                    0, null, "Commit in smaller batches, or give the server more memory (-Xmx).", null);
        }
    }

    /**
     * Drops a whole key range at commit (a dropped or truncated table's old entries, which nothing
     * reads again). Entries this transaction buffered in the range are dropped now: the commit
     * applies range deletes before puts, so they would otherwise be written after the delete and
     * stay behind as garbage.
     */
    public void deleteRange(byte[] from, byte[] to) {
        KeyspaceWrites writes = buffer.writes(Keyspace.DATA);
        for (Map.Entry<byte[], byte[]> entry : new ArrayList<>(writes.overlayRange(from, to).entrySet())) {
            undo.recordBufferChange(Keyspace.DATA, entry.getKey(), entry.getValue());
            writes.restore(entry.getKey(), null);
        }
        writes.deleteRunEntries(from, to, new KeyspaceWrites.RunChanges() {
            @Override
            public void cut(PackedRun run, PackedRun removed) {
                undo.recordRunCut(Keyspace.DATA, run, removed);
            }

            @Override
            public void tombstoned(byte[] key, byte[] previous) {
                undo.recordBufferChange(Keyspace.DATA, key, previous);
            }
        });
        buffer.addRangeDelete(from, to);
        undo.recordRangeDelete();
    }

    /** Replaces or adds a catalog object in this transaction's working catalog. */
    public void putCatalogObject(CatalogObject object) {
        checkWritable();
        put(Keyspace.CATALOG, CatalogStore.key(object.id()), CatalogStore.encode(object));
        changeCatalog(catalog.with(object), object.id());
    }

    public void removeCatalogObject(long id) {
        checkWritable();
        delete(Keyspace.CATALOG, CatalogStore.key(id));
        changeCatalog(catalog.without(id), id);
    }

    private void changeCatalog(Catalog next, long changedId) {
        undo.recordCatalogChange(catalog, List.copyOf(changedCatalogIds));
        catalog = next;
        changedCatalogIds.add(changedId);
    }

    void restoreCatalog(Catalog previous, List<Long> changedIdsBefore) {
        catalog = previous;
        changedCatalogIds = new LinkedHashSet<>(changedIdsBefore);
    }

    Set<Long> changedCatalogIds() {
        return changedCatalogIds;
    }

    /** Work to run once the commit is durable (e.g. forgetting a dropped sequence's counter). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    public void defineSavepoint(String name) {
        savepoints.remove(name);
        savepoints.put(name, undo.position());
    }

    public void rollbackToSavepoint(String name) {
        Integer position = savepointPosition(name);
        undo.rollbackTo(position, this);
        // Savepoints defined after this one are gone; this one stays, as in PostgreSQL.
        forgetSavepointsAfter(name, false);
    }

    public void releaseSavepoint(String name) {
        savepointPosition(name);
        forgetSavepointsAfter(name, true);
    }

    /**
     * Forgets the savepoints defined after {@code name} (and it too, with {@code inclusive}), by the
     * order they were defined in: two savepoints defined with no write between them share an undo
     * position, so positions cannot tell which came later.
     */
    private void forgetSavepointsAfter(String name, boolean inclusive) {
        boolean after = false;
        for (var iterator = savepoints.keySet().iterator(); iterator.hasNext(); ) {
            String defined = iterator.next();
            if (after) {
                iterator.remove();
            } else if (defined.equals(name)) {
                after = true;
                if (inclusive) {
                    iterator.remove();
                }
            }
        }
    }

    private Integer savepointPosition(String name) {
        Integer position = savepoints.get(name);
        if (position == null) {
            throw new SqlException(ErrorCode.UNDEFINED_SAVEPOINT, "savepoint \"" + name + "\" does not exist");
        }
        return position;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new SqlException(ErrorCode.READ_ONLY_SQL_TRANSACTION, "cannot execute write statements in a read-only transaction");
        }
    }

    /** Asks the running statement to stop (user request); lock waits and row loops poll it. */
    public void requestCancel() {
        cancelMessage = "canceling statement due to user request";
    }

    /** Stops the running statement because it ran past statement_timeout. */
    public void requestTimeout() {
        cancelMessage = "canceling statement due to statement timeout";
    }

    @Override
    public void checkCancelled() {
        String message = cancelMessage;
        if (message != null) {
            cancelMessage = null;
            throw new SqlException(ErrorCode.QUERY_CANCELED, message);
        }
    }

    /** Whether a statement has run in this transaction yet (its snapshot is taken at the first one). */
    public boolean hasStarted() {
        return snapshot != null;
    }

    void releaseResources() {
        if (consistentSnapshot != null && consistentSnapshot != snapshot) {
            consistentSnapshot.close();
        }
        consistentSnapshot = null;
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        if (latest != null) {
            latest.close();
            latest = null;
        }
        undo.clear();
    }
}
