package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Protocol::ColumnDefinition41: catalog "def", schema, table, original table, name, original name,
 * then a fixed block of character set, display length, type, flags and decimals.
 */
public record ColumnDefinition(String schema, String table, String originalTable, String name,
                               String originalName, int characterSet, long length, ColumnType type, int flags,
                               int decimals) implements ServerMessage {
    public static final int NOT_NULL_FLAG = 1;
    public static final int PRI_KEY_FLAG = 2;
    public static final int UNSIGNED_FLAG = 32;
    public static final int BINARY_FLAG = 128;
    public static final int NUM_FLAG = 32768;

    @Override
    public void writePayload(ByteBuf out) {
        MysqlBuffers.writeLengthEncodedString(out, "def");
        MysqlBuffers.writeLengthEncodedString(out, schema);
        MysqlBuffers.writeLengthEncodedString(out, table);
        MysqlBuffers.writeLengthEncodedString(out, originalTable);
        MysqlBuffers.writeLengthEncodedString(out, name);
        MysqlBuffers.writeLengthEncodedString(out, originalName);
        MysqlBuffers.writeLengthEncodedInteger(out, 0x0C);
        out.writeShortLE(characterSet);
        out.writeIntLE((int) Math.min(length, 0xFFFFFFFFL));
        out.writeByte(type.id());
        out.writeShortLE(flags);
        out.writeByte(decimals);
        out.writeZero(2);
    }
}
