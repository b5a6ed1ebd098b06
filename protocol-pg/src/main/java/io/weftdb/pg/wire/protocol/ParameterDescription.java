package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** ParameterDescription: {@code Byte1('t') Int32(length) Int16(n) Int32(parameter type OID)[n]}. */
public record ParameterDescription(List<Integer> typeOids) implements BackendMessage {
    public static final char TYPE = 't';

    public ParameterDescription {
        typeOids = List.copyOf(typeOids);
    }

    public static ParameterDescription decode(ByteBuf body) {
        int count = WireFormat.readCount(body);
        WireFormat.require(body, 4L * count);
        List<Integer> oids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            oids.add(body.readInt());
        }
        return new ParameterDescription(oids);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeShort(typeOids.size());
        typeOids.forEach(out::writeInt);
        WireFormat.end(out, start);
    }
}
