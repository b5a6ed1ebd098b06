package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The backend messages without a body, {@code Byte1(type) Int32(4)}: ParseComplete ('1'),
 * BindComplete ('2'), CloseComplete ('3'), NoData ('n'), PortalSuspended ('s') and
 * EmptyQueryResponse ('I').
 */
public enum Acknowledgement implements BackendMessage {
    PARSE_COMPLETE('1'),
    BIND_COMPLETE('2'),
    CLOSE_COMPLETE('3'),
    NO_DATA('n'),
    PORTAL_SUSPENDED('s'),
    EMPTY_QUERY_RESPONSE('I');

    private final char type;

    Acknowledgement(char type) {
        this.type = type;
    }

    public char type() {
        return type;
    }

    /** The acknowledgement with this type byte, or null. */
    public static Acknowledgement forType(char type) {
        for (Acknowledgement acknowledgement : values()) {
            if (acknowledgement.type == type) {
                return acknowledgement;
            }
        }
        return null;
    }

    @Override
    public void write(ByteBuf out) {
        WireFormat.writeEmpty(out, type);
    }
}
