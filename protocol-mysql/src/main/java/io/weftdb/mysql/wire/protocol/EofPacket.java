package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/** EOF_Packet (clients without CLIENT_DEPRECATE_EOF): 0xFE, warnings, status flags. */
public record EofPacket(int warnings, int statusFlags) implements ServerMessage {
    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0xFE);
        out.writeShortLE(warnings);
        out.writeShortLE(statusFlags);
    }
}
