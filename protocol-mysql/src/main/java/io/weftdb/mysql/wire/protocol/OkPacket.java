package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * OK_Packet: header 0x00 (0xFE when it ends a result set under CLIENT_DEPRECATE_EOF), affected
 * rows and last insert id as length-encoded integers, status flags, warning count.
 */
public record OkPacket(boolean endsResultSet, long affectedRows, long lastInsertId, int statusFlags, int warnings)
        implements ServerMessage {
    public static OkPacket of(int statusFlags) {
        return new OkPacket(false, 0, 0, statusFlags, 0);
    }

    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(endsResultSet ? 0xFE : 0x00);
        MysqlBuffers.writeLengthEncodedInteger(out, affectedRows);
        MysqlBuffers.writeLengthEncodedInteger(out, lastInsertId);
        out.writeShortLE(statusFlags);
        out.writeShortLE(warnings);
    }
}
