package io.weftdb.mysql.wire;

import io.netty.buffer.ByteBuf;
import io.weftdb.engine.ResultColumn;
import io.weftdb.mysql.wire.protocol.MysqlBuffers;
import java.time.ZoneId;
import java.util.List;

/** Result rows as packets: the text protocol's ProtocolText::ResultsetRow and the binary protocol's row. */
final class RowPackets {

    private RowPackets() {
    }

    /** Text row: each value a length-encoded string, 0xFB for NULL. */
    static void writeText(ByteBuf out, List<ResultColumn> columns, Object[] row, ZoneId zone) {
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[i];
            if (value == null) {
                out.writeByte(MysqlBuffers.NULL_MARKER);
            } else {
                MysqlBuffers.writeLengthEncodedBytes(out, TextValues.encode(value, columns.get(i).type(), zone));
            }
        }
    }

    /** Binary row: 0x00, a NULL bitmap offset by two bits, then the non-NULL values. */
    static void writeBinary(ByteBuf out, List<ResultColumn> columns, Object[] row, ZoneId zone) {
        out.writeByte(0);
        byte[] nulls = new byte[(columns.size() + 9) / 8];
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null) {
                nulls[(i + 2) / 8] |= (byte) (1 << ((i + 2) % 8));
            }
        }
        out.writeBytes(nulls);
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] != null) {
                BinaryValues.write(out, row[i], columns.get(i).type(), zone);
            }
        }
    }
}
