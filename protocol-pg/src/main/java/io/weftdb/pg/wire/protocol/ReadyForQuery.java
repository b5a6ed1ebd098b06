package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * ReadyForQuery: {@code Byte1('Z') Int32(5) Byte1(status)}, status 'I' idle, 'T' in a transaction
 * block, 'E' in a failed transaction block.
 */
public record ReadyForQuery(Status status) implements BackendMessage {
    public static final char TYPE = 'Z';

    /** The transaction status the message reports. */
    public enum Status {
        IDLE('I'),
        IN_TRANSACTION('T'),
        FAILED('E');

        private final char code;

        Status(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }
    }

    public static ReadyForQuery decode(ByteBuf body) {
        WireFormat.require(body, 1);
        byte code = body.readByte();
        for (Status status : Status.values()) {
            if (status.code == code) {
                return new ReadyForQuery(status);
            }
        }
        throw new ProtocolViolation("invalid transaction status " + code);
    }

    @Override
    public void write(ByteBuf out) {
        out.writeByte(TYPE);
        out.writeInt(5);
        out.writeByte(status.code());
    }
}
