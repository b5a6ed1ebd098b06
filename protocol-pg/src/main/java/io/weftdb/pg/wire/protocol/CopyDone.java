package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/** CopyDone, in both directions: {@code Byte1('c') Int32(4)}; the COPY data stream is complete. */
public enum CopyDone implements FrontendMessage, BackendMessage {
    INSTANCE;

    public static final char TYPE = 'c';

    @Override
    public void write(ByteBuf out) {
        WireFormat.writeEmpty(out, TYPE);
    }
}
