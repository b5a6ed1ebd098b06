package io.weftdb.pg.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Framing of the frontend side of the PostgreSQL v3 protocol: bytes in, whole {@link FrontendMessage}s out.
 *
 * <p>The decoder has explicit states. A connection starts in {@link State#STARTUP}, where packets
 * have no type byte ({@code Int32(length) Int32(code) ...}): an SSLRequest or GSSENCRequest keeps it
 * there (the client sends its StartupMessage after the one-byte answer), a CancelRequest moves it
 * to {@link State#DISCARD} (nothing may follow one), a StartupMessage to {@link State#MESSAGES},
 * where every message is {@code Byte1(type) Int32(length) body}.
 *
 * <p>Every length read from the network is bounded before anything is buffered for it: a startup
 * packet to {@value #MAX_STARTUP_PACKET_BYTES} bytes, the messages that carry SQL or parameter
 * values (Query, Parse, Bind, FunctionCall, CopyData) to the configured maximum, all others (a
 * password or SASL message among them) to
 * {@value #MAX_SMALL_MESSAGE_BYTES} bytes, as PostgreSQL does. A bad length, an unknown type or a
 * malformed body raises {@link ProtocolViolation}; the decoder then discards all further input and
 * the handler answers with a FATAL error and closes the connection.
 */
public final class PgFrameDecoder extends ByteToMessageDecoder {
    public static final int MAX_STARTUP_PACKET_BYTES = 10_000;
    public static final int MAX_SMALL_MESSAGE_BYTES = 10_000;

    /** Where the decoder is in the life of the connection. */
    public enum State { STARTUP, MESSAGES, DISCARD }

    private final int maxMessageBytes;
    private State state = State.STARTUP;

    /** @param maxMessageBytes the largest Query, Parse or Bind message accepted, length field included */
    public PgFrameDecoder(int maxMessageBytes) {
        if (maxMessageBytes < MAX_SMALL_MESSAGE_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes must be at least " + MAX_SMALL_MESSAGE_BYTES);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        switch (state) {
            case STARTUP -> decodeStartupPacket(in, out);
            case MESSAGES -> decodeMessage(in, out);
            case DISCARD -> in.skipBytes(in.readableBytes());
        }
    }

    private void decodeStartupPacket(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_BYTES) {
            throw violation(new ProtocolViolation("invalid length of startup packet"));
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        int code = body.readInt();
        EncryptionRequest encryption = EncryptionRequest.forCode(code);
        FrontendMessage message;
        if (encryption != null) {
            // The client waits for the one-byte answer before it starts TLS; bytes already here were
            // sent in the clear without waiting and must not be taken as coming from inside TLS
            // (CVE-2021-23214).
            if (in.isReadable()) {
                throw violation(new ProtocolViolation("received unencrypted data after SSL request"));
            }
            message = encryption;
        } else if (code == CancelRequest.CODE) {
            if (length != CancelRequest.LENGTH) {
                throw violation(new ProtocolViolation("invalid length of cancel request packet"));
            }
            message = CancelRequest.decode(body);
            state = State.DISCARD;
        } else {
            message = decodeBody(body, b -> StartupMessage.decode(code, b));
            state = State.MESSAGES;
        }
        requireConsumed(body);
        out.add(message);
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int start = in.readerIndex();
        char type = (char) in.getUnsignedByte(start);
        int limit = switch (type) {
            case SimpleQuery.TYPE, Parse.TYPE, Bind.TYPE, 'F', CopyData.TYPE -> maxMessageBytes;
            case Describe.TYPE, Execute.TYPE, Close.TYPE, 'S', 'H', 'X', CopyDone.TYPE, CopyFail.TYPE, PasswordMessage.TYPE ->
                    MAX_SMALL_MESSAGE_BYTES;
            default -> throw violation(new ProtocolViolation("invalid frontend message type " + (int) type));
        };
        int length = in.getInt(start + 1);
        if (length < 4 || length > limit) {
            throw violation(new ProtocolViolation("invalid message length " + Integer.toUnsignedString(length)
                    + " for message type '" + type + "'"));
        }
        if (in.readableBytes() < 1 + length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        FrontendMessage message = decodeBody(body, b -> switch (type) {
            case SimpleQuery.TYPE -> SimpleQuery.decode(b);
            case Parse.TYPE -> Parse.decode(b);
            case Bind.TYPE -> Bind.decode(b);
            case Describe.TYPE -> Describe.decode(b);
            case Execute.TYPE -> Execute.decode(b);
            case Close.TYPE -> Close.decode(b);
            case 'S' -> ControlMessage.SYNC;
            case 'H' -> ControlMessage.FLUSH;
            case 'X' -> ControlMessage.TERMINATE;
            case CopyData.TYPE -> CopyData.decode(b);
            case CopyDone.TYPE -> CopyDone.INSTANCE;
            case CopyFail.TYPE -> CopyFail.decode(b);
            case PasswordMessage.TYPE -> PasswordMessage.decode(b);
            default -> {
                b.skipBytes(b.readableBytes());
                yield new UnsupportedMessage(type);
            }
        });
        requireConsumed(body);
        out.add(message);
    }

    /** Runs a body decoder, turning any malformation it meets into a violation that stops decoding. */
    private FrontendMessage decodeBody(ByteBuf body, java.util.function.Function<ByteBuf, FrontendMessage> decoder) {
        try {
            return decoder.apply(body);
        } catch (ProtocolViolation e) {
            throw violation(e);
        } catch (IndexOutOfBoundsException e) {
            throw violation(new ProtocolViolation("invalid message format"));
        }
    }

    private void requireConsumed(ByteBuf body) {
        if (body.isReadable()) {
            throw violation(new ProtocolViolation("invalid message format"));
        }
    }

    private ProtocolViolation violation(ProtocolViolation violation) {
        state = State.DISCARD;
        return violation;
    }
}
