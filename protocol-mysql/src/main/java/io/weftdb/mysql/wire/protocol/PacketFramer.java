package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes a payload as MySQL frames: 3-byte length, sequence id, up to 0xFFFFFF payload bytes. A
 * payload of 0xFFFFFF bytes or more is split, each full frame taking the next sequence id and a
 * final shorter (possibly empty) frame ending it, mirroring {@link MysqlFrameDecoder}.
 */
public final class PacketFramer {

    private PacketFramer() {
    }

    /**
     * Frames {@code payload} (all of its readable bytes) into {@code out}.
     *
     * @return the sequence id the next packet of the exchange takes (wrapping at 256)
     */
    public static int write(ByteBuf out, ByteBuf payload, int sequenceId) {
        int sequence = sequenceId & 0xFF;
        while (true) {
            int length = Math.min(payload.readableBytes(), MysqlFrameDecoder.MAX_FRAME_PAYLOAD);
            out.writeMediumLE(length);
            out.writeByte(sequence);
            out.writeBytes(payload, length);
            sequence = (sequence + 1) & 0xFF;
            if (length < MysqlFrameDecoder.MAX_FRAME_PAYLOAD) {
                return sequence;
            }
        }
    }
}
