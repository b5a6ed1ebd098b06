package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link BackendMessage}s written to the channel one at a time. Buffers that a session has
 * already filled with encoded messages (its batched output) pass through untouched.
 */
@ChannelHandler.Sharable
public final class PgMessageEncoder extends MessageToByteEncoder<BackendMessage> {
    public static final PgMessageEncoder INSTANCE = new PgMessageEncoder();

    private PgMessageEncoder() {
        super(BackendMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext context, BackendMessage message, ByteBuf out) {
        message.write(out);
    }
}
