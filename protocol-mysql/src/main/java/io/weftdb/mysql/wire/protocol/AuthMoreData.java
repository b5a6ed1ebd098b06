package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Protocol::AuthMoreData: 0x01 and plugin-specific bytes; caching_sha2_password uses it for
 * fast-auth success (0x03), "perform full authentication" (0x04) and the server's RSA public key.
 */
public record AuthMoreData(byte[] data) implements ServerMessage {
    public static final byte FAST_AUTH_SUCCESS = 3;
    public static final byte PERFORM_FULL_AUTHENTICATION = 4;

    @Override
    public void writePayload(ByteBuf out) {
        out.writeByte(0x01);
        out.writeBytes(data);
    }
}
