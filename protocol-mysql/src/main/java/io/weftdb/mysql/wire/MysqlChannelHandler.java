package io.weftdb.mysql.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weftdb.mysql.wire.protocol.Packet;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last handler of a connection's pipeline, on the event loop: it hands each packet to the
 * connection's {@link MysqlSession} on the session thread (one task at a time, in order) and never
 * waits itself. Input queued for a busy session is bounded: past {@code maxQueuedInputBytes} the
 * connection stops reading until the session has worked off half of it.
 */
final class MysqlChannelHandler extends ChannelInboundHandlerAdapter {
    private final MysqlServerContext server;
    private final Executor sessionThread;
    private final Runnable afterClose;
    private final AtomicLong queuedBytes = new AtomicLong();
    private MysqlSession session;

    MysqlChannelHandler(MysqlServerContext server, Executor sessionThread, Runnable afterClose) {
        this.server = server;
        this.sessionThread = sessionThread;
        this.afterClose = afterClose;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        session = new MysqlSession(server, context.channel(), server.connections().nextConnectionId());
        submit(session::start);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        long size = message instanceof Packet packet ? 16 + packet.payload().readableBytes() : 16;
        if (queuedBytes.addAndGet(size) > server.config().maxQueuedInputBytes()) {
            context.channel().config().setAutoRead(false);
        }
        submit(() -> {
            try {
                session.handle(message);
            } finally {
                long left = queuedBytes.addAndGet(-size);
                if (left <= server.config().maxQueuedInputBytes() / 2 && !context.channel().config().isAutoRead()) {
                    context.channel().config().setAutoRead(true);
                }
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (session != null) {
            session.wakeUp();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (session != null) {
            session.disconnected();
            session.wakeUp();
            submit(() -> {
                try {
                    session.close();
                } finally {
                    afterClose.run();
                }
            });
        } else {
            afterClose.run();
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // A reset connection, a failed TLS handshake: nothing can be answered; channelInactive follows.
        if (!(cause instanceof IOException)) {
            context.fireExceptionCaught(cause);
        }
        context.close();
    }

    private void submit(Runnable work) {
        try {
            sessionThread.execute(work);
        } catch (RejectedExecutionException closed) {
            // The session thread has ended with the session.
        }
    }
}
