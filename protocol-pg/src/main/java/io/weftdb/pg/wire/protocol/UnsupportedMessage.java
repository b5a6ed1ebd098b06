package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A well-formed frontend message this server does not implement: FunctionCall ('F', refused with
 * an error). Layout: {@code Byte1(type) Int32(length) Byte(body)[length - 4]}; the body is
 * skipped.
 */
public record UnsupportedMessage(char type) implements FrontendMessage {

    @Override
    public void write(ByteBuf out) {
        WireFormat.writeEmpty(out, type);
    }
}
