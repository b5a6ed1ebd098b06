package io.weftdb.engine.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entries appended in strictly ascending key order, packed into a few large byte chunks. Each entry
 * costs its bytes plus one long of position, where a tree map holds two arrays and a node per entry:
 * a million-row load stays a handful of objects that the garbage collector hardly has to trace.
 * Lookups are binary searches; the run only shrinks from its end (undo, a suffix cut).
 *
 * <p>An entry is {@code [key length][value length, -1 for a tombstone][key][value]}.
 */
final class PackedRun {
    private static final int HEADER = 8;
    private static final int FIRST_CHUNK = 256;
    private static final int LARGEST_CHUNK = 4 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    /** Per entry: chunk index in the high 32 bits, offset in the low 32. */
    private long[] positions = new long[8];
    private int size;
    private int writeOffset;
    private long chunkBytes;

    int size() {
        return size;
    }

    /** Bytes held, for memory accounting. */
    long retainedBytes() {
        return chunkBytes + 8L * positions.length;
    }

    /** Appends an entry whose key must be above every key in the run; {@code value} may be the tombstone. */
    void append(byte[] key, byte[] value) {
        boolean tombstone = value == WriteBuffer.TOMBSTONE;
        int length = HEADER + key.length + (tombstone ? 0 : value.length);
        byte[] chunk = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (chunk == null || writeOffset + length > chunk.length) {
            // Chunks double with the run, so a one-row transaction stays small and a big load makes few chunks.
            int capacity = (int) Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, chunkBytes));
            chunk = new byte[Math.max(capacity, length)];
            chunks.add(chunk);
            chunkBytes += chunk.length;
            writeOffset = 0;
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = ((long) (chunks.size() - 1) << 32) | writeOffset;
        writeInt(chunk, writeOffset, key.length);
        writeInt(chunk, writeOffset + 4, tombstone ? -1 : value.length);
        System.arraycopy(key, 0, chunk, writeOffset + HEADER, key.length);
        if (!tombstone) {
            System.arraycopy(value, 0, chunk, writeOffset + HEADER + key.length, value.length);
        }
        writeOffset += length;
    }

    /** Drops the entries from {@code index} on. */
    void truncate(int index) {
        if (index >= size) {
            return;
        }
        size = index;
        if (index == 0) {
            chunks.clear();
            chunkBytes = 0;
            writeOffset = 0;
            return;
        }
        long position = positions[index];
        int chunk = (int) (position >>> 32);
        while (chunks.size() > chunk + 1) {
            chunkBytes -= chunks.remove(chunks.size() - 1).length;
        }
        writeOffset = (int) position;
    }

    /** Moves the entries from {@code index} on into a run of their own (for undo to append back). */
    PackedRun cut(int index) {
        PackedRun removed = new PackedRun();
        for (int i = index; i < size; i++) {
            removed.append(key(i), value(i));
        }
        truncate(index);
        return removed;
    }

    /** Appends every entry of {@code other}, whose keys must all be above this run's. */
    void appendAll(PackedRun other) {
        for (int i = 0; i < other.size; i++) {
            append(other.key(i), other.value(i));
        }
    }

    /** The index of {@code key}, or {@code -(insertion point) - 1} when absent. */
    int find(byte[] key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, key);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** The index of the first entry whose key is at least {@code key}. */
    int lowerBound(byte[] key) {
        int found = find(key);
        return found >= 0 ? found : -found - 1;
    }

    /** Compares entry {@code index}'s key with {@code key}, unsigned, as the store orders keys. */
    int compare(int index, byte[] key) {
        long position = positions[index];
        byte[] chunk = chunks.get((int) (position >>> 32));
        int offset = (int) position;
        int keyLength = readInt(chunk, offset);
        return Arrays.compareUnsigned(chunk, offset + HEADER, offset + HEADER + keyLength, key, 0, key.length);
    }

    byte[] key(int index) {
        long position = positions[index];
        byte[] chunk = chunks.get((int) (position >>> 32));
        int offset = (int) position;
        int keyLength = readInt(chunk, offset);
        return Arrays.copyOfRange(chunk, offset + HEADER, offset + HEADER + keyLength);
    }

    /** A copy of entry {@code index}'s value, or the tombstone itself. */
    byte[] value(int index) {
        long position = positions[index];
        byte[] chunk = chunks.get((int) (position >>> 32));
        int offset = (int) position;
        int keyLength = readInt(chunk, offset);
        int valueLength = readInt(chunk, offset + 4);
        if (valueLength < 0) {
            return WriteBuffer.TOMBSTONE;
        }
        int start = offset + HEADER + keyLength;
        return Arrays.copyOfRange(chunk, start, start + valueLength);
    }

    /** Hands entry {@code index} to {@code receiver} as slices of the run's own bytes: a put, or a delete for a tombstone. */
    void replay(int index, io.weftdb.engine.storage.Keyspace keyspace, io.weftdb.engine.storage.Writes.Receiver receiver) {
        long position = positions[index];
        byte[] chunk = chunks.get((int) (position >>> 32));
        int offset = (int) position;
        int keyLength = readInt(chunk, offset);
        int valueLength = readInt(chunk, offset + 4);
        if (valueLength < 0) {
            receiver.delete(keyspace, key(index));
        } else {
            receiver.put(keyspace, chunk, offset + HEADER, keyLength, chunk, offset + HEADER + keyLength, valueLength);
        }
    }

    private static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    private static int readInt(byte[] source, int offset) {
        return (source[offset] & 0xFF) << 24 | (source[offset + 1] & 0xFF) << 16 | (source[offset + 2] & 0xFF) << 8
                | source[offset + 3] & 0xFF;
    }
}
