package io.weftdb.mysql.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.weftdb.engine.Engine;
import io.weftdb.mysql.sql.MysqlSqlParser;
import io.weftdb.mysql.wire.protocol.MysqlFrameDecoder;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A MySQL client/server protocol listener over an {@link Engine}. Each connection's pipeline:
 * [{@link SslHandler}, added when the client asks for TLS] -> {@link MysqlFrameDecoder} (bytes to
 * packets, max_allowed_packet) -> {@link MysqlChannelHandler} (to the connection's session
 * thread, a platform thread where {@link MysqlSession} runs the protocol). Replies are framed by
 * the session's {@link PacketOutput}.
 */
public final class MysqlServer implements AutoCloseable {
    /** The MySQL version clients see; drivers choose features by it. */
    public static final String MYSQL_VERSION = "8.0.36";
    private static final long SESSION_SHUTDOWN_SECONDS = 5;

    private final Engine engine;
    private final MysqlServerConfig config;
    private final Optional<SSLContext> tls;
    private final MysqlServerContext context;
    private final Set<ExecutorService> sessionThreads = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threadFactory = Thread.ofPlatform().daemon().name("weftdb-mysql-session-", 1).factory();
    private ChannelGroup channels;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private volatile Channel serverChannel;

    /**
     * @param tls the TLS context offered to clients (SSL capability), or empty for none
     * @param accessToken the password every user must give, or empty to accept every login
     */
    public MysqlServer(Engine engine, MysqlServerConfig config, Optional<SSLContext> tls, Optional<String> accessToken) {
        this.engine = engine;
        this.config = config;
        this.tls = tls;
        String implementation = MysqlServer.class.getPackage().getImplementationVersion();
        String version = MYSQL_VERSION + "-WeftDB" + (implementation == null ? "" : "-" + implementation);
        this.context = new MysqlServerContext(engine, new MysqlSqlParser(), config, new AccessControl(accessToken),
                new ConnectionRegistry(), tls.isPresent(), version, this::port, Instant.now(), new AtomicLong());
    }

    /**
     * Starts listening.
     *
     * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when already started or the address cannot be bound
     */
    public synchronized void start(String host, int port) {
        if (serverChannel != null) {
            throw new IllegalStateException("the MySQL listener is already started");
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        acceptor = new MultiThreadIoEventLoopGroup(1, handlers);
        workers = new MultiThreadIoEventLoopGroup(config.workerThreads(), handlers);
        channels = new DefaultChannelGroup("weftdb-mysql", GlobalEventExecutor.INSTANCE);
        Supplier<SslHandler> tlsHandlers = tls.<Supplier<SslHandler>>map(sslContext -> () -> {
            SSLEngine sslEngine = sslContext.createSSLEngine();
            sslEngine.setUseClientMode(false);
            return new SslHandler(sslEngine);
        }).orElse(null);
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
                                .addLast("frames", new MysqlFrameDecoder(config.maxAllowedPacket(), tlsHandlers))
                                .addLast("session", new MysqlChannelHandler(context, sessionThread, afterClose));
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
    public int port() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("the MySQL listener is not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops listening and closes every connection; open transactions roll back. Idempotent. */
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
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void close() {
        stop();
    }
}
