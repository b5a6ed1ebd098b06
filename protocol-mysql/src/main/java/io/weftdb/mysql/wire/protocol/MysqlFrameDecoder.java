package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.channel.ChannelHandler;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frames the client's byte stream into {@link Packet}s. Each frame is a 3-byte little-endian
 * payload length, a 1-byte sequence id and the payload; a frame of exactly 0xFFFFFF bytes means
 * the payload continues in the next frame, so a logical packet of 16 MB or more arrives as several
 * frames ending with a shorter (possibly empty) one. See "MySQL Packets" in the client/server
 * protocol documentation.
 *
 * <p>The total payload is bounded by max_allowed_packet: the check runs on each frame header,
 * before its bytes are buffered, and a packet over the limit becomes an {@link OversizedPacket}
 * with the rest of the input discarded (the connection is closing).
 *
 * <p>TLS starts in the middle of the stream: the client's SSLRequest (the first packet, 32 bytes,
 * with the SSL capability) is followed at once by its TLS ClientHello, often in the same read. So
 * the decoder itself installs the TLS handler (Netty's SslHandler) in front of it right after that packet and
 * feeds the bytes it already holds back through it, before they could be taken for frames.
 */
public final class MysqlFrameDecoder extends ByteToMessageDecoder {
    public static final int HEADER_BYTES = 4;
    public static final int MAX_FRAME_PAYLOAD = 0xFFFFFF;

    private final long maxAllowedPacket;
    private final Supplier<? extends ChannelHandler> tls;
    private boolean firstPacket = true;
    private boolean upgradingToTls;
    private CompositeByteBuf pending;
    private long pendingBytes;
    private boolean discarding;

    /** @param tls makes the server-side TLS handler, or null when the listener offers no TLS */
    public MysqlFrameDecoder(long maxAllowedPacket, Supplier<? extends ChannelHandler> tls) {
        this.maxAllowedPacket = maxAllowedPacket;
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
        super.channelRead(context, message);
        if (upgradingToTls) {
            upgradingToTls = false;
            ByteBuf cumulated = internalBuffer();
            ByteBuf early = cumulated.isReadable() ? cumulated.readRetainedSlice(cumulated.readableBytes()) : null;
            context.pipeline().addBefore(context.name(), "tls", tls.get());
            if (early != null) {
                context.pipeline().fireChannelRead(early);
            }
        }
    }

    private static boolean isSslRequest(int sequenceId, ByteBuf payload) {
        return sequenceId == 1 && payload.readableBytes() == HandshakeResponse.SSL_REQUEST_BYTES
                && Capabilities.has(payload.getIntLE(payload.readerIndex()), Capabilities.SSL);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        while (!discarding && !upgradingToTls && in.readableBytes() >= HEADER_BYTES) {
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequenceId = in.getUnsignedByte(start + 3);
            if (pendingBytes + length > maxAllowedPacket) {
                discarding = true;
                releasePending();
                out.add(new OversizedPacket(sequenceId, pendingBytes + length, maxAllowedPacket));
                break;
            }
            if (in.readableBytes() < HEADER_BYTES + length) {
                return;
            }
            in.skipBytes(HEADER_BYTES);
            ByteBuf frame = in.readRetainedSlice(length);
            if (length == MAX_FRAME_PAYLOAD) {
                if (pending == null) {
                    pending = context.alloc().compositeBuffer(Integer.MAX_VALUE);
                }
                pending.addComponent(true, frame);
                pendingBytes += length;
                continue;
            }
            if (pending == null) {
                out.add(new Packet(sequenceId, frame));
                if (firstPacket && tls != null && isSslRequest(sequenceId, frame)) {
                    upgradingToTls = true;
                }
                firstPacket = false;
            } else {
                pending.addComponent(true, frame);
                out.add(new Packet(sequenceId, pending));
                pending = null;
                pendingBytes = 0;
            }
        }
        if (discarding) {
            in.skipBytes(in.readableBytes());
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext context) {
        releasePending();
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        pendingBytes = 0;
    }
}
