package io.weftdb.mysql.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.weftdb.mysql.wire.protocol.PacketFramer;
import io.weftdb.mysql.wire.protocol.ServerMessage;
import io.weftdb.wire.transport.ConnectionLoop;

/**
 * A connection's outgoing packets, written on the connection's thread. Each reply continues the
 * sequence ids of the client packet it answers ({@link #startReply}). Packets are framed into one
 * buffer handed to the channel at {@link #flush()}, when it holds {@code flushThresholdBytes}, or
 * every {@code rowsPerFlush} rows; after handing it over the session waits while the channel is
 * not writable ({@link ConnectionLoop#awaitWritable}), so a slow reader slows the query instead of
 * filling the server's memory.
 */
final class PacketOutput {
    /** The client went away; whatever the session was doing for it should stop. */
    static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client connection closed", null, false, false);
        }
    }

    private static final int MAX_KEPT_SCRATCH_BYTES = 1024 * 1024;

    private final Channel channel;
    private final int flushThresholdBytes;
    private final int rowsPerFlush;
    private ByteBuf buffer;
    private ByteBuf scratch;
    private int sequenceId;
    private int rowsSinceFlush;

    PacketOutput(Channel channel, int flushThresholdBytes, int rowsPerFlush) {
        this.channel = channel;
        this.flushThresholdBytes = flushThresholdBytes;
        this.rowsPerFlush = rowsPerFlush;
    }

    /** The next packet written answers a client packet that had {@code clientSequenceId}. */
    void startReply(int clientSequenceId) {
        sequenceId = (clientSequenceId + 1) & 0xFF;
    }

    void send(ServerMessage message) {
        ByteBuf payload = payloadBuffer();
        message.writePayload(payload);
        sendPayload(payload);
    }

    /** A payload buffer for callers that encode a packet themselves; pass it to {@link #sendPayload}. */
    ByteBuf payloadBuffer() {
        if (scratch != null && scratch.capacity() > MAX_KEPT_SCRATCH_BYTES) {
            // One huge row should not pin its buffer for the rest of the connection.
            scratch.release();
            scratch = null;
        }
        if (scratch == null) {
            scratch = channel.alloc().heapBuffer(256);
        }
        scratch.clear();
        return scratch;
    }

    void sendPayload(ByteBuf payload) {
        if (!channel.isActive()) {
            throw new ClientGone();
        }
        if (buffer == null) {
            buffer = channel.alloc().buffer(Math.min(flushThresholdBytes, 8192));
        }
        sequenceId = PacketFramer.write(buffer, payload, sequenceId);
        if (buffer.readableBytes() >= flushThresholdBytes) {
            flush();
        }
    }

    /** Sends a row packet, flushing every {@code rowsPerFlush} rows. */
    void sendRow(ByteBuf payload) {
        sendPayload(payload);
        if (++rowsSinceFlush >= rowsPerFlush) {
            flush();
        }
    }

    /** Hands what is buffered to the channel, then waits until the channel is writable again. */
    void flush() {
        rowsSinceFlush = 0;
        ByteBuf pending = buffer;
        buffer = null;
        if (pending != null) {
            if (pending.isReadable() && channel.isActive()) {
                channel.writeAndFlush(pending, channel.voidPromise());
            } else {
                pending.release();
            }
        }
        awaitWritable();
    }

    private void awaitWritable() {
        if (!ConnectionLoop.awaitWritable(channel)) {
            throw new ClientGone();
        }
    }

    /** Drops what is buffered (the connection is gone). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        if (scratch != null) {
            scratch.release();
            scratch = null;
        }
    }
}
