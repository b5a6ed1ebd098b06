package io.weftdb.engine.expr;

import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.Interval;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Turns a parameter value handed in by a protocol or an embedding program into the engine's value
 * of the parameter's type: Java's other number and time classes are accepted, text is parsed.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    static Object convert(Object value, DataType target, ZoneId zone) {
        if (value == null) {
            return null;
        }
        Object normalized = switch (value) {
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Float f -> (double) f;
            case BigInteger b -> new BigDecimal(b);
            case byte[] bytes -> Bytes.copyOf(bytes);
            case OffsetDateTime time -> time.toInstant();
            default -> value;
        };
        if (target.kind() == TypeKind.UNKNOWN) {
            return normalized;
        }
        if (normalized instanceof java.util.List<?> elements && target.kind() == TypeKind.ARRAY) {
            // An array parameter already decoded (binary format, or an embedding program's list).
            java.util.List<Object> converted = new java.util.ArrayList<>(elements.size());
            for (Object element : elements) {
                converted.add(convert(element, target.element(), zone));
            }
            return java.util.Collections.unmodifiableList(converted);
        }
        return Casts.cast(normalized, naturalType(normalized), target, Casts.Context.ASSIGNMENT, zone);
    }

    private static DataType naturalType(Object value) {
        return switch (value) {
            case Long l -> DataType.BIGINT;
            case Double d -> DataType.DOUBLE;
            case BigDecimal d -> DataType.NUMERIC;
            case String s -> DataType.UNKNOWN;
            case Boolean b -> DataType.BOOLEAN;
            case Bytes b -> DataType.BYTEA;
            case LocalDate d -> DataType.DATE;
            case LocalTime t -> DataType.TIME;
            case LocalDateTime t -> DataType.TIMESTAMP;
            case Instant i -> DataType.TIMESTAMPTZ;
            case Interval i -> DataType.INTERVAL;
            case UUID u -> DataType.UUID;
            default -> throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "unsupported parameter value of class "
                    + value.getClass().getName());
        };
    }
}
