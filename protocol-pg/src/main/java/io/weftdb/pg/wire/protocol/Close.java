package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** Close: {@code Byte1('C') Int32(length) Byte1('S' statement | 'P' portal) String(name)}. */
public record Close(Target target, String name) implements FrontendMessage {
    public static final char TYPE = 'C';

    public static Close decode(ByteBuf body) {
        WireFormat.require(body, 1);
        Target target = Target.decode(body.readByte(), "CLOSE");
        return new Close(target, WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeByte(target.code());
        WireFormat.writeCString(out, name);
        WireFormat.end(out, start);
    }
}
