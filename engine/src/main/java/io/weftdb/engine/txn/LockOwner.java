package io.weftdb.engine.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * The lock-side identity of a transaction. Fields other than {@link #id()} are guarded by the
 * {@link LockManager}'s monitor.
 */
public class LockOwner {
    private final long id;
    /** The locks granted, as their states (which stay in the lock table while held). */
    final List<LockManager.LockState> held = new ArrayList<>();
    /** Whether {@link #held} is not empty; volatile so releasing can skip the monitor when it is. */
    volatile boolean holdsLocks;
    LockManager.LockState waitingOn;
    LockManager.Mode waitingMode;

    public LockOwner(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    /** Throws when the owner's current statement was cancelled; called while waiting for a lock. */
    protected void checkCancelled() {
    }
}
