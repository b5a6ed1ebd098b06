package io.weftdb.engine.copy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.Arrays;

/**
 * Reads PostgreSQL's binary COPY format: the header ({@code PGCOPY\n\377\r\n\0}, Int32 flags,
 * Int32 extension length and the extension), then tuples of Int16 field count and per field Int32
 * length (-1 for NULL) and the bytes, ended by a count of -1. Reads only from bytes already
 * there: a tuple that is not complete yet is left for the next call.
 */
final class BinaryTupleReader {
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** The result of {@link #read} for the trailer. */
    static final byte[][] END_OF_DATA = new byte[0][];

    private boolean headerRead;
    private int position;

    /** Where the last {@link #read} stopped: the bytes before it are consumed (the header, even without a tuple). */
    int position() {
        return position;
    }

    /**
     * The next tuple's fields (null elements are NULL) from {@code data[from, limit)}, {@link
     * #END_OF_DATA} for the trailer, or null when the bytes there do not hold a whole tuple yet.
     */
    byte[][] read(byte[] data, int from, int limit) {
        int at = from;
        position = from;
        if (!headerRead) {
            if (limit - at < SIGNATURE.length + 8) {
                return null;
            }
            if (!Arrays.equals(data, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "COPY file signature not recognized");
            }
            at += SIGNATURE.length;
            int flags = readInt(data, at);
            if ((flags & (1 << 16)) != 0) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "COPY file with OIDs is not supported");
            }
            // The high half holds critical flags: one we do not know means we cannot read the data.
            if ((flags & ~(1 << 16)) >>> 16 != 0) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "unrecognized critical flags in COPY file header");
            }
            int extension = readInt(data, at + 4);
            if (extension < 0) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "invalid COPY file header (bad length)");
            }
            if (limit - at - 8 < extension) {
                return null;
            }
            at += 8 + extension;
            headerRead = true;
            position = at;
        }
        if (limit - at < 2) {
            return null;
        }
        int count = (short) (((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF));
        at += 2;
        if (count == -1) {
            position = at;
            return END_OF_DATA;
        }
        if (count < 0) {
            throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "invalid field count " + count);
        }
        byte[][] fields = new byte[count][];
        for (int i = 0; i < count; i++) {
            if (limit - at < 4) {
                return null;
            }
            int length = readInt(data, at);
            at += 4;
            if (length == -1) {
                continue;
            }
            if (length < 0) {
                throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "invalid field size");
            }
            if (limit - at < length) {
                return null;
            }
            fields[i] = Arrays.copyOfRange(data, at, at + length);
            at += length;
        }
        position = at;
        return fields;
    }

    private static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }
}
