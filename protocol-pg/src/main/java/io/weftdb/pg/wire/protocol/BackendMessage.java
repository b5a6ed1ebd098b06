package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A message from server to client, immutable. {@link #write(ByteBuf)} appends it, header included;
 * each family also has a static {@code decode(ByteBuf body)} for clients and tests.
 */
public sealed interface BackendMessage permits AuthenticationOk, AuthenticationRequest, ParameterStatus, BackendKeyData, ReadyForQuery,
        RowDescription, DataRow, CommandComplete, ErrorResponse, ParameterDescription, Acknowledgement,
        EncryptionResponse, NegotiateProtocolVersion, CopyResponse, CopyData, CopyDone {

    void write(ByteBuf out);
}
