package io.weftdb.mysql.wire.protocol;

/** A client packet that does not follow the protocol's layout; the connection ends with 08S01. */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
