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
import io.weftdb.wire.transport.Interruptible;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The last handler of a connection's pipeline. It queues each decoded message and, at the end of
 * each read, has the connection's {@link PgSession} work the queue off as a task of the
 * connection's own loop ({@code sessionWork}): never inside the read itself, so the session may
 * block, and a session waiting for a slow client to read keeps the connection's I/O served.
 *
 * <p>Reading goes on while a statement waits to write, so a client that pipelines its messages
 * and reads its results only later cannot deadlock against a server waiting to write. Only when
 * the input queued for the session passes {@code maxQueuedInputBytes} does the connection stop
 * reading, until the session has worked off half of it.
 *
 * <p>A connection not let in within {@link PgServerConfig#authenticationTimeout()} is closed, so
 * clients that connect and never finish the startup or the password exchange hold nothing.
 */
final class PgChannelHandler extends ChannelInboundHandlerAdapter implements Interruptible {
    private final Engine engine;
    private final PgServerConfig config;
    private final BackendKeys keys;
    private final Optional<PasswordAuthenticator> passwords;
    private final Executor sessionWork;
    private final Queue<Incoming> inbox = new ArrayDeque<>();
    private long queuedBytes;
    private boolean drainScheduled;
    private volatile PgSession session;
    private ScheduledFuture<?> authenticationDeadline;

    /**
     * @param passwords checks the password clients must give; empty: every client is trusted
     * @param sessionWork runs the session's work on the connection's thread, after the current
     *     read (the channel's event loop; tests may run it at once)
     */
    PgChannelHandler(Engine engine, PgServerConfig config, BackendKeys keys, Optional<PasswordAuthenticator> passwords,
                     Executor sessionWork) {
        this.engine = engine;
        this.config = config;
        this.keys = keys;
        this.passwords = passwords;
        this.sessionWork = sessionWork;
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

    /** Makes whatever runs for this connection give up soon (any thread): the server is stopping. */
    @Override
    public void interrupt() {
        session.disconnected();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        FrontendMessage frontend = (FrontendMessage) message;
        long size = estimatedSize(frontend);
        queuedBytes += size;
        if (queuedBytes > config.maxQueuedInputBytes()) {
            context.channel().config().setAutoRead(false);
        }
        inbox.add(new Incoming(frontend, size, context));
    }

    /**
     * The messages of one read (a driver's Bind, Execute and Sync arrive together) are handled by
     * one task.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        scheduleDrain();
        context.fireChannelReadComplete();
    }

    private void scheduleDrain() {
        if (!inbox.isEmpty() && !drainScheduled) {
            drainScheduled = true;
            submit(this::drain);
        }
    }

    /** Handles queued messages in order until none is left (more may arrive while it runs). */
    private void drain() {
        drainScheduled = false;
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
    }

    private void release(Incoming handled) {
        queuedBytes -= handled.size();
        ChannelHandlerContext context = handled.context();
        if (queuedBytes <= config.maxQueuedInputBytes() / 2 && !context.channel().config().isAutoRead()) {
            context.channel().config().setAutoRead(true);
        }
    }

    private record Incoming(FrontendMessage message, long size, ChannelHandlerContext context) {}

    /** Roughly what a decoded message occupies while it waits for the session. */
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
    public void channelInactive(ChannelHandlerContext context) {
        authenticationDeadline.cancel(false);
        session.disconnected();
        scheduleDrain();
        submit(session::close);
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

    /** Queues work for the session; once the connection's loop has ended there is nothing left to do. */
    private void submit(Runnable work) {
        try {
            sessionWork.execute(work);
        } catch (RejectedExecutionException closed) {
            // The loop has ended with the connection.
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
