package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A message from client to server, decoded and immutable. Each family has a static
 * {@code decode(ByteBuf body)} factory (the body after the header) and writes itself back, header
 * included, with {@link #write(ByteBuf)} (what a client, or a test playing one, sends).
 */
public sealed interface FrontendMessage permits StartupMessage, EncryptionRequest, CancelRequest, SimpleQuery, Parse,
        Bind, Describe, Execute, Close, ControlMessage, CopyData, CopyDone, CopyFail, PasswordMessage,
        UnsupportedMessage {

    void write(ByteBuf out);
}
