package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** ParameterStatus: {@code Byte1('S') Int32(length) String(name) String(value)}. */
public record ParameterStatus(String name, String value) implements BackendMessage {
    public static final char TYPE = 'S';

    public static ParameterStatus decode(ByteBuf body) {
        return new ParameterStatus(WireFormat.readCString(body), WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, name);
        WireFormat.writeCString(out, value);
        WireFormat.end(out, start);
    }
}
