package io.weftdb.engine.catalog;

import io.weftdb.ir.type.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises graphs of records (catalog objects and the IR expressions inside them: defaults, CHECK
 * conditions, view queries) to bytes and back. One general mechanism instead of a hand-written codec
 * per class; it runs only for DDL and at start-up, never per row. Records are written as their class
 * name, their number and the components in declaration order, so renaming a persisted record class
 * or reordering its components is a storage format change, but components may be added at the end:
 * a record written before reads them as null (false, 0). Records written before the count was
 * kept say nothing of how many components they have: {@link #COMPONENTS_BEFORE_COUNTING} knows
 * for the classes that have grown since.
 */
public final class RecordCodec {
    private static final int NULL = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int STRING = 6;
    private static final int DECIMAL = 7;
    private static final int BYTES = 8;
    private static final int DATE = 9;
    private static final int TIME = 10;
    private static final int TIMESTAMP = 11;
    private static final int INSTANT = 12;
    private static final int UUID_TAG = 13;
    private static final int ENUM = 14;
    private static final int RECORD = 15;
    private static final int LIST = 16;
    private static final int MAP = 17;
    private static final int COUNTED_RECORD = 18;

    /** How many components records of these classes had when they were written without their count. */
    private static final Map<Class<?>, Integer> COMPONENTS_BEFORE_COUNTING = Map.of(ColumnDef.class, 8, IndexDef.class, 7);

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private RecordCodec() {
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Object decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Object value, DataOutputStream out) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            }
            case String s -> {
                out.writeByte(STRING);
                writeString(s, out);
            }
            case BigDecimal d -> {
                out.writeByte(DECIMAL);
                out.writeInt(d.scale());
                writeBytes(d.unscaledValue().toByteArray(), out);
            }
            case Bytes b -> {
                out.writeByte(BYTES);
                writeBytes(b.unsafeArray(), out);
            }
            case LocalDate d -> {
                out.writeByte(DATE);
                out.writeLong(d.toEpochDay());
            }
            case LocalTime t -> {
                out.writeByte(TIME);
                out.writeLong(t.toNanoOfDay());
            }
            case LocalDateTime t -> {
                out.writeByte(TIMESTAMP);
                out.writeLong(t.toLocalDate().toEpochDay());
                out.writeLong(t.toLocalTime().toNanoOfDay());
            }
            case Instant t -> {
                out.writeByte(INSTANT);
                out.writeLong(t.getEpochSecond());
                out.writeInt(t.getNano());
            }
            case UUID u -> {
                out.writeByte(UUID_TAG);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case Enum<?> e -> {
                out.writeByte(ENUM);
                writeString(e.getDeclaringClass().getName(), out);
                writeString(e.name(), out);
            }
            case Record r -> {
                out.writeByte(COUNTED_RECORD);
                writeString(r.getClass().getName(), out);
                RecordComponent[] components = r.getClass().getRecordComponents();
                out.writeInt(components.length);
                for (RecordComponent component : components) {
                    try {
                        write(component.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component, e);
                    }
                }
            }
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    write(item, out);
                }
            }
            case Map<?, ?> map -> {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    write(entry.getKey(), out);
                    write(entry.getValue(), out);
                }
            }
            default -> throw new IllegalArgumentException("cannot persist " + value.getClass().getName());
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case STRING -> readString(in);
            case DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case BYTES -> Bytes.wrap(readBytes(in));
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case TIMESTAMP -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case UUID_TAG -> new UUID(in.readLong(), in.readLong());
            case ENUM -> readEnum(in);
            case RECORD -> readRecord(in, false);
            case COUNTED_RECORD -> readRecord(in, true);
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield Collections.unmodifiableList(list);
            }
            case MAP -> {
                int size = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                yield Collections.unmodifiableMap(map);
            }
            default -> throw new IllegalStateException("corrupt catalog entry: unknown tag " + tag);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEnum(DataInputStream in) throws IOException {
        Class<?> type = load(readString(in));
        return Enum.valueOf((Class<Enum>) type, readString(in));
    }

    private static Object readRecord(DataInputStream in, boolean counted) throws IOException {
        Class<?> type = load(readString(in));
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, RecordCodec::canonicalConstructor);
        Object[] arguments = new Object[constructor.getParameterCount()];
        int written = counted ? in.readInt() : COMPONENTS_BEFORE_COUNTING.getOrDefault(type, arguments.length);
        if (written > arguments.length) {
            throw new IllegalStateException(type.getName() + " was written with " + written + " components, it has "
                    + arguments.length);
        }
        for (int i = 0; i < written; i++) {
            arguments[i] = read(in);
        }
        Class<?>[] parameters = constructor.getParameterTypes();
        for (int i = written; i < arguments.length; i++) {
            arguments[i] = absent(parameters[i]);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getName(), e);
        }
    }

    /** The value of a component added after a record was written. */
    private static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        throw new IllegalStateException("no absent value for " + type);
    }

    private static Constructor<?> canonicalConstructor(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("catalog refers to unknown class " + name, e);
        }
    }

    private static void writeString(String value, DataOutputStream out) throws IOException {
        writeBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(byte[] value, DataOutputStream out) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        return value;
    }
}
