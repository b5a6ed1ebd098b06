package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** AuthenticationOk: {@code Byte1('R') Int32(8) Int32(0)}; the client is in. */
public record AuthenticationOk() implements BackendMessage {
    public static final char TYPE = 'R';
    public static final AuthenticationOk INSTANCE = new AuthenticationOk();

    public static AuthenticationOk decode(ByteBuf body) {
        int code = WireFormat.readInt(body);
        if (code != 0) {
            throw new ProtocolViolation("authentication request " + code + " is not AuthenticationOk");
        }
        return INSTANCE;
    }

    @Override
    public void write(ByteBuf out) {
        out.writeByte(TYPE);
        out.writeInt(8);
        out.writeInt(0);
    }
}
