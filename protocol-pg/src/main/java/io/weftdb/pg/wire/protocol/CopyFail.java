package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * CopyFail: {@code Byte1('f') Int32(length) String(reason)}; the client abandons a COPY FROM STDIN,
 * which fails with 57014 "COPY from stdin failed: reason".
 */
public record CopyFail(String message) implements FrontendMessage {
    public static final char TYPE = 'f';

    public static CopyFail decode(ByteBuf body) {
        return new CopyFail(WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, message);
        WireFormat.end(out, start);
    }
}
