package io.weftdb.mysql.wire;

import io.netty.handler.ssl.SslHandler;
import io.weftdb.engine.Engine;
import io.weftdb.mysql.sql.MysqlSqlParser;
import io.weftdb.mysql.wire.protocol.MysqlFrameDecoder;
import io.weftdb.wire.transport.ConnectionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A MySQL client/server protocol listener over an {@link Engine}. Each connection has a thread of
 * its own (a {@link io.weftdb.wire.transport.ConnectionLoop}) that reads its packets, runs them and
 * writes the replies. Each connection's pipeline: [{@link SslHandler}, added when the client asks
 * for TLS] -> {@link MysqlFrameDecoder} (bytes to packets, max_allowed_packet) ->
 * {@link MysqlChannelHandler} (packets to {@link MysqlSession}, which runs the protocol as tasks of
 * the loop). Replies are framed by the session's {@link PacketOutput}.
 */
public final class MysqlServer implements AutoCloseable {
    /** The MySQL version clients see; drivers choose features by it. */
    public static final String MYSQL_VERSION = "8.0.36";
    private static final Duration SESSION_SHUTDOWN = Duration.ofSeconds(5);

    private final MysqlServerContext context;
    private final ConnectionListener listener;

    /**
     * @param tls the TLS context offered to clients (SSL capability), or empty for none
     * @param accessToken the password every user must give, or empty to accept every login
     */
    public MysqlServer(Engine engine, MysqlServerConfig config, Optional<SSLContext> tls, Optional<String> accessToken) {
        String implementation = MysqlServer.class.getPackage().getImplementationVersion();
        String version = MYSQL_VERSION + "-WeftDB" + (implementation == null ? "" : "-" + implementation);
        this.context = new MysqlServerContext(engine, new MysqlSqlParser(), config, new AccessControl(accessToken),
                new ConnectionRegistry(), tls.isPresent(), version, this::port, Instant.now(), new AtomicLong());
        Supplier<SslHandler> tlsHandlers = tls.<Supplier<SslHandler>>map(sslContext -> () -> {
            SSLEngine sslEngine = sslContext.createSSLEngine();
            sslEngine.setUseClientMode(false);
            return new SslHandler(sslEngine);
        }).orElse(null);
        this.listener = new ConnectionListener("mysql", channel -> channel.pipeline()
                .addLast("frames", new MysqlFrameDecoder(config.maxAllowedPacket(), tlsHandlers))
                .addLast("session", new MysqlChannelHandler(context, channel.eventLoop())));
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

    /** Stops listening and closes every connection; running statements are cancelled, open transactions roll back. Idempotent. */
    public void stop() {
        listener.stop(SESSION_SHUTDOWN);
    }

    @Override
    public void close() {
        stop();
    }
}
