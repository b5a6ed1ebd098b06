package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * BackendKeyData: {@code Byte1('K') Int32(12) Int32(process id) Int32(secret key)}; what a client
 * must present in a CancelRequest.
 */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    public static final char TYPE = 'K';

    public static BackendKeyData decode(ByteBuf body) {
        return new BackendKeyData(WireFormat.readInt(body), WireFormat.readInt(body));
    }

    @Override
    public void write(ByteBuf out) {
        out.writeByte(TYPE);
        out.writeInt(12);
        out.writeInt(processId);
        out.writeInt(secretKey);
    }
}
