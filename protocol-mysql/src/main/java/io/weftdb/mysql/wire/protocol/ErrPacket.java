package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** ERR_Packet: 0xFF, error code, '#' and the 5-character SQLSTATE, message. */
public record ErrPacket(int code, String sqlState, String message) implements ServerMessage {
    /** MySQL caps error messages (MYSQL_ERRMSG_SIZE); longer ones are cut rather than refused. */
    private static final int MAX_MESSAGE_BYTES = 8192;

    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0xFF);
        out.writeShortLE(code);
        out.writeByte('#');
        out.writeBytes(sqlState.getBytes(StandardCharsets.US_ASCII), 0, 5);
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(text, 0, Math.min(text.length, MAX_MESSAGE_BYTES));
    }
}
