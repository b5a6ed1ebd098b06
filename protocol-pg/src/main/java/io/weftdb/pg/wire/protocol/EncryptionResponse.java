package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The single byte answering an SSLRequest or GSSENCRequest: 'N' (no encryption, go on with the
 * StartupMessage in the clear) or 'S'/'G' (accepted). There is no header.
 */
public enum EncryptionResponse implements BackendMessage {
    REFUSED('N');

    private final char code;

    EncryptionResponse(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    @Override
    public void write(ByteBuf out) {
        out.writeByte(code);
    }
}
