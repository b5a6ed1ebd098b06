package io.weftdb.engine.txn;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pessimistic shared/exclusive locks on byte-string keys (rows, unique-key values, tables, names),
 * held until the owning transaction ends. A waiter that would close a cycle in the waits-for graph
 * fails at once with 40P01; a wait longer than the lock timeout fails with 55P03; a cancelled
 * statement stops waiting with 57014.
 *
 * <p>One monitor guards the whole table: lock calls are short, and this keeps deadlock detection a
 * plain graph walk over a consistent state.
 */
public final class LockManager {
    public enum Mode { SHARED, EXCLUSIVE }

    private final Map<LockKey, LockState> locks = new HashMap<>();

    /** Acquires {@code key} in {@code mode} for {@code owner}, waiting as needed. */
    public void acquire(LockOwner owner, LockKey key, Mode mode, long timeoutMillis) {
        boolean bounded = timeoutMillis > 0;
        long deadline = bounded ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
        synchronized (this) {
            LockState state = locks.computeIfAbsent(key, LockState::new);
            if (state.grantable(owner, mode)) {
                grant(owner, state, mode);
                return;
            }
            owner.waitingOn = state;
            owner.waitingMode = mode;
            state.waiters++;
            try {
                while (!state.grantable(owner, mode)) {
                    if (closesCycle(owner)) {
                        throw new SqlException(ErrorCode.DEADLOCK_DETECTED, "deadlock detected", 0,
                                "Process " + owner.id() + " waits for " + mode + " lock; blocked by process "
                                        + state.holderIds(owner) + ".", "See server log for query details.", null);
                    }
                    owner.checkCancelled();
                    long remaining = bounded ? deadline - System.nanoTime() : Long.MAX_VALUE;
                    if (remaining <= 0) {
                        throw new SqlException(ErrorCode.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
                    }
                    try {
                        wait(Math.max(1, Math.min(remaining / 1_000_000, 50)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SqlException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
                    }
                }
                grant(owner, state, mode);
            } finally {
                state.waiters--;
                owner.waitingOn = null;
                owner.waitingMode = null;
                if (state.isFree()) {
                    locks.remove(key);
                }
            }
        }
    }

    /** Acquires {@code key} in {@code mode} for {@code owner} if that needs no waiting; false otherwise. */
    public synchronized boolean tryAcquire(LockOwner owner, LockKey key, Mode mode) {
        LockState state = locks.computeIfAbsent(key, LockState::new);
        if (state.grantable(owner, mode)) {
            grant(owner, state, mode);
            return true;
        }
        if (state.isFree()) {
            locks.remove(key);
        }
        return false;
    }

    /** Whether {@code owner} holds {@code key} in at least {@code mode}. */
    public synchronized boolean holds(LockOwner owner, LockKey key, Mode mode) {
        LockState state = locks.get(key);
        if (state == null) {
            return false;
        }
        return mode == Mode.SHARED ? state.holders.get(owner) != null : state.holders.get(owner) == Mode.EXCLUSIVE;
    }

    /** Releases every lock of {@code owner} (at commit or rollback) and wakes the waiters. */
    public void releaseAll(LockOwner owner) {
        // Most transactions only read and hold nothing: they need not queue for the monitor.
        if (owner.holdsLocks) {
            releaseHeld(owner);
        }
    }

    private synchronized void releaseHeld(LockOwner owner) {
        // The owner lists the states it was granted: they stay in the table while held, so none
        // needs looking up again (a bulk load's commit releases a lock per row).
        for (LockState state : owner.held) {
            state.holders.remove(owner);
            if (state.isFree()) {
                locks.remove(state.key);
            }
        }
        owner.held.clear();
        owner.holdsLocks = false;
        notifyAll();
    }

    /** Owners currently waiting for a lock, for tests and status pages. */
    public synchronized int waiterCount() {
        int waiting = 0;
        for (LockState state : locks.values()) {
            waiting += state.waiters;
        }
        return waiting;
    }

    /** Number of locks currently held by anyone, for tests and status pages. */
    public synchronized int lockCount() {
        return locks.size();
    }

    private void grant(LockOwner owner, LockState state, Mode mode) {
        Mode previous = state.holders.get(owner);
        if (previous == null) {
            owner.held.add(state);
            owner.holdsLocks = true;
        }
        if (previous != Mode.EXCLUSIVE) {
            state.holders.put(owner, mode);
        }
    }

    /** Walks the waits-for graph from the holders {@code owner} waits for, looking for {@code owner}. */
    private boolean closesCycle(LockOwner owner) {
        Deque<LockOwner> pending = new ArrayDeque<>();
        Set<LockOwner> seen = new HashSet<>();
        pending.addAll(owner.waitingOn.blockers(owner, owner.waitingMode));
        while (!pending.isEmpty()) {
            LockOwner next = pending.pop();
            if (next == owner) {
                return true;
            }
            if (seen.add(next) && next.waitingOn != null) {
                pending.addAll(next.waitingOn.blockers(next, next.waitingMode));
            }
        }
        return false;
    }

    static final class LockState {
        final LockKey key;
        final Holders holders = new Holders();
        /** Owners waiting for this lock: the state must stay in the table while any wait. */
        int waiters;

        LockState(LockKey key) {
            this.key = key;
        }

        boolean grantable(LockOwner owner, Mode mode) {
            if (holders.isEmpty()) {
                return true;
            }
            Mode held = holders.get(owner);
            if (held == Mode.EXCLUSIVE) {
                return true;
            }
            if (mode == Mode.SHARED) {
                return held != null || !holders.anyExclusive();
            }
            return holders.size() == 1 && held != null;
        }

        List<LockOwner> blockers(LockOwner requester, Mode mode) {
            List<LockOwner> result = new ArrayList<>();
            holders.forEach((holder, held) -> {
                if (holder != requester && (mode == Mode.EXCLUSIVE || held == Mode.EXCLUSIVE)) {
                    result.add(holder);
                }
            });
            return result;
        }

        String holderIds(LockOwner requester) {
            List<Long> ids = new ArrayList<>();
            holders.forEach((holder, held) -> {
                if (holder != requester) {
                    ids.add(holder.id());
                }
            });
            return ids.toString().replace("[", "").replace("]", "");
        }

        boolean isFree() {
            return holders.isEmpty() && waiters == 0;
        }
    }

    /**
     * The owners holding one lock, and in which mode. Nearly every lock has one holder (a row being
     * written), kept in two fields: a bulk load takes a lock per row, and a map per lock showed.
     */
    static final class Holders {
        private LockOwner sole;
        private Mode soleMode;
        /** Two or more holders (shared locks); then {@link #sole} is unused. */
        private Map<LockOwner, Mode> many;

        Mode get(LockOwner owner) {
            if (many != null) {
                return many.get(owner);
            }
            return owner == sole ? soleMode : null;
        }

        void put(LockOwner owner, Mode mode) {
            if (many != null) {
                many.put(owner, mode);
            } else if (sole == null || sole == owner) {
                sole = owner;
                soleMode = mode;
            } else {
                many = new HashMap<>(4);
                many.put(sole, soleMode);
                many.put(owner, mode);
                sole = null;
                soleMode = null;
            }
        }

        void remove(LockOwner owner) {
            if (many != null) {
                many.remove(owner);
                if (many.isEmpty()) {
                    many = null;
                }
            } else if (sole == owner) {
                sole = null;
                soleMode = null;
            }
        }

        boolean isEmpty() {
            return many == null && sole == null;
        }

        int size() {
            return many != null ? many.size() : sole == null ? 0 : 1;
        }

        boolean anyExclusive() {
            return many != null ? many.containsValue(Mode.EXCLUSIVE) : soleMode == Mode.EXCLUSIVE;
        }

        void forEach(java.util.function.BiConsumer<LockOwner, Mode> action) {
            if (many != null) {
                many.forEach(action);
            } else if (sole != null) {
                action.accept(sole, soleMode);
            }
        }
    }
}
