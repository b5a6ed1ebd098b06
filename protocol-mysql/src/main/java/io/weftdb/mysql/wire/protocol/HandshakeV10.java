package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The server's greeting (Protocol::HandshakeV10): protocol version 10, server version, connection
 * id, the 20-byte scramble in two parts, capabilities, default collation, status and the default
 * authentication plugin.
 */
public record HandshakeV10(String serverVersion, int connectionId, byte[] scramble, int capabilities,
                           int collationId, int statusFlags, String authPluginName) implements ServerMessage {
    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(10);
        MysqlBuffers.writeNullTerminatedString(out, serverVersion);
        out.writeIntLE(connectionId);
        out.writeBytes(scramble, 0, 8);
        out.writeByte(0);
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(collationId);
        out.writeShortLE(statusFlags);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(scramble.length + 1);
        out.writeZero(10);
        out.writeBytes(scramble, 8, scramble.length - 8);
        out.writeByte(0);
        MysqlBuffers.writeNullTerminatedString(out, authPluginName);
    }
}
