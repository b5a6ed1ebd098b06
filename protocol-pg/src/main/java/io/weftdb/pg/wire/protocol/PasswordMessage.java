package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The client's answer to an {@link AuthenticationRequest}: {@code Byte1('p') Int32(length)
 * Byte(body)[length - 4]}. PasswordMessage, SASLInitialResponse and SASLResponse share the type
 * byte; only the request being answered says how to read the body, so the framing keeps it raw
 * and the authentication exchange interprets it ({@link #password()}, {@link #saslInitialResponse()}).
 */
public record PasswordMessage(byte[] body) implements FrontendMessage {
    public static final char TYPE = 'p';

    /** SASLInitialResponse: {@code String(mechanism) Int32(length, -1 for none) Byte(data)[length]}. */
    public record SaslInitialResponse(String mechanism, byte[] data) {
        public SaslInitialResponse {
            data = data == null ? null : data.clone();
        }

        @Override
        public byte[] data() {
            return data == null ? null : data.clone();
        }
    }

    public PasswordMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public static PasswordMessage decode(ByteBuf body) {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return new PasswordMessage(bytes);
    }

    /** A PasswordMessage carrying {@code password} (clear text or an MD5 answer) as a C string. */
    public static PasswordMessage ofPassword(String password) {
        byte[] text = password.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 1];
        System.arraycopy(text, 0, body, 0, text.length);
        return new PasswordMessage(body);
    }

    /** A SASLInitialResponse naming {@code mechanism} with its first data. */
    public static PasswordMessage ofSaslInitialResponse(String mechanism, byte[] data) {
        byte[] name = mechanism.getBytes(StandardCharsets.UTF_8);
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeBytes(name).writeByte(0).writeInt(data.length).writeBytes(data);
        return decode(buffer);
    }

    /** The body read as a PasswordMessage: one NUL-terminated string that must fill it. */
    public String password() {
        int end = indexOfNul(0);
        if (end != body.length - 1) {
            throw new ProtocolViolation("invalid password packet size");
        }
        return new String(body, 0, end, StandardCharsets.UTF_8);
    }

    /** The body read as a SASLInitialResponse. */
    public SaslInitialResponse saslInitialResponse() {
        int end = indexOfNul(0);
        if (end < 0 || body.length - end - 1 < 4) {
            throw new ProtocolViolation("invalid SASL initial response packet");
        }
        String mechanism = new String(body, 0, end, StandardCharsets.UTF_8);
        int at = end + 1;
        int length = ((body[at] & 0xFF) << 24) | ((body[at + 1] & 0xFF) << 16) | ((body[at + 2] & 0xFF) << 8) | (body[at + 3] & 0xFF);
        at += 4;
        if (length == -1 && at == body.length) {
            return new SaslInitialResponse(mechanism, null);
        }
        if (length < 0 || length != body.length - at) {
            throw new ProtocolViolation("invalid SASL initial response packet");
        }
        byte[] data = new byte[length];
        System.arraycopy(body, at, data, 0, length);
        return new SaslInitialResponse(mechanism, data);
    }

    private int indexOfNul(int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeBytes(body);
        WireFormat.end(out, start);
    }
}
