package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** Query: {@code Byte1('Q') Int32(length) String(query string)}; one or more statements. */
public record SimpleQuery(String sql) implements FrontendMessage {
    public static final char TYPE = 'Q';

    public static SimpleQuery decode(ByteBuf body) {
        return new SimpleQuery(WireFormat.readCString(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, sql);
        WireFormat.end(out, start);
    }
}
