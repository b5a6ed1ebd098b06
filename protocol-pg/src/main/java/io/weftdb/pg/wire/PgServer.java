package io.weftdb.pg.wire;

import io.weftdb.engine.Engine;
import io.weftdb.pg.wire.protocol.PgFrameDecoder;
import io.weftdb.pg.wire.protocol.PgMessageEncoder;
import io.weftdb.wire.transport.ConnectionListener;
import java.time.Duration;

/**
 * A PostgreSQL v3 wire-protocol listener over an {@link Engine}. Each connection has a thread of
 * its own (a {@link io.weftdb.wire.transport.ConnectionLoop}) that reads its messages, runs them
 * and writes the replies, as a PostgreSQL backend does. {@link PgSecurity} says whether SSLRequests
 * are accepted (TLS) and whether clients must give a password.
 *
 * <p>Each connection's pipeline: [{@code SslHandler}, once TLS is negotiated] ->
 * {@link PgFrameDecoder} (bytes to messages) -> {@link PgMessageEncoder} (messages to bytes) ->
 * {@link PgEncryptionNegotiator} (SSLRequest, GSSENCRequest) -> {@link PgChannelHandler} (queues
 * messages for {@link PgSession}, the protocol's state machine, which runs as tasks of the loop).
 */
public final class PgServer implements AutoCloseable {
    private static final Duration SESSION_SHUTDOWN = Duration.ofSeconds(5);

    private final ConnectionListener listener;

    /** A listener without TLS or passwords ("trust"). */
    public PgServer(Engine engine, PgServerConfig config) {
        this(engine, config, PgSecurity.none());
    }

    public PgServer(Engine engine, PgServerConfig config, PgSecurity security) {
        BackendKeys keys = new BackendKeys();
        this.listener = new ConnectionListener("pg", channel -> channel.pipeline()
                .addLast("frames", new PgFrameDecoder(config.maxMessageBytes()))
                .addLast("messages", PgMessageEncoder.INSTANCE)
                .addLast("encryption", new PgEncryptionNegotiator(security.tls()))
                .addLast("session", new PgChannelHandler(engine, config, keys, security.passwords(), channel.eventLoop())));
    }

    /**
     * Starts listening.
     *
     * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when already started or the address cannot be bound
     */
    public void start(String host, int port) {
        listener.start(host, port);
    }

    /** The port listened on (the one chosen when started with port 0). */
    public int port() {
        return listener.port();
    }

    /**
     * Stops listening and closes every connection: running statements are cancelled and open
     * transactions rolled back. Waits briefly for the sessions to finish. Idempotent.
     */
    public void stop() {
        listener.stop(SESSION_SHUTDOWN);
    }

    @Override
    public void close() {
        stop();
    }
}
