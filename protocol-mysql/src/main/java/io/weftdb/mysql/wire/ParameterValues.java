package io.weftdb.mysql.wire;

import io.netty.buffer.ByteBuf;
import io.weftdb.engine.value.Casts;
import io.weftdb.engine.value.TextParse;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import io.weftdb.mysql.error.MysqlException;
import io.weftdb.mysql.error.MysqlVendorError;
import io.weftdb.mysql.wire.protocol.ColumnType;
import io.weftdb.mysql.wire.protocol.MysqlBuffers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values of a COM_STMT_EXECUTE, after its NULL bitmap and bound types: each read by
 * the type the client bound (or taken from COM_STMT_SEND_LONG_DATA) and converted to the Java value
 * of the type the engine described for the parameter.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** Reads the NULL bitmap, the "new params bound" flag with the types it announces, and the values. */
    static List<Object> read(ByteBuf payload, PreparedStatement prepared, ZoneId zone) {
        int count = prepared.parameterCount();
        List<Object> values = new ArrayList<>(count);
        if (count == 0) {
            return values;
        }
        byte[] nulls = MysqlBuffers.readBytes(payload, (count + 7) / 8);
        MysqlBuffers.require(payload, 1);
        if (payload.readByte() == 1) {
            MysqlBuffers.require(payload, 2L * count);
            for (int i = 0; i < count; i++) {
                int type = payload.readUnsignedByte();
                int flags = payload.readUnsignedByte();
                prepared.bind(i, ColumnType.of(type), (flags & 0x80) != 0);
            }
        }
        for (int i = 0; i < count; i++) {
            Object raw;
            byte[] longData = prepared.longData(i);
            if ((nulls[i / 8] & (1 << (i % 8))) != 0) {
                raw = null;
            } else if (longData != null) {
                raw = isBinary(prepared.boundType(i)) ? Bytes.wrap(longData) : longData;
            } else {
                if (prepared.boundType(i) == null) {
                    throw new MysqlException(MysqlVendorError.ER_WRONG_ARGUMENTS,
                            "Incorrect arguments to mysqld_stmt_execute: no type bound for parameter " + (i + 1));
                }
                raw = BinaryValues.readParameter(payload, prepared.boundType(i), prepared.boundUnsigned(i));
            }
            values.add(toEngineValue(raw, prepared.parameterTypes().get(i), zone));
        }
        return values;
    }

    private static boolean isBinary(ColumnType type) {
        return type == ColumnType.BLOB || type == ColumnType.TINY_BLOB || type == ColumnType.MEDIUM_BLOB
                || type == ColumnType.LONG_BLOB;
    }

    /** A parameter value as the Java value of the type the engine described for it. */
    static Object toEngineValue(Object raw, DataType target, ZoneId zone) {
        if (raw instanceof byte[] bytes) {
            return target.kind() == TypeKind.BYTEA ? Bytes.wrap(bytes)
                    : toEngineValue(new String(bytes, StandardCharsets.UTF_8), target, zone);
        }
        if (raw == null || target.kind() == TypeKind.UNKNOWN) {
            return raw;
        }
        // Lengths, precisions and ranges are the target column's to check when the value is assigned.
        if (target.kind().javaClass().isInstance(raw)) {
            return raw;
        }
        if (raw instanceof String text) {
            return TextParse.parse(text, target, zone);
        }
        return Casts.cast(raw, typeOf(raw), target, Casts.Context.EXPLICIT, zone);
    }

    private static DataType typeOf(Object value) {
        return switch (value) {
            case Long number -> DataType.BIGINT;
            case Double number -> DataType.DOUBLE;
            case BigDecimal number -> DataType.NUMERIC;
            case Bytes bytes -> DataType.BYTEA;
            case LocalDate date -> DataType.DATE;
            case LocalDateTime timestamp -> DataType.TIMESTAMP;
            case LocalTime time -> DataType.TIME;
            case Interval interval -> DataType.INTERVAL;
            default -> DataType.TEXT;
        };
    }
}
