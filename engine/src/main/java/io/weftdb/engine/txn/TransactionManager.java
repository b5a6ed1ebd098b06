package io.weftdb.engine.txn;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.Writes;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.TransactionControl.IsolationLevel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Starts, commits and rolls back transactions, and owns the committed catalog version.
 *
 * <p>A commit writes the transaction's buffer as one atomic, synced batch, then releases its locks.
 * Commits that change the catalog also publish the new catalog; a read-write lock keeps "take a
 * snapshot" and "publish data + catalog" from interleaving, so every snapshot pairs data with the
 * catalog that describes it. Data-only commits share the lock and run (and group-sync) in parallel.
 */
public final class TransactionManager {
    private final Storage storage;
    private final LockManager locks = new LockManager();
    private final AtomicLong nextTransactionId = new AtomicLong(1);
    private final ReadWriteLock publication = new ReentrantReadWriteLock();
    private volatile Catalog committedCatalog;
    private final boolean syncCommits;
    private final long writeBufferLimit;
    private final long spillBytes;

    /**
     * Transactions may buffer writes up to half the heap: beyond it a statement fails (53200) rather
     * than the server. Past {@code spillBytes} (or an eighth of the heap, whichever is less), writes to
     * tables and indexes the transaction itself created go to the store early (see
     * {@link Transaction}), so loading a new or truncated table is not bounded by memory.
     */
    public TransactionManager(Storage storage, Catalog initialCatalog, boolean syncCommits) {
        this(storage, initialCatalog, syncCommits, Runtime.getRuntime().maxMemory() / 2,
                Math.min(DEFAULT_SPILL_BYTES, Runtime.getRuntime().maxMemory() / 8));
    }

    /** Buffered bytes past which writes only the transaction can see are moved to the store, by default. */
    public static final long DEFAULT_SPILL_BYTES = 64L << 20;

    public TransactionManager(Storage storage, Catalog initialCatalog, boolean syncCommits, long writeBufferLimit,
                              long spillBytes) {
        this.storage = storage;
        this.committedCatalog = initialCatalog;
        this.syncCommits = syncCommits;
        this.writeBufferLimit = writeBufferLimit;
        this.spillBytes = spillBytes;
        OrphanedRanges.delete(storage, initialCatalog);
    }

    /** Buffered bytes past which a transaction moves the writes only it can see to the store. */
    long spillBytes() {
        return spillBytes;
    }

    /** Writes a transaction's private writes to the store before it commits; its commit's sync covers them. */
    void writeEarly(Writes writes) {
        storage.write(writes, false);
    }

    /** The most bytes one transaction may hold in its write buffer until it commits. */
    long writeBufferLimit() {
        return writeBufferLimit;
    }

    public LockManager locks() {
        return locks;
    }

    public Catalog committedCatalog() {
        return committedCatalog;
    }

    public Transaction begin(IsolationLevel isolation, boolean readOnly, boolean implicit) {
        return begin(isolation, readOnly, implicit, false);
    }

    /**
     * @param currentReadWrites under REPEATABLE READ, whether DML and locking reads work on the latest
     *     committed rows (InnoDB's current reads) instead of failing on rows changed since the snapshot
     */
    public Transaction begin(IsolationLevel isolation, boolean readOnly, boolean implicit, boolean currentReadWrites) {
        IsolationLevel effective = switch (isolation) {
            // As in PostgreSQL: READ UNCOMMITTED behaves as READ COMMITTED; SERIALIZABLE is at least snapshot isolation.
            case READ_UNCOMMITTED -> IsolationLevel.READ_COMMITTED;
            case READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE -> isolation;
        };
        return new Transaction(this, nextTransactionId.getAndIncrement(), effective, readOnly, implicit,
                currentReadWrites && effective == IsolationLevel.REPEATABLE_READ);
    }

    void refreshSnapshot(Transaction transaction) {
        publication.readLock().lock();
        try {
            transaction.setSnapshot(storage.snapshot(), committedCatalog);
        } finally {
            publication.readLock().unlock();
        }
    }

    /** A read view of the latest committed state, for checks that must see concurrent commits. */
    public ReadView latest() {
        return storage.latest();
    }

    public void commit(Transaction transaction) {
        if (transaction.isDoomed()) {
            rollback(transaction);
            throw new SqlException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted: a failed statement's spilled writes cannot be undone alone");
        }
        try {
            if (!transaction.buffer().isEmpty() || !transaction.changedCatalogIds().isEmpty()) {
                Writes batch = transaction.buffer();
                if (transaction.changedCatalogIds().isEmpty()) {
                    publication.readLock().lock();
                    try {
                        storage.write(batch, syncCommits);
                    } finally {
                        publication.readLock().unlock();
                    }
                } else {
                    publication.writeLock().lock();
                    try {
                        Catalog merged = committedCatalog;
                        for (long id : transaction.changedCatalogIds()) {
                            CatalogObject object = transaction.catalog().object(id);
                            merged = object == null ? merged.without(id) : merged.with(object);
                        }
                        storage.write(batch, syncCommits);
                        committedCatalog = merged;
                    } finally {
                        publication.writeLock().unlock();
                    }
                }
            }
            transaction.afterCommitActions().forEach(Runnable::run);
        } finally {
            end(transaction);
        }
    }

    public void rollback(Transaction transaction) {
        try {
            Writes cleanup = transaction.spilledRangesCleanup();
            if (cleanup != null) {
                storage.write(cleanup, false);
            }
        } finally {
            end(transaction);
        }
    }

    private void end(Transaction transaction) {
        transaction.releaseResources();
        locks.releaseAll(transaction);
    }

}
