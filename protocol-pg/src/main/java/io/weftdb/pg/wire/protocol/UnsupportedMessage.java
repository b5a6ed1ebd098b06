package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A well-formed frontend message this server does not implement: FunctionCall ('F', refused with
 * an error) and CopyData/CopyDone/CopyFail ('d', 'c', 'f', ignored outside a COPY as PostgreSQL
 * ignores them). Layout: {@code Byte1(type) Int32(length) Byte(body)[length - 4]}; the body is
 * skipped.
 */
public record UnsupportedMessage(char type) implements FrontendMessage {

    public boolean isCopyTraffic() {
        return type == 'd' || type == 'c' || type == 'f';
    }

    @Override
    public void write(ByteBuf out) {
        WireFormat.writeEmpty(out, type);
    }
}
