package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The frontend messages without a body, {@code Byte1(type) Int32(4)}: Sync ('S') ends an extended
 * query cycle, Flush ('H') asks for pending output, Terminate ('X') ends the session.
 */
public enum ControlMessage implements FrontendMessage {
    SYNC('S'),
    FLUSH('H'),
    TERMINATE('X');

    private final char type;

    ControlMessage(char type) {
        this.type = type;
    }

    public char type() {
        return type;
    }

    @Override
    public void write(ByteBuf out) {
        WireFormat.writeEmpty(out, type);
    }
}
