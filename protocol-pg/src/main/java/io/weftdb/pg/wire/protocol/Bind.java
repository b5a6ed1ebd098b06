package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bind: {@code Byte1('B') Int32(length) String(portal) String(statement) Int16(n)
 * Int16(parameter format)[n] Int16(m) (Int32(length, -1 for NULL) Byte(value)[length])[m] Int16(r)
 * Int16(result format)[r]}. A format code is 0 for text, 1 for binary; zero codes mean all text,
 * one code applies to all.
 *
 * <p>The value arrays are owned by the message once it is built: neither side changes them.
 */
public record Bind(String portalName, String statementName, List<Integer> parameterFormats, List<byte[]> parameterValues,
                   List<Integer> resultFormats) implements FrontendMessage {
    public static final char TYPE = 'B';

    public Bind {
        parameterFormats = List.copyOf(parameterFormats);
        parameterValues = Collections.unmodifiableList(new ArrayList<>(parameterValues));
        resultFormats = List.copyOf(resultFormats);
    }

    public static Bind decode(ByteBuf body) {
        String portal = WireFormat.readCString(body);
        String statement = WireFormat.readCString(body);
        List<Integer> parameterFormats = readFormats(body);
        int count = WireFormat.readCount(body);
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = WireFormat.readInt(body);
            if (length == -1) {
                values.add(null);
                continue;
            }
            WireFormat.require(body, length);
            byte[] value = new byte[length];
            body.readBytes(value);
            values.add(value);
        }
        return new Bind(portal, statement, parameterFormats, values, readFormats(body));
    }

    private static List<Integer> readFormats(ByteBuf body) {
        int count = WireFormat.readCount(body);
        WireFormat.require(body, 2L * count);
        List<Integer> formats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            formats.add((int) body.readShort());
        }
        return formats;
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        WireFormat.writeCString(out, portalName);
        WireFormat.writeCString(out, statementName);
        out.writeShort(parameterFormats.size());
        parameterFormats.forEach(out::writeShort);
        out.writeShort(parameterValues.size());
        for (byte[] value : parameterValues) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
        out.writeShort(resultFormats.size());
        resultFormats.forEach(out::writeShort);
        WireFormat.end(out, start);
    }
}
