package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The primitives every message of the PostgreSQL v3 protocol is built from: NUL-terminated UTF-8
 * strings and the {@code Byte1(type) Int32(length)} header whose length counts itself but not the
 * type byte (PostgreSQL manual, "Message Data Types" and "Message Formats").
 */
public final class WireFormat {
    private WireFormat() {
    }

    /** Reads a NUL-terminated UTF-8 string; a missing terminator is a protocol violation. */
    public static String readCString(ByteBuf in) {
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            throw new ProtocolViolation("invalid string in message");
        }
        // Drivers name the unnamed statement and portal with an empty string, in every Bind and Execute.
        String value = length == 0 ? "" : in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length + 1);
        return value;
    }

    public static void writeCString(ByteBuf out, String value) {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /** Writes the type byte and a length placeholder; returns the position to hand to {@link #end}. */
    public static int begin(ByteBuf out, char type) {
        int start = out.writerIndex();
        out.writeByte(type);
        out.writeInt(0);
        return start;
    }

    /** Fills in the length of the message started at {@code start} by {@link #begin}. */
    public static void end(ByteBuf out, int start) {
        out.setInt(start + 1, out.writerIndex() - start - 1);
    }

    /** Writes a message consisting of its header only ({@code Byte1(type) Int32(4)}). */
    public static void writeEmpty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    /** Reads an {@code Int16} count, which must not be negative. */
    public static int readCount(ByteBuf in) {
        require(in, 2);
        int count = in.readShort();
        if (count < 0) {
            throw new ProtocolViolation("invalid count in message");
        }
        return count;
    }

    /** Reads an {@code Int32}, checking that the body holds it. */
    public static int readInt(ByteBuf in) {
        require(in, 4);
        return in.readInt();
    }

    /** Checks that {@code in} holds at least {@code bytes} more bytes. */
    public static void require(ByteBuf in, long bytes) {
        if (bytes < 0 || in.readableBytes() < bytes) {
            throw new ProtocolViolation("insufficient data left in message");
        }
    }
}
