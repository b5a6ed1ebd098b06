package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * COM_STMT_PREPARE_OK: 0x00, statement id, number of result columns, number of parameters, a
 * filler byte and the warning count. The parameter and column definitions follow as packets of
 * their own.
 */
public record PrepareOkPacket(int statementId, int columns, int parameters, int warnings) implements ServerMessage {
    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0);
        out.writeIntLE(statementId);
        out.writeShortLE(columns);
        out.writeShortLE(parameters);
        out.writeByte(0);
        out.writeShortLE(warnings);
    }
}
