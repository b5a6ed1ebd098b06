package io.weftdb.mysql.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.mysql.wire.protocol.OkPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outgoing packets: sequence ids per reply, buffering, streaming every N rows, waiting while not writable. */
class PacketOutputTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private byte[] outbound() {
        ByteBuf all = channel.alloc().buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        return bytes;
    }

    private static ByteBuf row(PacketOutput out, int value) {
        ByteBuf payload = out.payloadBuffer();
        payload.writeByte(1);
        payload.writeByte(value);
        return payload;
    }

    @Test
    void aReplyContinuesTheSequenceOfTheClientPacketItAnswers() {
        PacketOutput out = new PacketOutput(channel, 1024, 100);
        out.startReply(0);
        out.send(OkPacket.of(2));
        out.send(OkPacket.of(2));
        out.flush();
        assertThat(outbound()).containsExactly(7, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 7, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0);
    }

    @Test
    void packetsStayBufferedUntilFlushedOrTheBufferIsFull() {
        PacketOutput out = new PacketOutput(channel, 32, 1000);
        out.startReply(0);
        out.send(OkPacket.of(0));
        assertThat(outbound()).isEmpty();
        for (int i = 0; i < 5; i++) {
            out.send(OkPacket.of(0));
        }
        assertThat(outbound().length).isGreaterThanOrEqualTo(32);
    }

    @Test
    void everyNRowsAreSentSoSlowResultsStream() {
        PacketOutput out = new PacketOutput(channel, 1 << 20, 3);
        out.startReply(0);
        for (int i = 0; i < 3; i++) {
            out.sendRow(row(out, '0' + i));
        }
        assertThat(outbound()).containsExactly(2, 0, 0, 1, 1, '0', 2, 0, 0, 2, 1, '1', 2, 0, 0, 3, 1, '2');
    }

    @Test
    void aClosedChannelEndsTheWaitWithClientGone() {
        PacketOutput out = new PacketOutput(channel, 1024, 100);
        out.send(OkPacket.of(0));
        channel.close();
        assertThatThrownBy(out::flush).isInstanceOf(PacketOutput.ClientGone.class);
        assertThatThrownBy(() -> out.send(OkPacket.of(0))).isInstanceOf(PacketOutput.ClientGone.class);
    }
}
