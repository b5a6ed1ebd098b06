package io.weftdb.engine.copy;

import io.weftdb.ir.type.DataType;
import java.time.ZoneId;

/**
 * The binary form of single values in {@code COPY ... (FORMAT binary)}. The engine owns the PGCOPY
 * framing (signature, tuples, field lengths); the protocol that already speaks its clients'
 * binary value formats supplies the values, so they are coded in one place.
 */
public interface CopyBinaryCodec {
    /** The engine value of {@code bytes} as {@code type}; throws for bytes that are not such a value. */
    Object decode(byte[] bytes, DataType type);

    /** The binary form of a non-null {@code value} of {@code type}. */
    byte[] encode(Object value, DataType type, ZoneId zone);
}
