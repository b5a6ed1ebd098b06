package io.weftdb.pg.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.weftdb.pg.wire.protocol.EncryptionRequest;
import io.weftdb.pg.wire.protocol.EncryptionResponse;
import io.weftdb.pg.wire.protocol.ProtocolViolation;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Answers SSLRequest and GSSENCRequest as they are read, before the session sees anything. With
 * TLS configured an SSLRequest is answered 'S' and a {@link SslHandler} goes to the head of the
 * pipeline, so the client's handshake and everything after it pass through TLS; the 'S' itself
 * still leaves in the clear (the handler is in start-TLS mode). GSSAPI encryption is never
 * offered ('N').
 *
 * <p>As in PostgreSQL, a connection negotiates each kind once: a second SSLRequest, or a
 * GSSENCRequest inside TLS, is read as a StartupMessage of an unknown protocol version (FATAL
 * 0A000). The frame decoder already refused any bytes sent behind a request without waiting for
 * the answer.
 */
final class PgEncryptionNegotiator extends ChannelInboundHandlerAdapter {
    static final String TLS_HANDLER_NAME = "tls";

    private final Optional<SSLContext> tls;
    private boolean sslDone;
    private boolean gssDone;

    PgEncryptionNegotiator(Optional<SSLContext> tls) {
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof EncryptionRequest request)) {
            context.fireChannelRead(message);
            return;
        }
        boolean again = request == EncryptionRequest.SSL ? sslDone : gssDone;
        if (again) {
            int code = request.code();
            context.fireExceptionCaught(new ProtocolViolation(ProtocolViolation.FEATURE_NOT_SUPPORTED,
                    "unsupported frontend protocol " + (code >>> 16) + "." + (code & 0xFFFF) + ": server supports 3.0 to 3.0"));
            return;
        }
        if (request == EncryptionRequest.SSL && tls.isPresent()) {
            SSLEngine engine = tls.get().createSSLEngine();
            engine.setUseClientMode(false);
            context.pipeline().addFirst(TLS_HANDLER_NAME, new SslHandler(engine, true));
            sslDone = true;
            gssDone = true;
            context.writeAndFlush(EncryptionResponse.TLS_ACCEPTED);
        } else {
            // Refused: the client may still ask for the other kind before its StartupMessage.
            sslDone |= request == EncryptionRequest.SSL;
            gssDone |= request == EncryptionRequest.GSSAPI;
            context.writeAndFlush(EncryptionResponse.REFUSED);
        }
    }
}
