package io.weftdb.pg.wire;

import io.netty.buffer.ByteBuf;
import io.weftdb.pg.wire.protocol.Acknowledgement;
import io.weftdb.pg.wire.protocol.AuthenticationOk;
import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.BackendKeyData;
import io.weftdb.pg.wire.protocol.BackendMessage;
import io.weftdb.pg.wire.protocol.CommandComplete;
import io.weftdb.pg.wire.protocol.DataRow;
import io.weftdb.pg.wire.protocol.EncryptionResponse;
import io.weftdb.pg.wire.protocol.ErrorResponse;
import io.weftdb.pg.wire.protocol.NegotiateProtocolVersion;
import io.weftdb.pg.wire.protocol.ParameterDescription;
import io.weftdb.pg.wire.protocol.ParameterStatus;
import io.weftdb.pg.wire.protocol.ReadyForQuery;
import io.weftdb.pg.wire.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/** The client side of the backend messages: splits server output into typed messages, for tests. */
final class BackendMessages {
    private BackendMessages() {
    }

    /** Decodes every whole message in {@code in}; leaves a trailing partial one unread. */
    static List<BackendMessage> decodeAll(ByteBuf in) {
        List<BackendMessage> messages = new ArrayList<>();
        while (in.readableBytes() >= 5) {
            int start = in.readerIndex();
            int length = in.getInt(start + 1);
            if (in.readableBytes() < 1 + length) {
                break;
            }
            char type = (char) in.readByte();
            in.skipBytes(4);
            ByteBuf body = in.readSlice(length - 4);
            messages.add(decode(type, body));
        }
        return messages;
    }

    static BackendMessage decode(char type, ByteBuf body) {
        Acknowledgement acknowledgement = Acknowledgement.forType(type);
        if (acknowledgement != null) {
            return acknowledgement;
        }
        return switch (type) {
            case 'R' -> body.getInt(body.readerIndex()) == 0 ? AuthenticationOk.decode(body) : AuthenticationRequest.decode(body);
            case 'S' -> ParameterStatus.decode(body);
            case 'K' -> BackendKeyData.decode(body);
            case 'Z' -> ReadyForQuery.decode(body);
            case 'T' -> RowDescription.decode(body);
            case 'D' -> DataRow.decode(body);
            case 'C' -> CommandComplete.decode(body);
            case 't' -> ParameterDescription.decode(body);
            case 'E' -> ErrorResponse.decode(ErrorResponse.Kind.ERROR, body);
            case 'N' -> ErrorResponse.decode(ErrorResponse.Kind.NOTICE, body);
            case 'v' -> NegotiateProtocolVersion.decode(body);
            case 'G' -> io.weftdb.pg.wire.protocol.CopyResponse.decode(io.weftdb.pg.wire.protocol.CopyResponse.Direction.IN, body);
            case 'H' -> io.weftdb.pg.wire.protocol.CopyResponse.decode(io.weftdb.pg.wire.protocol.CopyResponse.Direction.OUT, body);
            case 'd' -> io.weftdb.pg.wire.protocol.CopyData.decode(body);
            case 'c' -> io.weftdb.pg.wire.protocol.CopyDone.INSTANCE;
            default -> throw new IllegalArgumentException("unexpected backend message type " + type);
        };
    }

    /** The single byte answering an encryption request, if {@code in} starts with one. */
    static EncryptionResponse encryptionResponse(ByteBuf in) {
        return switch (in.readByte()) {
            case 'N' -> EncryptionResponse.REFUSED;
            case 'S' -> EncryptionResponse.TLS_ACCEPTED;
            default -> null;
        };
    }
}
