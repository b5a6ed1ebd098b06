package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * SSLRequest {@code Int32(8) Int32(80877103)} and GSSENCRequest {@code Int32(8) Int32(80877104)}:
 * a client asking to encrypt the connection before its StartupMessage. The server answers with one
 * byte ({@link EncryptionResponse}) and then reads the StartupMessage (or the TLS handshake).
 */
public enum EncryptionRequest implements FrontendMessage {
    SSL(80877103),
    GSSAPI(80877104);

    private final int code;

    EncryptionRequest(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The request with this code, or null when the code names none. */
    public static EncryptionRequest forCode(int code) {
        for (EncryptionRequest request : values()) {
            if (request.code == code) {
                return request;
            }
        }
        return null;
    }

    @Override
    public void write(ByteBuf out) {
        out.writeInt(8);
        out.writeInt(code);
    }
}
