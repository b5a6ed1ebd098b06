package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's basic data types ("Basic Data Types" in the protocol documentation):
 * length-encoded integers and strings, NUL-terminated strings. Reads check the bytes are there
 * and raise {@link MalformedPacketException} otherwise.
 */
public final class MysqlBuffers {
    /** The length-encoded integer prefix that stands for SQL NULL in a text row. */
    public static final int NULL_MARKER = 0xFB;

    private MysqlBuffers() {
    }

    public static void writeLengthEncodedInteger(ByteBuf out, long value) {
        if (value >= 0 && value < 251) {
            out.writeByte((int) value);
        } else if (value >= 0 && value < (1 << 16)) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value >= 0 && value < (1 << 24)) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    public static void writeLengthEncodedBytes(ByteBuf out, byte[] bytes) {
        writeLengthEncodedInteger(out, bytes.length);
        out.writeBytes(bytes);
    }

    public static void writeLengthEncodedString(ByteBuf out, String text) {
        writeLengthEncodedBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeNullTerminatedString(ByteBuf out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    /** Reads a length-encoded integer; -1 for the NULL marker 0xFB. */
    public static long readLengthEncodedInteger(ByteBuf in) {
        require(in, 1);
        int first = in.readUnsignedByte();
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> {
                require(in, 2);
                yield in.readUnsignedShortLE();
            }
            case 0xFD -> {
                require(in, 3);
                yield in.readUnsignedMediumLE();
            }
            case 0xFE -> {
                require(in, 8);
                yield in.readLongLE();
            }
            case 0xFF -> throw new MalformedPacketException("0xFF does not start a length-encoded integer");
            default -> first;
        };
    }

    public static byte[] readLengthEncodedBytes(ByteBuf in) {
        long length = readLengthEncodedInteger(in);
        if (length < 0) {
            return null;
        }
        return readBytes(in, length);
    }

    public static byte[] readBytes(ByteBuf in, long length) {
        require(in, length);
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    public static String readNullTerminatedString(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new MalformedPacketException("string is not NUL-terminated");
        }
        String text = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return text;
    }

    /** The rest of the packet as text (the trailing string of COM_QUERY and COM_INIT_DB). */
    public static String readRestAsString(ByteBuf in) {
        String text = in.toString(StandardCharsets.UTF_8);
        in.skipBytes(in.readableBytes());
        return text;
    }

    public static void require(ByteBuf in, long bytes) {
        if (in.readableBytes() < bytes) {
            throw new MalformedPacketException("packet ends early: needed " + bytes + " more bytes, found "
                    + in.readableBytes());
        }
    }
}
