package io.weftdb.wire.transport;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SingleThreadIoEventLoop;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loop of one connection: its thread does the connection's I/O and also runs the
 * connection's session, as a PostgreSQL backend process does. A statement therefore goes from the
 * socket to the engine and back without waking any other thread; handing each message to a
 * session thread and each reply back to a shared event loop cost more than a point query does.
 *
 * <p>Session work runs as tasks on this loop (never inside a handler's read callback), so it may
 * block: on a lock, on a long sort, or in {@link #awaitWritable(Channel)} while a slow client
 * reads its rows. Other connections are not affected; they have loops of their own.
 */
public final class ConnectionLoop extends SingleThreadIoEventLoop {
    /** How long one wait for I/O lasts before the channel's state is looked at again. */
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    ConnectionLoop(ThreadFactory threads, IoHandlerFactory ioHandlers) {
        super(null, threads, ioHandlers);
    }

    /**
     * Returns once {@code channel} can take more output, serving its I/O meanwhile: what is queued
     * goes out as the client reads, and what the client sends is read and queued for later, so a
     * client that writes before it reads cannot deadlock against the server. Tasks wait.
     *
     * @return true when the channel is writable; false when it closed first
     * @throws IllegalStateException when the channel is not writable and the caller is not the
     *     thread of the channel's {@code ConnectionLoop} (nobody else could serve its I/O)
     */
    public static boolean awaitWritable(Channel channel) {
        if (channel.isWritable()) {
            return true;
        }
        if (!channel.isActive()) {
            return false;
        }
        if (!(channel.eventLoop() instanceof ConnectionLoop loop) || !loop.inEventLoop()) {
            throw new IllegalStateException("output of " + channel + " can only be awaited on its ConnectionLoop");
        }
        return loop.serveIoUntilWritable(channel);
    }

    private boolean serveIoUntilWritable(Channel channel) {
        while (!channel.isWritable()) {
            if (!channel.isActive()) {
                return false;
            }
            ioHandler().run(new BlockingWait(System.nanoTime() + WAIT_NANOS));
        }
        return true;
    }

    /** Lets the I/O handler block until an event or the deadline, whatever tasks are pending. */
    private record BlockingWait(long deadlineNanos) implements IoHandlerContext {
        @Override
        public boolean canBlock() {
            return true;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return Math.max(0, deadlineNanos - currentTimeNanos);
        }
    }
}
