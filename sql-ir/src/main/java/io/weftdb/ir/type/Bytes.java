package io.weftdb.ir.type;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string: the run-time value of bytea, with value equality and unsigned ordering. */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone());
    }

    public int length() {
        return data.length;
    }

    public byte get(int index) {
        return data[index];
    }

    public byte[] toByteArray() {
        return data.clone();
    }

    /** The backing array, for codecs that only read it. */
    public byte[] unsafeArray() {
        return data;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(data, bytes.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** PostgreSQL's hex output format: {@code \x0a1b}. */
    @Override
    public String toString() {
        return "\\x" + HexFormat.of().formatHex(data);
    }
}
