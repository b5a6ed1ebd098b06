package io.weftdb.pg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendMessageEncodingTest {

    private static String hex(BackendMessage message) {
        ByteBuf buffer = Unpooled.buffer();
        message.write(buffer);
        return ByteBufUtil.hexDump(buffer);
    }

    @Test
    void authenticationOkIsTypeRLengthEightCodeZero() {
        assertThat(hex(AuthenticationOk.INSTANCE)).isEqualTo("52" + "00000008" + "00000000");
    }

    @Test
    void authenticationRequestsAreTypeRWithTheirCodeAndData() {
        assertThat(hex(new AuthenticationRequest.CleartextPassword())).isEqualTo("52" + "00000008" + "00000003");
        assertThat(hex(new AuthenticationRequest.Md5Password(new byte[] {1, 2, 3, 4})))
                .isEqualTo("52" + "0000000c" + "00000005" + "01020304");
        // SCRAM-SHA-256-PLUS, SCRAM-SHA-256, then the empty string ending the list
        assertThat(hex(new AuthenticationRequest.Sasl(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"))))
                .isEqualTo("52" + "0000002a" + "0000000a"
                        + "534352414d2d5348412d3235362d504c555300" + "534352414d2d5348412d32353600" + "00");
        assertThat(hex(new AuthenticationRequest.SaslContinue(new byte[] {'r', '='}))).isEqualTo("52" + "0000000a" + "0000000b" + "723d");
        assertThat(hex(new AuthenticationRequest.SaslFinal(new byte[] {'v', '='}))).isEqualTo("52" + "0000000a" + "0000000c" + "763d");
    }

    @Test
    void encryptionResponsesAreASingleByteWithoutHeader() {
        assertThat(hex(EncryptionResponse.TLS_ACCEPTED)).isEqualTo("53");
        assertThat(hex(EncryptionResponse.REFUSED)).isEqualTo("4e");
    }

    @Test
    void readyForQueryCarriesTheTransactionStatusByte() {
        assertThat(hex(new ReadyForQuery(ReadyForQuery.Status.IDLE))).isEqualTo("5a0000000549");
        assertThat(hex(new ReadyForQuery(ReadyForQuery.Status.IN_TRANSACTION))).isEqualTo("5a0000000554");
        assertThat(hex(new ReadyForQuery(ReadyForQuery.Status.FAILED))).isEqualTo("5a0000000545");
    }

    @Test
    void parameterStatusIsTwoTerminatedStrings() {
        assertThat(hex(new ParameterStatus("a", "b"))).isEqualTo("53" + "00000008" + "6100" + "6200");
    }

    @Test
    void backendKeyDataIsProcessIdThenSecret() {
        assertThat(hex(new BackendKeyData(7, -1))).isEqualTo("4b" + "0000000c" + "00000007" + "ffffffff");
    }

    @Test
    void dataRowWritesMinusOneForNull() {
        assertThat(hex(new DataRow(new byte[][] {{'1'}, null})))
                .isEqualTo("44" + "0000000f" + "0002" + "00000001" + "31" + "ffffffff");
    }

    @Test
    void rowDescriptionWritesEachFieldsAttributes() {
        RowDescription description = new RowDescription(List.of(new RowDescription.Field("n", 0, 0, 23, 4, -1, 0)));

        assertThat(hex(description)).isEqualTo("54" + "0000001a" + "0001" + "6e00" + "00000000" + "0000" + "00000017"
                + "0004" + "ffffffff" + "0000");
    }

    @Test
    void bodylessAcknowledgementsAreJustTheirHeader() {
        assertThat(hex(Acknowledgement.PARSE_COMPLETE)).isEqualTo("3100000004");
        assertThat(hex(Acknowledgement.BIND_COMPLETE)).isEqualTo("3200000004");
        assertThat(hex(Acknowledgement.CLOSE_COMPLETE)).isEqualTo("3300000004");
        assertThat(hex(Acknowledgement.NO_DATA)).isEqualTo("6e00000004");
        assertThat(hex(Acknowledgement.PORTAL_SUSPENDED)).isEqualTo("7300000004");
        assertThat(hex(Acknowledgement.EMPTY_QUERY_RESPONSE)).isEqualTo("4900000004");
    }

    @Test
    void errorResponseWritesSeverityCodeMessageAndPositionFields() {
        ErrorResponse error = new ErrorResponse(ErrorResponse.Kind.ERROR, "ERROR", "42601", "bad", null, "fix it", 3);

        assertThat(hex(error)).isEqualTo("45" + "0000002a"
                + "53" + "4552524f5200" + "56" + "4552524f5200" + "43" + "343236303100" + "4d" + "62616400"
                + "48" + "66697820697400" + "50" + "3300" + "00");
    }

    @Test
    void errorResponseSurvivesARoundTrip() {
        ErrorResponse error = new ErrorResponse(ErrorResponse.Kind.NOTICE, "WARNING", "01000", "careful", "detail", null, 0);
        ByteBuf buffer = Unpooled.buffer();
        error.write(buffer);
        buffer.skipBytes(5);

        assertThat(ErrorResponse.decode(ErrorResponse.Kind.NOTICE, buffer)).isEqualTo(error);
    }

    @Test
    void encryptionRefusalIsTheSingleByteN() {
        assertThat(hex(EncryptionResponse.REFUSED)).isEqualTo("4e");
    }
}
