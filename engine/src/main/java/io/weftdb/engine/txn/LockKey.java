package io.weftdb.engine.txn;

import java.util.Arrays;

/** A lockable name: a kind tag plus the bytes of what is locked (a row key, a table id...). */
public record LockKey(byte kind, byte[] bytes) {
    public static final byte ROW = 'r';
    public static final byte UNIQUE_VALUE = 'u';
    public static final byte TABLE = 't';
    public static final byte NAME = 'n';
    public static final byte SCHEMA = 's';

    public static LockKey row(byte[] key) {
        return new LockKey(ROW, key);
    }

    public static LockKey uniqueValue(byte[] keyPrefix) {
        return new LockKey(UNIQUE_VALUE, keyPrefix);
    }

    public static LockKey table(long tableId) {
        return new LockKey(TABLE, longBytes(tableId));
    }

    public static LockKey schema(long schemaId) {
        return new LockKey(SCHEMA, longBytes(schemaId));
    }

    /** The name of a relation being created, so two sessions cannot both create it. */
    public static LockKey name(long scopeId, String name) {
        byte[] text = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(longBytes(scopeId), 8 + text.length);
        System.arraycopy(text, 0, bytes, 8, text.length);
        return new LockKey(NAME, bytes);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockKey key && key.kind == kind && Arrays.equals(key.bytes, bytes);
    }

    /**
     * FNV-1a over the bytes. Not Arrays.hashCode: row keys of one table share a long prefix and
     * differ in a few trailing bytes, which its polynomial maps onto a few thousand values, so a
     * bulk load's million row locks piled into a few buckets of the lock table.
     */
    @Override
    public int hashCode() {
        long hash = 0xcbf29ce484222325L ^ kind;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (int) (hash ^ (hash >>> 32));
    }

    @Override
    public String toString() {
        return (char) kind + ":" + java.util.HexFormat.of().formatHex(bytes);
    }
}
