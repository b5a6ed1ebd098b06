package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The single byte answering an SSLRequest or GSSENCRequest: 'N' (no encryption, go on with the
 * StartupMessage in the clear) or 'S' (TLS accepted: the client's TLS handshake follows, then the
 * StartupMessage inside TLS). There is no header.
 */
public enum EncryptionResponse implements BackendMessage {
    REFUSED('N'),
    TLS_ACCEPTED('S');

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
