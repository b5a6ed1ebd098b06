package io.weftdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LockManagerTest {
    private final LockManager locks = new LockManager();
    private final LockKey rowA = LockKey.row(new byte[] {1});
    private final LockKey rowB = LockKey.row(new byte[] {2});

    @Test
    void sharedLocksAreCompatibleAndExclusiveWaitsForThem() throws Exception {
        LockOwner first = new LockOwner(1);
        LockOwner second = new LockOwner(2);
        LockOwner writer = new LockOwner(3);
        locks.acquire(first, rowA, LockManager.Mode.SHARED, 0);
        locks.acquire(second, rowA, LockManager.Mode.SHARED, 0);
        CompletableFuture<Void> exclusive = CompletableFuture.runAsync(
                () -> locks.acquire(writer, rowA, LockManager.Mode.EXCLUSIVE, 0));
        awaitWaiters(1);
        assertThat(exclusive).isNotDone();
        locks.releaseAll(first);
        locks.releaseAll(second);
        exclusive.get(5, TimeUnit.SECONDS);
        assertThat(locks.holds(writer, rowA, LockManager.Mode.EXCLUSIVE)).isTrue();
    }

    @Test
    void aWaitThatClosesACycleFailsWithDeadlockDetected() throws Exception {
        LockOwner first = new LockOwner(1);
        LockOwner second = new LockOwner(2);
        locks.acquire(first, rowA, LockManager.Mode.EXCLUSIVE, 0);
        locks.acquire(second, rowB, LockManager.Mode.EXCLUSIVE, 0);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> firstWaits = CompletableFuture.runAsync(() -> {
            waiting.countDown();
            locks.acquire(first, rowB, LockManager.Mode.EXCLUSIVE, 0);
        });
        waiting.await();
        awaitWaiters(1);
        assertThatThrownBy(() -> locks.acquire(second, rowA, LockManager.Mode.EXCLUSIVE, 0))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.DEADLOCK_DETECTED));
        locks.releaseAll(second);
        firstWaits.get(5, TimeUnit.SECONDS);
        assertThat(locks.holds(first, rowB, LockManager.Mode.EXCLUSIVE)).isTrue();
    }

    @Test
    void aWaitLongerThanTheLockTimeoutFailsWithLockNotAvailable() {
        LockOwner holder = new LockOwner(1);
        LockOwner waiter = new LockOwner(2);
        locks.acquire(holder, rowA, LockManager.Mode.EXCLUSIVE, 0);
        assertThatThrownBy(() -> locks.acquire(waiter, rowA, LockManager.Mode.EXCLUSIVE, 50))
                .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.LOCK_NOT_AVAILABLE));
    }

    @Test
    void releasingEveryLockLeavesTheTableEmpty() {
        LockOwner owner = new LockOwner(1);
        locks.acquire(owner, rowA, LockManager.Mode.SHARED, 0);
        locks.acquire(owner, rowA, LockManager.Mode.EXCLUSIVE, 0);
        locks.acquire(owner, rowB, LockManager.Mode.EXCLUSIVE, 0);
        locks.releaseAll(owner);
        assertThat(locks.lockCount()).isZero();
    }

    /** Waits until {@code count} owners are blocked in the lock manager, so the order of events is certain. */
    private void awaitWaiters(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (locks.waiterCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(locks.waiterCount()).isEqualTo(count);
    }
}
