package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** The readable bytes of a buffer, as int values for readable assertions. */
final class ByteBufUtilBytes {
    private ByteBufUtilBytes() {
    }

    static byte[] of(ByteBuf buffer) {
        return ByteBufUtil.getBytes(buffer);
    }
}
