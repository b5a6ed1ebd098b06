package io.weftdb.mysql.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.weftdb.mysql.wire.protocol.Packet;
import io.weftdb.wire.transport.Interruptible;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The last handler of a connection's pipeline: it has the connection's {@link MysqlSession} handle
 * each packet as a task of the connection's own loop ({@code sessionWork}), in order, never inside
 * the read itself, so the session may block while the loop keeps the connection's I/O served.
 * Input queued for a busy session is bounded: past {@code maxQueuedInputBytes} the connection stops
 * reading until the session has worked off half of it.
 */
final class MysqlChannelHandler extends ChannelInboundHandlerAdapter implements Interruptible {
    private final MysqlServerContext server;
    private final Executor sessionWork;
    private long queuedBytes;
    private volatile MysqlSession session;

    MysqlChannelHandler(MysqlServerContext server, Executor sessionWork) {
        this.server = server;
        this.sessionWork = sessionWork;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        session = new MysqlSession(server, context.channel(), server.connections().nextConnectionId());
        submit(session::start);
        context.fireChannelActive();
    }

    /** Makes whatever runs for this connection give up soon (any thread): the server is stopping. */
    @Override
    public void interrupt() {
        MysqlSession current = session;
        if (current != null) {
            current.disconnected();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        long size = message instanceof Packet packet ? 16 + packet.payload().readableBytes() : 16;
        queuedBytes += size;
        if (queuedBytes > server.config().maxQueuedInputBytes()) {
            context.channel().config().setAutoRead(false);
        }
        submit(() -> {
            try {
                session.handle(message);
            } finally {
                queuedBytes -= size;
                if (queuedBytes <= server.config().maxQueuedInputBytes() / 2 && !context.channel().config().isAutoRead()) {
                    context.channel().config().setAutoRead(true);
                }
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (session != null) {
            session.disconnected();
            submit(session::close);
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
            sessionWork.execute(work);
        } catch (RejectedExecutionException closed) {
            // The loop has ended with the connection.
        }
    }
}
