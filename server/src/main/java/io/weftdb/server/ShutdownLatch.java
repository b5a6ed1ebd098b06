package io.weftdb.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands a stop request (SIGTERM, SIGINT, or a test) to the serving thread and lets the requester
 * wait until the server has shut down. The JVM ends once its shutdown hooks return, so the hook
 * installed here waits for the clean shutdown (listeners, engine, storage) to finish.
 */
final class ShutdownLatch {
    private static final Duration HOOK_WAIT = Duration.ofSeconds(30);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks the server to stop; returns at once. */
    void requestStop() {
        stopRequested.countDown();
    }

    void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /** Called by the serving thread once everything is closed. */
    void markStopped() {
        stopped.countDown();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Turns SIGTERM and SIGINT (Ctrl+C) into a stop request and waits for the shutdown to end. */
    void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requestStop();
            try {
                awaitStopped(HOOK_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "weftdb-shutdown"));
    }
}
