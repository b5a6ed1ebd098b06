package io.weftdb.engine.encoding;

/**
 * Writes strings as UTF-8 straight into a caller's buffer, so the codecs need no intermediate
 * {@code byte[]} per string value. An unpaired surrogate becomes {@code '?'}, exactly as
 * {@link String#getBytes(java.nio.charset.Charset)} would write it, so decoding with the JDK gives
 * the same string either way.
 */
final class Utf8 {
    /** The most bytes one UTF-16 char can need (a lone BMP char; a surrogate pair needs 4 for 2). */
    static final int MAX_BYTES_PER_CHAR = 3;
    private static final byte REPLACEMENT = '?';

    private Utf8() {
    }

    /**
     * Writes {@code text} at {@code offset} and returns the offset after it. With
     * {@code escapeNul}, each U+0000 (the only code point whose UTF-8 contains a 0x00 byte) is
     * written as 0x00 0xFF, the escape of the ordered key encoding.
     */
    static int encode(String text, byte[] target, int offset, boolean escapeNul) {
        int out = offset;
        int count = text.length();
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                target[out++] = (byte) c;
                if (c == 0 && escapeNul) {
                    target[out++] = (byte) 0xFF;
                }
            } else if (c < 0x800) {
                target[out++] = (byte) (0xC0 | (c >>> 6));
                target[out++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                target[out++] = (byte) (0xF0 | (codePoint >>> 18));
                target[out++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
                target[out++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
                target[out++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                target[out++] = REPLACEMENT;
            } else {
                target[out++] = (byte) (0xE0 | (c >>> 12));
                target[out++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
                target[out++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }
}
