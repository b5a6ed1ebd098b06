package io.weftdb.wire.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionListenerTest {
    private static final int BIG_OUTPUT = 16 * 1024 * 1024;

    private ConnectionListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop(Duration.ofSeconds(5));
        }
    }

    private int listen(Consumer<Channel> initializer) {
        listener = new ConnectionListener("test", initializer);
        listener.start("127.0.0.1", 0);
        return listener.port();
    }

    /** Runs {@code work} as a task on the connection's loop when the client's first bytes arrive. */
    private static Consumer<Channel> onFirstRead(AtomicLong bytesRead, Consumer<Channel> work) {
        return channel -> channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            private boolean started;

            @Override
            public void channelRead(ChannelHandlerContext context, Object message) {
                ByteBuf bytes = (ByteBuf) message;
                bytesRead.addAndGet(bytes.readableBytes());
                bytes.release();
                if (!started) {
                    started = true;
                    context.executor().execute(() -> work.accept(context.channel()));
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                // Writes pending when the client went away fail; the tests look at the result instead.
            }
        });
    }

    /** Writes {@code total} bytes in 64 KiB pieces, waiting for writability between them. */
    private static boolean writeAwaiting(Channel channel, int total) {
        for (int sent = 0; sent < total; sent += 65536) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[65536]), channel.voidPromise());
            if (!ConnectionLoop.awaitWritable(channel)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void eachConnectionIsServedByAThreadOfItsOwnThatAlsoRunsItsWork() throws Exception {
        int port = listen(onFirstRead(new AtomicLong(), channel -> channel.writeAndFlush(
                Unpooled.copiedBuffer(Thread.currentThread().getName() + "\n", StandardCharsets.UTF_8))));

        try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
            first.getOutputStream().write('x');
            second.getOutputStream().write('x');
            String firstThread = readLine(first.getInputStream());
            String secondThread = readLine(second.getInputStream());

            assertThat(firstThread).startsWith("weftdb-test-session-");
            assertThat(secondThread).startsWith("weftdb-test-session-").isNotEqualTo(firstThread);
        }
    }

    @Test
    void awaitingWritabilitySendsAsTheClientReadsAndKeepsReadingWhatItSends() throws Exception {
        AtomicLong bytesRead = new AtomicLong();
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        int port = listen(onFirstRead(bytesRead, channel -> written.complete(writeAwaiting(channel, BIG_OUTPUT))));

        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write('x');
            Thread.sleep(300);
            assertThat(written).as("the client has not read yet").isNotDone();

            client.getOutputStream().write(new byte[1000]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (bytesRead.get() < 1001 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(bytesRead.get()).as("input read while the output waits").isEqualTo(1001);

            assertThat(client.getInputStream().readNBytes(BIG_OUTPUT)).hasSize(BIG_OUTPUT);
            assertThat(written.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void awaitingWritabilityEndsWhenTheClientGoesAway() throws Exception {
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        int port = listen(onFirstRead(new AtomicLong(),
                channel -> written.complete(writeAwaiting(channel, Integer.MAX_VALUE))));

        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write('x');
            Thread.sleep(300);
            assertThat(written).isNotDone();
        }

        assertThat(written.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void awaitingWritabilityAnywhereButOnTheConnectionsLoopIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

        assertThatThrownBy(() -> ConnectionLoop.awaitWritable(channel)).isInstanceOf(IllegalStateException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void stoppingInterruptsBusyConnectionsClosesThemAndEndsTheirThreads() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch busy = new CountDownLatch(1);
        Thread[] loopThread = new Thread[1];
        Consumer<Channel> spinUntilInterrupted = onFirstRead(new AtomicLong(), channel -> {
            loopThread[0] = Thread.currentThread();
            busy.countDown();
            while (!interrupted.get()) {
                Thread.onSpinWait();
            }
        });
        int port = listen(channel -> {
            spinUntilInterrupted.accept(channel);
            channel.pipeline().addLast(new InterruptibleHandler(() -> interrupted.set(true)));
        });

        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write('x');
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

            listener.stop(Duration.ofSeconds(5));

            assertThat(interrupted).isTrue();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            loopThread[0].join(5000);
            assertThat(loopThread[0].isAlive()).isFalse();
        }
    }

    /** Stands for a session handler: interrupting it runs {@code onInterrupt}. */
    private static final class InterruptibleHandler extends ChannelInboundHandlerAdapter implements Interruptible {
        private final Runnable onInterrupt;

        InterruptibleHandler(Runnable onInterrupt) {
            this.onInterrupt = onInterrupt;
        }

        @Override
        public void interrupt() {
            onInterrupt.run();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
