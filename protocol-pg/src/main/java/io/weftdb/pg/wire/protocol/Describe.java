package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** Describe: {@code Byte1('D') Int32(length) Byte1('S' statement | 'P' portal) String(name)}. */
public record Describe(Target target, String name) implements FrontendMessage {
    public static final char TYPE = 'D';

    public static Describe decode(ByteBuf body) {
        WireFormat.require(body, 1);
        Target target = Target.decode(body.readByte(), "DESCRIBE");
        return new Describe(target, WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeByte(target.code());
        WireFormat.writeCString(out, name);
        WireFormat.end(out, start);
    }
}
