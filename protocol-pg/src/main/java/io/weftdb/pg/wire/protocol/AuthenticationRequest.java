package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The authentication requests a server sends after the StartupMessage, all {@code Byte1('R')
 * Int32(length) Int32(code) ...}: the code says what the client must answer with a
 * {@link PasswordMessage}. {@link AuthenticationOk} (code 0) ends the exchange.
 *
 * @see <a href="https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-START-UP">Start-up</a>
 */
public sealed interface AuthenticationRequest extends BackendMessage {
    char TYPE = 'R';

    int code();

    /** AuthenticationCleartextPassword: {@code Int32(3)}; the password follows in clear text. */
    record CleartextPassword() implements AuthenticationRequest {
        public static final int CODE = 3;

        @Override
        public int code() {
            return CODE;
        }

        @Override
        public void write(ByteBuf out) {
            int start = WireFormat.begin(out, TYPE);
            out.writeInt(CODE);
            WireFormat.end(out, start);
        }
    }

    /**
     * AuthenticationMD5Password: {@code Int32(5) Byte4(salt)}; the client answers
     * {@code "md5" || hex(md5(hex(md5(password || user)) || salt))}.
     */
    record Md5Password(byte[] salt) implements AuthenticationRequest {
        public static final int CODE = 5;

        public Md5Password {
            if (salt.length != 4) {
                throw new IllegalArgumentException("an MD5 salt has 4 bytes");
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public int code() {
            return CODE;
        }

        @Override
        public void write(ByteBuf out) {
            int start = WireFormat.begin(out, TYPE);
            out.writeInt(CODE);
            out.writeBytes(salt);
            WireFormat.end(out, start);
        }
    }

    /** AuthenticationSASL: {@code Int32(10) (String(mechanism))* Byte1(0)}, the mechanisms offered, preferred first. */
    record Sasl(List<String> mechanisms) implements AuthenticationRequest {
        public static final int CODE = 10;

        public Sasl {
            mechanisms = List.copyOf(mechanisms);
        }

        @Override
        public int code() {
            return CODE;
        }

        @Override
        public void write(ByteBuf out) {
            int start = WireFormat.begin(out, TYPE);
            out.writeInt(CODE);
            mechanisms.forEach(mechanism -> WireFormat.writeCString(out, mechanism));
            out.writeByte(0);
            WireFormat.end(out, start);
        }
    }

    /** AuthenticationSASLContinue: {@code Int32(11) Byte(data)[n]}, a server challenge (SCRAM's server-first-message). */
    record SaslContinue(byte[] data) implements AuthenticationRequest {
        public static final int CODE = 11;

        public SaslContinue {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int code() {
            return CODE;
        }

        @Override
        public void write(ByteBuf out) {
            int start = WireFormat.begin(out, TYPE);
            out.writeInt(CODE);
            out.writeBytes(data);
            WireFormat.end(out, start);
        }
    }

    /** AuthenticationSASLFinal: {@code Int32(12) Byte(data)[n]}, the outcome data (SCRAM's server-final-message). */
    record SaslFinal(byte[] data) implements AuthenticationRequest {
        public static final int CODE = 12;

        public SaslFinal {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int code() {
            return CODE;
        }

        @Override
        public void write(ByteBuf out) {
            int start = WireFormat.begin(out, TYPE);
            out.writeInt(CODE);
            out.writeBytes(data);
            WireFormat.end(out, start);
        }
    }

    /** Decodes the body of an 'R' message that is not AuthenticationOk (for clients and tests). */
    static AuthenticationRequest decode(ByteBuf body) {
        int code = WireFormat.readInt(body);
        return switch (code) {
            case CleartextPassword.CODE -> new CleartextPassword();
            case Md5Password.CODE -> {
                WireFormat.require(body, 4);
                byte[] salt = new byte[4];
                body.readBytes(salt);
                yield new Md5Password(salt);
            }
            case Sasl.CODE -> {
                List<String> mechanisms = new ArrayList<>();
                for (String name = WireFormat.readCString(body); !name.isEmpty(); name = WireFormat.readCString(body)) {
                    mechanisms.add(name);
                }
                yield new Sasl(mechanisms);
            }
            case SaslContinue.CODE -> new SaslContinue(rest(body));
            case SaslFinal.CODE -> new SaslFinal(rest(body));
            default -> throw new ProtocolViolation("unsupported authentication request " + code);
        };
    }

    private static byte[] rest(ByteBuf body) {
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        return data;
    }
}
