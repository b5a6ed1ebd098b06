package io.weftdb.mysql.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-level framing: 3-byte length, sequence id, 16 MB continuation frames, max_allowed_packet. */
class MysqlFrameDecoderTest {
    private static final int FULL = MysqlFrameDecoder.MAX_FRAME_PAYLOAD;

    private static ByteBuf frame(int sequenceId, byte[] payload) {
        ByteBuf frame = Unpooled.buffer();
        frame.writeMediumLE(payload.length);
        frame.writeByte(sequenceId);
        frame.writeBytes(payload);
        return frame;
    }

    private static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void aPacketSplitAcrossReadsArrivesWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(1024, null));
        ByteBuf frame = frame(0, new byte[] {3, 'S', 'E', 'L'});
        channel.writeInbound(frame.readRetainedSlice(2));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(frame.readRetainedSlice(frame.readableBytes()));
        Packet packet = channel.readInbound();
        assertThat(packet.sequenceId()).isZero();
        assertThat(ByteBufUtilBytes.of(packet.payload())).containsExactly(3, 'S', 'E', 'L');
        packet.payload().release();
        frame.release();
    }

    @Test
    void twoPacketsInOneReadArriveSeparately() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(1024, null));
        ByteBuf both = Unpooled.wrappedBuffer(frame(0, new byte[] {14}), frame(0, new byte[] {1}));
        channel.writeInbound(both);
        Packet ping = channel.readInbound();
        Packet quit = channel.readInbound();
        assertThat(ping.payload().getByte(0)).isEqualTo((byte) 14);
        assertThat(quit.payload().getByte(0)).isEqualTo((byte) 1);
        ping.payload().release();
        quit.payload().release();
    }

    @Test
    void framesOfSixteenMegabytesAreReassembledIntoOnePacket() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(64L * 1024 * 1024, null));
        channel.writeInbound(frame(0, bytes(FULL, 'a')));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(frame(1, bytes(5, 'b')));
        Packet packet = channel.readInbound();
        assertThat(packet.sequenceId()).isEqualTo(1);
        assertThat(packet.payload().readableBytes()).isEqualTo(FULL + 5);
        assertThat(packet.payload().getByte(FULL - 1)).isEqualTo((byte) 'a');
        assertThat(packet.payload().getByte(FULL)).isEqualTo((byte) 'b');
        packet.payload().release();
    }

    @Test
    void aPayloadOfExactlySixteenMegabytesEndsWithAnEmptyFrame() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(64L * 1024 * 1024, null));
        channel.writeInbound(frame(0, bytes(FULL, 'x')));
        channel.writeInbound(frame(1, new byte[0]));
        Packet packet = channel.readInbound();
        assertThat(packet.payload().readableBytes()).isEqualTo(FULL);
        packet.payload().release();
    }

    @Test
    void aPacketOverMaxAllowedPacketIsRefusedBeforeItsBytesAreBuffered() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(100, null));
        ByteBuf header = Unpooled.buffer();
        header.writeMediumLE(101);
        header.writeByte(0);
        channel.writeInbound(header);
        OversizedPacket oversized = channel.readInbound();
        assertThat(oversized.announcedBytes()).isEqualTo(101);
        assertThat(oversized.limitBytes()).isEqualTo(100);
        channel.writeInbound(frame(0, new byte[] {14}));
        assertThat((Object) channel.readInbound()).as("input after the refusal is discarded").isNull();
    }

    @Test
    void theSslRequestPutsTlsInFrontAndHandsItTheBytesThatFollowedInTheSameRead() {
        List<ByteBuf> tlsInput = new ArrayList<>();
        ChannelInboundHandlerAdapter tls = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object message) {
                tlsInput.add((ByteBuf) message);
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlFrameDecoder(1024, () -> tls));
        ByteBuf sslRequest = Unpooled.buffer();
        sslRequest.writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SSL);
        sslRequest.writeIntLE(1 << 24);
        sslRequest.writeByte(45);
        sslRequest.writeZero(23);
        byte[] clientHello = {0x16, 0x03, 0x01, 0x00, 0x05};
        channel.writeInbound(Unpooled.wrappedBuffer(frame(1, ByteBufUtilBytes.of(sslRequest)),
                Unpooled.wrappedBuffer(clientHello)));
        Packet request = channel.readInbound();
        assertThat(request.payload().readableBytes()).isEqualTo(HandshakeResponse.SSL_REQUEST_BYTES);
        request.payload().release();
        assertThat((Object) channel.readInbound()).as("the TLS bytes are not taken for a frame").isNull();
        assertThat(channel.pipeline().names().getFirst()).isEqualTo("tls");
        assertThat(tlsInput).hasSize(1);
        assertThat(ByteBufUtilBytes.of(tlsInput.getFirst())).containsExactly(0x16, 0x03, 0x01, 0x00, 0x05);
    }

    @Test
    void framerSplitsLargePayloadsAndNumbersTheFrames() {
        ByteBuf out = Unpooled.buffer();
        int next = PacketFramer.write(out, Unpooled.wrappedBuffer(bytes(FULL + 3, 'z')), 5);
        assertThat(next).isEqualTo(7);
        assertThat(out.getUnsignedMediumLE(0)).isEqualTo(FULL);
        assertThat(out.getUnsignedByte(3)).isEqualTo((short) 5);
        int second = 4 + FULL;
        assertThat(out.getUnsignedMediumLE(second)).isEqualTo(3);
        assertThat(out.getUnsignedByte(second + 3)).isEqualTo((short) 6);
        assertThat(out.readableBytes()).isEqualTo(8 + FULL + 3);
    }

    @Test
    void framerEndsAnExactlyFullPayloadWithAnEmptyFrameAndWrapsSequenceIds() {
        ByteBuf out = Unpooled.buffer();
        int next = PacketFramer.write(out, Unpooled.wrappedBuffer(bytes(FULL, 'z')), 255);
        assertThat(next).isEqualTo(1);
        assertThat(out.getUnsignedByte(3)).isEqualTo((short) 255);
        assertThat(out.getUnsignedMediumLE(4 + FULL)).isZero();
        assertThat(out.getUnsignedByte(4 + FULL + 3)).isEqualTo((short) 0);
    }

    @Test
    void framerWritesHeaderAndPayloadOfASmallPacket() {
        ByteBuf out = Unpooled.buffer();
        PacketFramer.write(out, Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 0, 0, 0}), 1);
        assertThat(ByteBufUtilBytes.of(out)).containsExactly(7, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0);
    }
}
