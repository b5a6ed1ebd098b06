package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Execute: {@code Byte1('E') Int32(length) String(portal) Int32(max rows, 0 for no limit)}; a limit
 * that stops the portal early is answered with PortalSuspended.
 */
public record Execute(String portalName, int maxRows) implements FrontendMessage {
    public static final char TYPE = 'E';

    public static Execute decode(ByteBuf body) {
        String portal = WireFormat.readCString(body);
        return new Execute(portal, WireFormat.readInt(body));
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, portalName);
        out.writeInt(maxRows);
        WireFormat.end(out, start);
    }
}
