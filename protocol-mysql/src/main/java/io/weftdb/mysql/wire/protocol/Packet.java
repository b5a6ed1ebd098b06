package io.weftdb.mysql.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * One logical client packet: its payload, reassembled when it came in several 16 MB frames, and the
 * sequence id of its last frame (the server's reply continues from the next one). The receiver owns
 * the payload and releases it.
 */
public record Packet(int sequenceId, ByteBuf payload) {
}
