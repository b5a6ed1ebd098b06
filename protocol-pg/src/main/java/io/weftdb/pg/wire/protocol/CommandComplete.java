package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** CommandComplete: {@code Byte1('C') Int32(length) String(command tag)}, e.g. "INSERT 0 3", "SELECT 5". */
public record CommandComplete(String tag) implements BackendMessage {
    public static final char TYPE = 'C';

    public static CommandComplete decode(ByteBuf body) {
        return new CommandComplete(WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, tag);
        WireFormat.end(out, start);
    }
}
