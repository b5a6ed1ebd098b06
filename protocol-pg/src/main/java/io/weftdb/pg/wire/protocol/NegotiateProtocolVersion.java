package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * NegotiateProtocolVersion: {@code Byte1('v') Int32(length) Int32(newest minor version supported)
 * Int32(n) String(unrecognized protocol option)[n]}; sent after a StartupMessage asking for a newer
 * minor version or for {@code _pq_.} options.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) implements BackendMessage {
    public static final char TYPE = 'v';

    public NegotiateProtocolVersion {
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }

    public static NegotiateProtocolVersion decode(ByteBuf body) {
        int minor = WireFormat.readInt(body);
        int count = WireFormat.readInt(body);
        List<String> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            options.add(WireFormat.readCString(body));
        }
        return new NegotiateProtocolVersion(minor, options);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeInt(newestMinorVersion);
        out.writeInt(unrecognizedOptions.size());
        unrecognizedOptions.forEach(option -> WireFormat.writeCString(out, option));
        WireFormat.end(out, start);
    }
}
