package io.weftdb.mysql.wire.protocol;

/**
 * Passed on instead of a packet whose announced size passes max_allowed_packet; its bytes are
 * skipped, never buffered. The session answers ER_NET_PACKET_TOO_LARGE and closes, as MySQL does.
 */
public record OversizedPacket(int sequenceId, long announcedBytes, long limitBytes) {
}
