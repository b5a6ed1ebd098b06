package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * CopyData, in both directions: {@code Byte1('d') Int32(length) Byte(data)[length - 4]}. A chunk
 * of a COPY data stream; chunks need not align with rows.
 * See https://www.postgresql.org/docs/current/protocol-message-formats.html
 *
 * <p>Built once per chunk, so it keeps the array it is given rather than copying it.
 */
public final class CopyData implements FrontendMessage, BackendMessage {
    public static final char TYPE = 'd';

    private final byte[] data;

    /** @param data the chunk; owned by the message from now on */
    public CopyData(byte[] data) {
        this.data = data;
    }

    /** The chunk itself, not a copy: read it, do not change it. */
    public byte[] data() {
        return data;
    }

    public static CopyData decode(ByteBuf body) {
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        return new CopyData(data);
    }

    @Override
    public void write(ByteBuf out) {
        out.writeByte(TYPE);
        out.writeInt(4 + data.length);
        out.writeBytes(data);
    }
}
