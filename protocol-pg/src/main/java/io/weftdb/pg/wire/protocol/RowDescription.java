package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * RowDescription: {@code Byte1('T') Int32(length) Int16(n) (String(name) Int32(table OID)
 * Int16(column number) Int32(type OID) Int16(type length) Int32(type modifier) Int16(format))[n]}.
 */
public record RowDescription(List<Field> fields) implements BackendMessage {
    public static final char TYPE = 'T';

    public RowDescription {
        fields = List.copyOf(fields);
    }

    /** One column: table OID and column number are 0 for columns that are not plain table columns. */
    public record Field(String name, int tableOid, int columnNumber, int typeOid, int typeLength, int typeModifier,
                        int format) {
    }

    public static RowDescription decode(ByteBuf body) {
        int count = WireFormat.readCount(body);
        List<Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = WireFormat.readCString(body);
            WireFormat.require(body, 18);
            fields.add(new Field(name, body.readInt(), body.readShort(), body.readInt(), body.readShort(), body.readInt(),
                    body.readShort()));
        }
        return new RowDescription(fields);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, TYPE);
        out.writeShort(fields.size());
        for (Field field : fields) {
            WireFormat.writeCString(out, field.name());
            out.writeInt(field.tableOid());
            out.writeShort(field.columnNumber());
            out.writeInt(field.typeOid());
            out.writeShort(field.typeLength());
            out.writeInt(field.typeModifier());
            out.writeShort(field.format());
        }
        WireFormat.end(out, start);
    }
}
