package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse: {@code Byte1('P') Int32(length) String(statement name) String(query) Int16(n)
 * Int32(parameter type OID)[n]}; an OID of 0 leaves the parameter's type to be inferred.
 */
public record Parse(String statementName, String sql, List<Integer> parameterTypes) implements FrontendMessage {
    public static final char TYPE = 'P';

    public Parse {
        parameterTypes = List.copyOf(parameterTypes);
    }

    public static Parse decode(ByteBuf body) {
        String name = WireFormat.readCString(body);
        String sql = WireFormat.readCString(body);
        int count = WireFormat.readCount(body);
        WireFormat.require(body, 4L * count);
        List<Integer> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(body.readInt());
        }
        return new Parse(name, sql, types);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, statementName);
        WireFormat.writeCString(out, sql);
        out.writeShort(parameterTypes.size());
        for (int type : parameterTypes) {
            out.writeInt(type);
        }
        WireFormat.end(out, start);
    }
}
