package io.weftdb.pg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgFrameDecoderTest {
    private final PgFrameDecoder decoder = new PgFrameDecoder(1 << 20);
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    private static ByteBuf encode(FrontendMessage... messages) {
        ByteBuf buffer = Unpooled.buffer();
        for (FrontendMessage message : messages) {
            message.write(buffer);
        }
        return buffer;
    }

    private void startSession() {
        channel.writeInbound(encode(StartupMessage.of(Map.of("user", "alice"))));
        channel.readInbound();
    }

    @Test
    void decodesStartupMessageWithItsParametersInOrder() {
        channel.writeInbound(encode(StartupMessage.of(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Map.of("user", "alice"))))));

        StartupMessage startup = channel.readInbound();
        assertThat(startup.majorVersion()).isEqualTo(3);
        assertThat(startup.minorVersion()).isZero();
        assertThat(startup.parameters()).containsExactly(Map.entry("user", "alice"));
        assertThat(decoder.state()).isEqualTo(PgFrameDecoder.State.MESSAGES);
    }

    @Test
    void staysInStartupStateAfterAnSslRequestAndThenReadsTheStartupMessage() {
        channel.writeInbound(encode(EncryptionRequest.SSL));
        assertThat((Object) channel.readInbound()).isEqualTo(EncryptionRequest.SSL);
        assertThat(decoder.state()).isEqualTo(PgFrameDecoder.State.STARTUP);

        channel.writeInbound(encode(EncryptionRequest.GSSAPI));
        assertThat((Object) channel.readInbound()).isEqualTo(EncryptionRequest.GSSAPI);
        channel.writeInbound(encode(StartupMessage.of(Map.of("user", "bob", "database", "db"))));
        StartupMessage startup = channel.readInbound();
        assertThat(startup.parameters()).containsEntry("database", "db");
    }

    @Test
    void bytesArrivingWithAnEncryptionRequestAreAViolationSinceTheyWereSentInTheClear() {
        assertThatThrownBy(() -> channel.writeInbound(encode(EncryptionRequest.SSL,
                StartupMessage.of(Map.of("user", "bob", "database", "db")))))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .rootCause().hasMessage("received unencrypted data after SSL request");
        assertThat(decoder.state()).isEqualTo(PgFrameDecoder.State.DISCARD);
    }

    @Test
    void decodesAPasswordMessageKeepingItsBodyRaw() {
        channel.writeInbound(encode(StartupMessage.of(Map.of("user", "bob")), PasswordMessage.ofPassword("pw")));
        channel.readInbound();

        PasswordMessage password = channel.readInbound();
        assertThat(password.password()).isEqualTo("pw");
    }

    @Test
    void recognisesACancelRequestAndIgnoresAnythingAfterIt() {
        ByteBuf bytes = Unpooled.buffer().writeInt(16).writeInt(80877102).writeInt(4711).writeInt(-5).writeBytes(new byte[] {1, 2, 3});
        channel.writeInbound(bytes);

        assertThat((Object) channel.readInbound()).isEqualTo(new CancelRequest(4711, -5));
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(decoder.state()).isEqualTo(PgFrameDecoder.State.DISCARD);
    }

    @Test
    void waitsForTheWholeMessageWhenItArrivesInPieces() {
        startSession();
        ByteBuf bytes = encode(new SimpleQuery("SELECT 1"), ControlMessage.SYNC);
        while (bytes.readableBytes() > 3) {
            channel.writeInbound(bytes.readRetainedSlice(3));
        }
        channel.writeInbound(bytes);

        assertThat((Object) channel.readInbound()).isEqualTo(new SimpleQuery("SELECT 1"));
        assertThat((Object) channel.readInbound()).isEqualTo(ControlMessage.SYNC);
    }

    @Test
    void decodesEveryExtendedQueryMessage() {
        startSession();
        List<FrontendMessage> messages = List.of(
                new Parse("s1", "SELECT $1", List.of(23)),
                new Describe(Target.STATEMENT, "s1"),
                new Execute("p1", 10),
                new Close(Target.PORTAL, "p1"),
                ControlMessage.FLUSH,
                ControlMessage.SYNC,
                ControlMessage.TERMINATE);
        channel.writeInbound(encode(messages.toArray(FrontendMessage[]::new)));

        for (FrontendMessage expected : messages) {
            assertThat((Object) channel.readInbound()).isEqualTo(expected);
        }
    }

    @Test
    void decodesBindWithNullAndBinaryParameters() {
        startSession();
        byte[] value = {0, 0, 0, 42};
        channel.writeInbound(encode(new Bind("p", "s", List.of(1, 0), java.util.Arrays.asList(value, null), List.of(1))));

        Bind bind = channel.readInbound();
        assertThat(bind.portalName()).isEqualTo("p");
        assertThat(bind.parameterFormats()).containsExactly(1, 0);
        assertThat(bind.parameterValues().get(0)).containsExactly(value);
        assertThat(bind.parameterValues().get(1)).isNull();
        assertThat(bind.resultFormats()).containsExactly(1);
    }

    @Test
    void rejectsAStartupPacketLongerThanTenThousandBytes() {
        ByteBuf bytes = Unpooled.buffer().writeInt(10_001).writeInt(StartupMessage.PROTOCOL_3_0);

        assertThatThrownBy(() -> channel.writeInbound(bytes))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .hasRootCauseMessage("invalid length of startup packet");
        assertThat(decoder.state()).isEqualTo(PgFrameDecoder.State.DISCARD);
    }

    @Test
    void rejectsAnOversizedMessageAsSoonAsItsHeaderArrives() {
        startSession();
        ByteBuf header = Unpooled.buffer().writeByte('Q').writeInt((1 << 20) + 1);

        assertThatThrownBy(() -> channel.writeInbound(header))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .hasRootCauseMessage("invalid message length 1048577 for message type 'Q'");
        channel.writeInbound(Unpooled.buffer().writeBytes(new byte[100]));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void rejectsALargeLengthOnAMessageTypeThatIsAlwaysSmall() {
        startSession();

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeByte('S').writeInt(100_000)))
                .hasRootCauseInstanceOf(ProtocolViolation.class);
    }

    @Test
    void rejectsANegativeLength() {
        startSession();

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeByte('Q').writeInt(-8)))
                .hasRootCauseInstanceOf(ProtocolViolation.class);
    }

    @Test
    void rejectsAnUnknownMessageType() {
        startSession();

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeByte('?').writeInt(4)))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .hasRootCauseMessage("invalid frontend message type 63");
    }

    @Test
    void rejectsAStringWithoutItsTerminator() {
        startSession();
        ByteBuf bytes = Unpooled.buffer().writeByte('Q').writeInt(4 + 3).writeBytes("abc".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> channel.writeInbound(bytes))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .hasRootCauseMessage("invalid string in message");
    }

    @Test
    void rejectsBytesLeftOverAfterTheMessageBody() {
        startSession();
        ByteBuf bytes = Unpooled.buffer().writeByte('S').writeInt(5).writeByte(0);

        assertThatThrownBy(() -> channel.writeInbound(bytes))
                .hasRootCauseInstanceOf(ProtocolViolation.class)
                .hasRootCauseMessage("invalid message format");
    }

    @Test
    void rejectsACountLargerThanTheBody() {
        startSession();
        ByteBuf bytes = Unpooled.buffer().writeByte('P').writeInt(4 + 2 + 2).writeByte(0).writeByte(0).writeShort(5);

        assertThatThrownBy(() -> channel.writeInbound(bytes)).hasRootCauseInstanceOf(ProtocolViolation.class);
    }
}
