package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/** A packet the server sends: it writes its payload; framing adds the header. */
public interface ServerMessage {
    void writePayload(ByteBuf out);
}
