package io.weftdb.pg.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.wire.transport.ConnectionLoop;

/**
 * A session's outgoing messages. Messages are encoded on the connection's thread into one buffer that
 * goes to the channel when {@link #flush()} is called (ReadyForQuery, a Flush message), when it
 * holds {@code flushThresholdBytes}, or every {@code rowsPerFlush} data rows. After handing a
 * buffer to the channel the session waits while the channel is not writable (serving the
 * connection's I/O: {@link ConnectionLoop#awaitWritable}), so a client that reads slowly slows the
 * statement down instead of filling the server's memory. A closed channel ends the wait with
 * {@link ClientGone}.
 */
final class MessageOutput {
    /** The client went away; whatever the session was doing for it should stop. */
    static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client connection closed", null, false, false);
        }
    }

    private final Channel channel;
    private final int flushThresholdBytes;
    private final int rowsPerFlush;
    private ByteBuf buffer;
    private int rowsSinceFlush;

    MessageOutput(Channel channel, int flushThresholdBytes, int rowsPerFlush) {
        this.channel = channel;
        this.flushThresholdBytes = flushThresholdBytes;
        this.rowsPerFlush = rowsPerFlush;
    }

    void send(BackendMessage message) {
        if (!channel.isActive()) {
            throw new ClientGone();
        }
        if (buffer == null) {
            buffer = channel.alloc().buffer(Math.min(flushThresholdBytes, 8192));
        }
        message.write(buffer);
        if (buffer.readableBytes() >= flushThresholdBytes) {
            flush();
        }
    }

    /**
     * Sends a data row (a DataRow, or a CopyData of COPY TO), flushing every {@code rowsPerFlush}
     * rows so slow queries still stream.
     */
    void sendRow(BackendMessage row) {
        send(row);
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
    }
}
