package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * DataRow: {@code Byte1('D') Int32(length) Int16(n) (Int32(length, -1 for NULL)
 * Byte(value)[length])[n]}. Values are already in the format the portal asked for.
 *
 * <p>Built once per result row, so it keeps the value arrays it is given rather than copying them;
 * the session hands over fresh arrays and never touches them again.
 */
public final class DataRow implements BackendMessage {
    public static final char TYPE = 'D';

    private final byte[][] values;

    /** @param values one array per column, null for SQL NULL; owned by the message from now on */
    public DataRow(byte[][] values) {
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    /** A copy of column {@code index}'s value, or null for NULL. */
    public byte[] value(int index) {
        byte[] value = values[index];
        return value == null ? null : value.clone();
    }

    public static DataRow decode(ByteBuf body) {
        int count = WireFormat.readCount(body);
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int length = WireFormat.readInt(body);
            if (length >= 0) {
                WireFormat.require(body, length);
                values[i] = new byte[length];
                body.readBytes(values[i]);
            }
        }
        return new DataRow(values);
    }

    @Override
    public void write(ByteBuf out) {
        int length = 4 + 2;
        for (byte[] value : values) {
            length += 4 + (value == null ? 0 : value.length);
        }
        out.ensureWritable(length + 1);
        out.writeByte(TYPE);
        out.writeInt(length);
        out.writeShort(values.length);
        for (byte[] value : values) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataRow row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "DataRow" + Arrays.deepToString(values);
    }
}
