package io.weftdb.pg.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.weftdb.engine.Engine;
import io.weftdb.pg.wire.auth.PasswordAuthenticator;
import io.weftdb.pg.wire.protocol.Bind;
import io.weftdb.pg.wire.protocol.FrontendMessage;
import io.weftdb.pg.wire.protocol.Parse;
import io.weftdb.pg.wire.protocol.ProtocolViolation;
import io.weftdb.pg.wire.protocol.SimpleQuery;
import java.io.IOException;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * The last handler of a connection's pipeline, on the event loop: it queues each decoded message
 * and, at the end of each read, hands the queue to the connection's {@link PgSession} on the
 * session thread (an executor running one task at a time, so messages are handled in order); it
 * never waits for anything itself.
 *
 * <p>Reading goes on while a statement runs, so a client that pipelines its messages and reads
 * its results only later cannot deadlock against a server waiting to write. Only when the input
 * queued for the session passes {@code maxQueuedInputBytes} does the connection stop reading,
 * until the session has worked off half of it.
 *
 * <p>A connection not let in within {@link PgServerConfig#authenticationTimeout()} is closed, so
 * clients that connect and never finish the startup or the password exchange hold nothing.
 */
final class PgChannelHandler extends ChannelInboundHandlerAdapter {
    private final Engine engine;
    private final PgServerConfig config;
    private final BackendKeys keys;
    private final Optional<PasswordAuthenticator> passwords;
    private final Executor sessionThread;
    private final Runnable afterClose;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Queue<Incoming> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private PgSession session;
    private ScheduledFuture<?> authenticationDeadline;

    /**
     * @param passwords checks the password clients must give; empty: every client is trusted
     * @param sessionThread runs the session's work, one task at a time in submission order
     * @param afterClose runs on the session thread once the session has closed
     */
    PgChannelHandler(Engine engine, PgServerConfig config, BackendKeys keys, Optional<PasswordAuthenticator> passwords,
                     Executor sessionThread, Runnable afterClose) {
        this.engine = engine;
        this.config = config;
        this.keys = keys;
        this.passwords = passwords;
        this.sessionThread = sessionThread;
        this.afterClose = afterClose;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        session = new PgSession(engine, config, keys, passwords, context.channel());
        session.whenTerminated(() -> submit(session::terminated));
        authenticationDeadline = context.executor().schedule(() -> {
            if (!session.admitted()) {
                context.close();
            }
        }, config.authenticationTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        FrontendMessage frontend = (FrontendMessage) message;
        long size = estimatedSize(frontend);
        if (queuedBytes.addAndGet(size) > config.maxQueuedInputBytes()) {
            context.channel().config().setAutoRead(false);
        }
        inbox.add(new Incoming(frontend, size, context));
    }

    /**
     * The messages of one read (a driver's Bind, Execute and Sync arrive together) go to the session
     * thread as one task: waking it once per message costs more than a point query does.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        scheduleDrain();
        context.fireChannelReadComplete();
    }

    private void scheduleDrain() {
        if (!inbox.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    /** On the session thread: handles queued messages in order until none is left. */
    private void drain() {
        while (true) {
            Incoming next;
            while ((next = inbox.poll()) != null) {
                try {
                    session.handle(next.message());
                } catch (Throwable unexpected) {
                    // Nothing sane is left to say on this connection; other sessions carry on.
                    next.context().close();
                    inbox.clear();
                    return;
                } finally {
                    release(next);
                }
            }
            drainScheduled.set(false);
            if (inbox.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void release(Incoming handled) {
        long left = queuedBytes.addAndGet(-handled.size());
        ChannelHandlerContext context = handled.context();
        if (left <= config.maxQueuedInputBytes() / 2 && !context.channel().config().isAutoRead()) {
            context.channel().config().setAutoRead(true);
        }
    }

    private record Incoming(FrontendMessage message, long size, ChannelHandlerContext context) {}

    /** Roughly what a decoded message occupies while it waits for the session thread. */
    private static long estimatedSize(FrontendMessage message) {
        long size = 16;
        if (message instanceof SimpleQuery query) {
            size += 2L * query.sql().length();
        } else if (message instanceof Parse parse) {
            size += 2L * parse.sql().length() + 4L * parse.parameterTypes().size();
        } else if (message instanceof Bind bind) {
            for (byte[] value : bind.parameterValues()) {
                size += 4 + (value == null ? 0 : value.length);
            }
        }
        return size;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        session.wakeUp();
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        authenticationDeadline.cancel(false);
        session.disconnected();
        scheduleDrain();
        submit(() -> {
            try {
                session.close();
            } finally {
                afterClose.run();
            }
        });
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        ProtocolViolation violation = protocolViolation(cause);
        scheduleDrain();
        if (violation != null) {
            submit(() -> session.fatal(violation.sqlState(), violation.getMessage()));
        } else if (cause instanceof IOException || tlsFailure(cause)) {
            // The peer reset the connection, or its TLS handshake or records failed: nothing can
            // be said to it in the clear any more. channelInactive follows.
            context.close();
        } else {
            submit(() -> session.fatal("XX000", "internal error: " + cause));
        }
    }

    /** Queues work for the session thread; once the session has closed there is nothing left to do. */
    private void submit(Runnable work) {
        try {
            sessionThread.execute(work);
        } catch (RejectedExecutionException closed) {
            // The session thread has ended with the session.
        }
    }

    private static boolean tlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static ProtocolViolation protocolViolation(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProtocolViolation violation) {
                return violation;
            }
        }
        return null;
    }
}
