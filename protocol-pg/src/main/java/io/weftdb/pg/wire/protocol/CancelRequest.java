package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * CancelRequest: {@code Int32(16) Int32(80877102) Int32(process id) Int32(secret key)}, sent on a
 * fresh connection instead of a StartupMessage; the server acts on it and closes without a reply.
 */
public record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    public static final int CODE = 80877102;
    public static final int LENGTH = 16;

    /** Decodes the body after the code. */
    public static CancelRequest decode(ByteBuf body) {
        return new CancelRequest(WireFormat.readInt(body), WireFormat.readInt(body));
    }

    @Override
    public void write(ByteBuf out) {
        out.writeInt(LENGTH);
        out.writeInt(CODE);
        out.writeInt(processId);
        out.writeInt(secretKey);
    }
}
