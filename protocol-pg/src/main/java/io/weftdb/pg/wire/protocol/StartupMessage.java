package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StartupMessage: {@code Int32(length) Int32(protocol version, 196608 for 3.0) (String name,
 * String value)* Byte1(0)}. The first message of a session, sent without a type byte.
 *
 * @see <a href="https://www.postgresql.org/docs/current/protocol-message-formats.html">Message Formats</a>
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
    /** Protocol 3.0: major version 3 in the high 16 bits, minor 0 in the low 16. */
    public static final int PROTOCOL_3_0 = 196608;

    public StartupMessage {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static StartupMessage of(Map<String, String> parameters) {
        return new StartupMessage(PROTOCOL_3_0, parameters);
    }

    public int majorVersion() {
        return protocolVersion >>> 16;
    }

    public int minorVersion() {
        return protocolVersion & 0xFFFF;
    }

    /** Decodes the name/value pairs that follow the version (already read as {@code protocolVersion}). */
    public static StartupMessage decode(int protocolVersion, ByteBuf body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            String name = WireFormat.readCString(body);
            if (name.isEmpty()) {
                break;
            }
            parameters.put(name, WireFormat.readCString(body));
        }
        return new StartupMessage(protocolVersion, parameters);
    }

    @Override
    public void write(ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(protocolVersion);
        parameters.forEach((name, value) -> {
            WireFormat.writeCString(out, name);
            WireFormat.writeCString(out, value);
        });
        out.writeByte(0);
        out.setInt(start, out.writerIndex() - start);
    }
}
