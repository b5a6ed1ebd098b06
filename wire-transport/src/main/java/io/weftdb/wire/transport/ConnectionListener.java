package io.weftdb.wire.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP listener whose every accepted connection gets a {@link ConnectionLoop} of its own, with
 * the pipeline {@code initializer} sets up. One thread accepts; each connection's thread ends
 * when the connection has closed and the tasks it left (closing its session) have run. Stopping
 * interrupts the {@link Interruptible} handlers of every connection, then closes them all.
 *
 * <p>Linux's epoll transport is used where it is available (its wake-ups are cheaper), NIO
 * elsewhere.
 */
public final class ConnectionListener implements AutoCloseable {
    private final String name;
    private final Consumer<Channel> initializer;
    private final ThreadFactory connectionThreads;
    private final Set<ConnectionLoop> loops = ConcurrentHashMap.newKeySet();
    private ChannelGroup channels;
    private EventLoopGroup acceptor;
    private IoHandlerFactory ioHandlers;
    private volatile ServerChannel serverChannel;

    /**
     * @param name names the threads ({@code weftdb-<name>-accept}, {@code weftdb-<name>-session-N})
     * @param initializer sets up an accepted connection's pipeline (on its loop, before any read);
     *     handlers that are {@link Interruptible} are interrupted when the listener stops
     */
    public ConnectionListener(String name, Consumer<Channel> initializer) {
        this.name = name;
        this.initializer = initializer;
        // Netty's own thread class: its thread-locals (buffer pools, object recyclers) are fields of
        // the thread rather than ThreadLocal lookups, and every message allocates from them.
        AtomicInteger sessions = new AtomicInteger();
        this.connectionThreads = task -> {
            Thread thread = new FastThreadLocalThread(task, "weftdb-" + name + "-session-" + sessions.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts listening.
     *
     * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when already started or the address cannot be bound
     */
    public synchronized void start(String host, int port) {
        if (serverChannel != null) {
            throw new IllegalStateException("the " + name + " listener is already started");
        }
        boolean epoll = Epoll.isAvailable();
        ioHandlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        acceptor = new MultiThreadIoEventLoopGroup(1, Thread.ofPlatform().daemon().name("weftdb-" + name + "-accept").factory(),
                ioHandlers);
        channels = new DefaultChannelGroup("weftdb-" + name, GlobalEventExecutor.INSTANCE);
        ServerChannel server = epoll ? new EpollServerSocketChannel() : new NioServerSocketChannel();
        server.config().setOption(ChannelOption.SO_BACKLOG, 256);
        server.pipeline().addLast(new Acceptor());
        try {
            acceptor.register(server).syncUninterruptibly();
            server.bind(new InetSocketAddress(host, port)).syncUninterruptibly();
        } catch (Exception e) {
            server.close();
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        serverChannel = server;
    }

    /** The port listened on (the one chosen when started with port 0). */
    public int port() {
        ServerChannel server = serverChannel;
        if (server == null) {
            throw new IllegalStateException("the " + name + " listener is not started");
        }
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Stops accepting, interrupts and closes every connection, and waits up to {@code grace} for
     * their loops to finish what the connections left (rolling back open transactions). Idempotent.
     */
    public synchronized void stop(Duration grace) {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
        channels.forEach(ConnectionListener::interrupt);
        channels.close();
        long deadline = System.nanoTime() + grace.toNanos();
        for (ConnectionLoop loop : List.copyOf(loops)) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
        try {
            for (ConnectionLoop loop : List.copyOf(loops)) {
                if (!loop.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static void interrupt(Channel channel) {
        // Iterating a pipeline from another thread is safe: it walks a copy.
        for (Map.Entry<String, ChannelHandler> handler : channel.pipeline()) {
            if (handler.getValue() instanceof Interruptible interruptible) {
                interruptible.interrupt();
            }
        }
    }

    /** On the accepting thread: gives each new connection its loop and pipeline. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            Channel connection = (Channel) message;
            connection.config().setOption(ChannelOption.TCP_NODELAY, true);
            connection.config().setOption(ChannelOption.SO_KEEPALIVE, true);
            connection.config().setWriteBufferWaterMark(new WriteBufferWaterMark(256 * 1024, 1024 * 1024));
            connection.pipeline().addLast(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    channels.add(channel);
                    initializer.accept(channel);
                }
            });
            ConnectionLoop loop = new ConnectionLoop(connectionThreads, ioHandlers);
            loops.add(loop);
            loop.terminationFuture().addListener(ended -> loops.remove(loop));
            connection.closeFuture().addListener(closed -> loop.shutdownGracefully(0, 0, TimeUnit.SECONDS));
            loop.register(connection).addListener(registered -> {
                if (!registered.isSuccess()) {
                    connection.unsafe().closeForcibly();
                    loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // An accept failed (out of file descriptors, say): the listener keeps listening.
        }
    }
}
