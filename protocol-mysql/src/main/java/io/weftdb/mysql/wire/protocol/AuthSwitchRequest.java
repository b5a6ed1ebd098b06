package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/** Protocol::AuthSwitchRequest: 0xFE, the plugin to switch to, its fresh scramble NUL-terminated. */
public record AuthSwitchRequest(String pluginName, byte[] scramble) implements ServerMessage {
    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0xFE);
        MysqlBuffers.writeNullTerminatedString(out, pluginName);
        out.writeBytes(scramble);
        out.writeByte(0);
    }
}
