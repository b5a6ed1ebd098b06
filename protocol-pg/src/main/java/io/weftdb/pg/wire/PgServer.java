package io.weftdb.pg.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.weftdb.engine.Engine;
import io.weftdb.pg.wire.protocol.PgFrameDecoder;
import io.weftdb.pg.wire.protocol.PgMessageEncoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL v3 wire-protocol listener over an {@link Engine}. Netty NIO event loops (one
 * acceptor, {@link PgServerConfig#workerThreads()} for connections) frame and decode messages;
 * each connection's statements run on its own session thread (a platform thread: idle virtual-thread
 * carriers spin, which a 2-core machine running its clients too cannot spare). {@link PgSecurity} says whether
 * SSLRequests are accepted (TLS) and whether clients must give a password.
 *
 * <p>Each connection's pipeline: [{@code SslHandler}, once TLS is negotiated] ->
 * {@link PgFrameDecoder} (bytes to messages) -> {@link PgMessageEncoder} (messages to bytes) ->
 * {@link PgEncryptionNegotiator} (SSLRequest, GSSENCRequest) -> {@link PgChannelHandler} (to the
 * session thread, where {@link PgSession} runs the protocol's state machine).
 */
public final class PgServer implements AutoCloseable {
    private static final long SESSION_SHUTDOWN_SECONDS = 5;

    private final Engine engine;
    private final PgServerConfig config;
    private final PgSecurity security;
    private final BackendKeys keys = new BackendKeys();
    private final Set<ExecutorService> sessionThreads = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threadFactory = Thread.ofPlatform().daemon().name("weftdb-pg-session-", 1).factory();
    private ChannelGroup channels;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel serverChannel;

    /** A listener without TLS or passwords ("trust"). */
    public PgServer(Engine engine, PgServerConfig config) {
        this(engine, config, PgSecurity.none());
    }

    public PgServer(Engine engine, PgServerConfig config, PgSecurity security) {
        this.engine = engine;
        this.config = config;
        this.security = security;
    }

    /**
     * Starts listening.
     *
     * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when already started or the address cannot be bound
     */
    public synchronized void start(String host, int port) {
        if (serverChannel != null) {
            throw new IllegalStateException("the PostgreSQL listener is already started");
        }
        // Linux's epoll transport wakes its event loops with an eventfd, much cheaper than NIO's
        // selector wakeup that every hand-back from a session thread costs; NIO elsewhere.
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        acceptor = new MultiThreadIoEventLoopGroup(1, handlers);
        workers = new MultiThreadIoEventLoopGroup(config.workerThreads(), handlers);
        channels = new DefaultChannelGroup("weftdb-pg", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        ExecutorService sessionThread = Executors.newSingleThreadExecutor(threadFactory);
                        sessionThreads.add(sessionThread);
                        Runnable afterClose = () -> {
                            sessionThreads.remove(sessionThread);
                            sessionThread.shutdown();
                        };
                        channel.pipeline()
                                .addLast("frames", new PgFrameDecoder(config.maxMessageBytes()))
                                .addLast("messages", PgMessageEncoder.INSTANCE)
                                .addLast("encryption", new PgEncryptionNegotiator(security.tls()))
                                .addLast("session", new PgChannelHandler(engine, config, keys, security.passwords(),
                                        sessionThread, afterClose));
                    }
                });
        try {
            serverChannel = bootstrap.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownEventLoops();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port listened on (the one chosen when started with port 0). */
    public synchronized int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("the PostgreSQL listener is not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Stops listening and closes every connection: running statements are cancelled and open
     * transactions rolled back. Waits briefly for the session threads to finish. Idempotent.
     */
    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
        channels.close().awaitUninterruptibly();
        shutdownEventLoops();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SESSION_SHUTDOWN_SECONDS);
        for (ExecutorService sessionThread : List.copyOf(sessionThreads)) {
            sessionThread.shutdown();
            try {
                sessionThread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessionThreads.clear();
    }

    private void shutdownEventLoops() {
        // No quiet period: connections are already closed, and stopping should not take seconds.
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void close() {
        stop();
    }
}
