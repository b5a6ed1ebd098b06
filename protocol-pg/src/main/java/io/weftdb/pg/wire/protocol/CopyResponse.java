package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * CopyInResponse ('G') and CopyOutResponse ('H'), which share a layout: {@code Byte1(type)
 * Int32(length) Int8(overall format: 0 text, 1 binary) Int16(n) Int16(format code)[n]}. The server
 * enters COPY mode: the client then sends, or receives, CopyData up to CopyDone.
 */
public record CopyResponse(Direction direction, int format, List<Integer> columnFormats) implements BackendMessage {
    /** Which way the data flows: IN is the client sending (COPY FROM STDIN). */
    public enum Direction {
        IN('G'),
        OUT('H');

        private final char type;

        Direction(char type) {
            this.type = type;
        }

        public char type() {
            return type;
        }
    }

    public CopyResponse {
        columnFormats = List.copyOf(columnFormats);
    }

    /** The response for {@code columns} columns all in the overall format (as PostgreSQL sends it). */
    public static CopyResponse of(Direction direction, boolean binary, int columns) {
        int format = binary ? 1 : 0;
        return new CopyResponse(direction, format, java.util.Collections.nCopies(columns, format));
    }

    public static CopyResponse decode(Direction direction, ByteBuf body) {
        int format = body.readByte();
        int count = WireFormat.readCount(body);
        List<Integer> formats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            WireFormat.require(body, 2);
            formats.add((int) body.readShort());
        }
        return new CopyResponse(direction, format, formats);
    }

    @Override
    public void write(ByteBuf out) {
        int start = WireFormat.begin(out, direction.type());
        out.writeByte(format);
        out.writeShort(columnFormats.size());
        for (int columnFormat : columnFormats) {
            out.writeShort(columnFormat);
        }
        WireFormat.end(out, start);
    }
}
