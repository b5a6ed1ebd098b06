package io.weftdb.mysql.sql;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The SQL text being parsed. ANTLR indexes its input by code point while IR positions are char
 * offsets; the mapping table exists only for texts with supplementary characters.
 */
final class SourceText {
    private final String text;
    private final int[] charOffsetByCodePoint;

    SourceText(String text) {
        this.text = text;
        this.charOffsetByCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : charOffsets(text);
    }

    private static int[] charOffsets(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int charOffset = 0;
        for (int codePoint = 0; codePoint < offsets.length - 1; codePoint++) {
            offsets[codePoint] = charOffset;
            charOffset += Character.charCount(text.codePointAt(charOffset));
        }
        offsets[offsets.length - 1] = text.length();
        return offsets;
    }

    CharStream charStream() {
        return CharStreams.fromString(text);
    }

    int charOffset(int codePointIndex) {
        return charOffsetByCodePoint == null ? codePointIndex : charOffsetByCodePoint[codePointIndex];
    }

    /** The 1-based position of a token's first character. */
    int position(Token token) {
        return charOffset(token.getStartIndex()) + 1;
    }

    /** The source text from the start of {@code first} to the end of {@code last}, both included. */
    String text(Token first, Token last) {
        return text.substring(charOffset(first.getStartIndex()), charOffset(last.getStopIndex() + 1));
    }
}
