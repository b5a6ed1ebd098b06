package io.weftdb.pg.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.DataRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageOutputTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private int outboundBytes() {
        int bytes = 0;
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            bytes += part.readableBytes();
            part.release();
        }
        return bytes;
    }

    @Test
    void messagesStayBufferedUntilFlushed() {
        MessageOutput out = new MessageOutput(channel, 1024, 100);
        out.send(new CommandComplete("SELECT 1"));
        assertThat(outboundBytes()).isZero();

        out.flush();
        assertThat(outboundBytes()).isEqualTo(1 + 4 + 9);
    }

    @Test
    void aFullBufferIsSentWithoutAFlush() {
        MessageOutput out = new MessageOutput(channel, 64, 1000);
        for (int i = 0; i < 10; i++) {
            out.send(new CommandComplete("SELECT 1"));
        }
        assertThat(outboundBytes()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void everyNRowsAreSentSoSlowResultsStream() {
        MessageOutput out = new MessageOutput(channel, 1 << 20, 3);
        for (int i = 0; i < 3; i++) {
            out.sendRow(new DataRow(new byte[][] {{'1'}}));
        }
        assertThat(outboundBytes()).isEqualTo(3 * 12);
    }

    @Test
    void aClosedChannelEndsTheWaitWithClientGone() {
        MessageOutput out = new MessageOutput(channel, 1024, 100);
        out.send(new CommandComplete("SELECT 1"));
        channel.close();

        assertThatThrownBy(out::flush).isInstanceOf(MessageOutput.ClientGone.class);
        assertThatThrownBy(() -> out.send(new CommandComplete("X"))).isInstanceOf(MessageOutput.ClientGone.class);
    }
}
