package io.weftdb.pg.wire;

import io.weftdb.engine.copy.CopyBinaryCodec;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.time.ZoneId;

/** COPY's binary values are PostgreSQL's binary send/receive formats, the same as Bind and DataRow use. */
final class PgCopyBinaryCodec implements CopyBinaryCodec {
    static final PgCopyBinaryCodec INSTANCE = new PgCopyBinaryCodec();

    private PgCopyBinaryCodec() {
    }

    @Override
    public Object decode(byte[] bytes, DataType type) {
        try {
            return PgBinary.decode(bytes, type, 0);
        } catch (PgError e) {
            // PostgreSQL reports a malformed binary field of COPY as 22P03; the engine's nearest code is 22P04.
            throw new SqlException(ErrorCode.BAD_COPY_FILE_FORMAT, "incorrect binary data format");
        }
    }

    @Override
    public byte[] encode(Object value, DataType type, ZoneId zone) {
        return PgBinary.encode(value, type, zone);
    }
}
