package io.weftdb.mysql.wire;

import io.netty.buffer.ByteBuf;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.mysql.wire.protocol.ColumnType;
import io.weftdb.mysql.wire.protocol.MalformedPacketException;
import io.weftdb.mysql.wire.protocol.MysqlBuffers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The binary protocol's value encodings ("Binary Protocol Value"): result values by their column's
 * wire type, and COM_STMT_EXECUTE parameters by the type the client declared.
 */
final class BinaryValues {

    private BinaryValues() {
    }

    static void write(ByteBuf out, Object value, DataType type, ZoneId zone) {
        switch (MysqlTypes.wireType(type)) {
            case TINY -> out.writeByte(value instanceof Boolean bool ? (bool ? 1 : 0) : ((Long) value).intValue());
            case SHORT -> out.writeShortLE(((Long) value).intValue());
            case LONG -> out.writeIntLE(((Long) value).intValue());
            case LONGLONG -> out.writeLongLE((Long) value);
            case FLOAT -> out.writeFloatLE(((Double) value).floatValue());
            case DOUBLE -> out.writeDoubleLE((Double) value);
            case DATE -> writeDate(out, (LocalDate) value);
            case DATETIME -> writeDateTime(out, (LocalDateTime) value);
            case TIMESTAMP -> writeDateTime(out, LocalDateTime.ofInstant((Instant) value, zone));
            case TIME -> writeTime(out, (LocalTime) value);
            default -> MysqlBuffers.writeLengthEncodedBytes(out, TextValues.encode(value, type, zone));
        }
    }

    private static void writeDate(ByteBuf out, LocalDate date) {
        out.writeByte(4);
        out.writeShortLE(date.getYear());
        out.writeByte(date.getMonthValue());
        out.writeByte(date.getDayOfMonth());
    }

    private static void writeDateTime(ByteBuf out, LocalDateTime timestamp) {
        int micros = timestamp.getNano() / 1000;
        out.writeByte(micros == 0 ? 7 : 11);
        out.writeShortLE(timestamp.getYear());
        out.writeByte(timestamp.getMonthValue());
        out.writeByte(timestamp.getDayOfMonth());
        out.writeByte(timestamp.getHour());
        out.writeByte(timestamp.getMinute());
        out.writeByte(timestamp.getSecond());
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }

    private static void writeTime(ByteBuf out, LocalTime time) {
        int micros = time.getNano() / 1000;
        out.writeByte(micros == 0 ? 8 : 12);
        out.writeByte(0);
        out.writeIntLE(0);
        out.writeByte(time.getHour());
        out.writeByte(time.getMinute());
        out.writeByte(time.getSecond());
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }

    /**
     * Reads one parameter value the client sent as {@code type} ({@code unsigned} from the type's
     * flag byte) as the Java value of the engine type it naturally is; strings stay bytes until the
     * parameter's type says whether they are text or a byte string.
     */
    static Object readParameter(ByteBuf in, ColumnType type, boolean unsigned) {
        if (type == null) {
            throw new MalformedPacketException("unknown parameter type");
        }
        return switch (type) {
            case NULL -> null;
            case TINY -> {
                MysqlBuffers.require(in, 1);
                yield unsigned ? (long) in.readUnsignedByte() : (long) in.readByte();
            }
            case SHORT, YEAR -> {
                MysqlBuffers.require(in, 2);
                yield unsigned ? (long) in.readUnsignedShortLE() : (long) in.readShortLE();
            }
            case LONG, INT24 -> {
                MysqlBuffers.require(in, 4);
                yield unsigned ? in.readUnsignedIntLE() : (long) in.readIntLE();
            }
            case LONGLONG -> {
                MysqlBuffers.require(in, 8);
                long value = in.readLongLE();
                if (unsigned && value < 0) {
                    yield new BigDecimal(new BigInteger(Long.toUnsignedString(value)));
                }
                yield value;
            }
            case FLOAT -> {
                MysqlBuffers.require(in, 4);
                yield (double) in.readFloatLE();
            }
            case DOUBLE -> {
                MysqlBuffers.require(in, 8);
                yield in.readDoubleLE();
            }
            case DECIMAL, NEWDECIMAL -> {
                String text = new String(MysqlBuffers.readLengthEncodedBytes(in), StandardCharsets.US_ASCII);
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new SqlException(ErrorCode.INVALID_TEXT_REPRESENTATION, "Incorrect decimal value: '" + text + "'");
                }
            }
            case DATE, DATETIME, TIMESTAMP -> readDateTime(in, type == ColumnType.DATE);
            case TIME -> readTime(in);
            case TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB, GEOMETRY, BIT -> Bytes.wrap(MysqlBuffers.readLengthEncodedBytes(in));
            // Drivers send byte strings as strings too (Connector/J's setBytes): the target type decides.
            case VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON -> MysqlBuffers.readLengthEncodedBytes(in);
        };
    }

    private static Object readDateTime(ByteBuf in, boolean dateOnly) {
        MysqlBuffers.require(in, 1);
        int length = in.readUnsignedByte();
        MysqlBuffers.require(in, length);
        if (length == 0) {
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT, "Incorrect datetime value: '0000-00-00'");
        }
        int year = in.readUnsignedShortLE();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        if (length >= 7) {
            hour = in.readUnsignedByte();
            minute = in.readUnsignedByte();
            second = in.readUnsignedByte();
        }
        if (length >= 11) {
            micros = in.readIntLE();
        }
        try {
            LocalDateTime value = LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
            return dateOnly ? value.toLocalDate() : value;
        } catch (java.time.DateTimeException e) {
            throw new SqlException(ErrorCode.INVALID_DATETIME_FORMAT, "Incorrect datetime value: " + e.getMessage());
        }
    }

    /** TIME parameters: a time of day, or an interval when negative or a day or longer. */
    private static Object readTime(ByteBuf in) {
        MysqlBuffers.require(in, 1);
        int length = in.readUnsignedByte();
        MysqlBuffers.require(in, length);
        if (length == 0) {
            return LocalTime.MIDNIGHT;
        }
        boolean negative = in.readByte() != 0;
        long days = in.readUnsignedIntLE();
        int hour = in.readUnsignedByte();
        int minute = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int micros = length >= 12 ? in.readIntLE() : 0;
        if (!negative && days == 0) {
            return LocalTime.of(hour, minute, second, micros * 1000);
        }
        long total = ((days * 24 + hour) * 3600 + minute * 60L + second) * 1_000_000L + micros;
        return new Interval(0, 0, negative ? -total : total);
    }
}
