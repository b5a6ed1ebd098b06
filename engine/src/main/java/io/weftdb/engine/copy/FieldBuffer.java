package io.weftdb.engine.copy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A reusable byte buffer a parser builds one field in; fields are UTF-8. */
final class FieldBuffer {
    private byte[] bytes = new byte[64];
    private int length;

    void clear() {
        length = 0;
    }

    void add(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    void add(byte[] data, int start, int end) {
        int count = end - start;
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(data, start, bytes, length, count);
        length += count;
    }

    boolean contentEquals(byte[] other) {
        return Arrays.equals(bytes, 0, length, other, 0, other.length);
    }

    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
