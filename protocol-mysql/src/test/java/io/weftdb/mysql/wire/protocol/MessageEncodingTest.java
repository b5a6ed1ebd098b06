package io.weftdb.mysql.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte-exact payloads of the server's packets and decoding of the client's handshake response. */
class MessageEncodingTest {

    private static byte[] payload(ServerMessage message) {
        ByteBuf out = Unpooled.buffer();
        message.writePayload(out);
        return ByteBufUtilBytes.of(out);
    }

    @Test
    void okPacketCarriesCountsStatusAndWarnings() {
        assertThat(payload(new OkPacket(false, 3, 300, ServerStatus.AUTOCOMMIT | ServerStatus.IN_TRANS, 1)))
                .containsExactly(0x00, 3, 0xFC, 0x2C, 0x01, 0x03, 0x00, 0x01, 0x00);
        assertThat(payload(new OkPacket(true, 0, 0, ServerStatus.AUTOCOMMIT, 0))).startsWith(0xFE);
    }

    @Test
    void errPacketCarriesCodeSqlStateAndMessage() {
        assertThat(payload(new ErrPacket(1146, "42S02", "no t"))).containsExactly(0xFF, 0x7A, 0x04, '#', '4', '2', 'S',
                '0', '2', 'n', 'o', ' ', 't');
    }

    @Test
    void eofPacketCarriesWarningsThenStatus() {
        assertThat(payload(new EofPacket(2, ServerStatus.MORE_RESULTS_EXISTS))).containsExactly(0xFE, 2, 0, 8, 0);
    }

    @Test
    void columnDefinitionHasTheFixedBlockAfterTheNames() {
        byte[] bytes = payload(new ColumnDefinition("db", "t", "t", "id", "id", 63, 11, ColumnType.LONG,
                ColumnDefinition.NUM_FLAG, 0));
        assertThat(bytes).startsWith(3, 'd', 'e', 'f', 2, 'd', 'b', 1, 't', 1, 't', 2, 'i', 'd', 2, 'i', 'd');
        assertThat(bytes).endsWith(0x0C, 63, 0, 11, 0, 0, 0, 0x03, 0x00, 0x80, 0, 0, 0);
    }

    @Test
    void lengthEncodedIntegersUseTheShortestForm() {
        ByteBuf out = Unpooled.buffer();
        MysqlBuffers.writeLengthEncodedInteger(out, 250);
        MysqlBuffers.writeLengthEncodedInteger(out, 251);
        MysqlBuffers.writeLengthEncodedInteger(out, 70_000);
        MysqlBuffers.writeLengthEncodedInteger(out, 1L << 40);
        assertThat(MysqlBuffers.readLengthEncodedInteger(out)).isEqualTo(250);
        assertThat(MysqlBuffers.readLengthEncodedInteger(out)).isEqualTo(251);
        assertThat(MysqlBuffers.readLengthEncodedInteger(out)).isEqualTo(70_000);
        assertThat(MysqlBuffers.readLengthEncodedInteger(out)).isEqualTo(1L << 40);
        assertThat(out.isReadable()).isFalse();
    }

    @Test
    void handshakeResponseIsDecodedWithDatabasePluginAndAttributes() {
        ByteBuf in = Unpooled.buffer();
        int capabilities = Capabilities.PROTOCOL_41 | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capabilities.CONNECT_WITH_DB
                | Capabilities.PLUGIN_AUTH | Capabilities.CONNECT_ATTRS;
        in.writeIntLE(capabilities).writeIntLE(1 << 24).writeByte(45).writeZero(23);
        MysqlBuffers.writeNullTerminatedString(in, "alice");
        MysqlBuffers.writeLengthEncodedBytes(in, new byte[] {9, 8, 7});
        MysqlBuffers.writeNullTerminatedString(in, "shop");
        MysqlBuffers.writeNullTerminatedString(in, "caching_sha2_password");
        ByteBuf attributes = Unpooled.buffer();
        MysqlBuffers.writeLengthEncodedString(attributes, "_client_name");
        MysqlBuffers.writeLengthEncodedString(attributes, "test");
        MysqlBuffers.writeLengthEncodedInteger(in, attributes.readableBytes());
        in.writeBytes(attributes);
        HandshakeResponse response = HandshakeResponse.decode(in);
        assertThat(response.sslRequest()).isFalse();
        assertThat(response.user()).isEqualTo("alice");
        assertThat(response.authResponse()).containsExactly(9, 8, 7);
        assertThat(response.database()).isEqualTo("shop");
        assertThat(response.authPluginName()).isEqualTo("caching_sha2_password");
        assertThat(response.attributes()).containsEntry("_client_name", "test");
    }

    @Test
    void aTruncatedHandshakeResponseIsMalformed() {
        ByteBuf in = Unpooled.buffer();
        in.writeIntLE(Capabilities.PROTOCOL_41).writeIntLE(0).writeByte(45).writeZero(23);
        in.writeBytes("bob".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> HandshakeResponse.decode(in)).isInstanceOf(MalformedPacketException.class);
        ByteBuf old = Unpooled.buffer();
        old.writeIntLE(Capabilities.LONG_PASSWORD).writeZero(28);
        assertThatThrownBy(() -> HandshakeResponse.decode(old)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("4.1");
    }
}
