package io.weftdb.pg.sql;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The SQL text being parsed. ANTLR indexes its input by code point while positions in the IR and
 * statement offsets are Java char offsets; the two differ only after a supplementary character
 * (an emoji, say), so the mapping table exists only for such texts.
 */
final class SourceText {
    private final String text;
    private final int[] charOffsetByCodePoint;

    SourceText(String text) {
        this.text = text;
        this.charOffsetByCodePoint = text.codePointCount(0, text.length()) == text.length()
                ? null
                : charOffsets(text);
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

    String text() {
        return text;
    }

    CharStream charStream() {
        return CharStreams.fromString(text);
    }

    /** The char offset of the character ANTLR numbers {@code codePointIndex}. */
    int charOffset(int codePointIndex) {
        return charOffsetByCodePoint == null ? codePointIndex : charOffsetByCodePoint[codePointIndex];
    }

    /** The 1-based position of a token's first character, as the IR and PostgreSQL's errors count. */
    int position(Token token) {
        return charOffset(token.getStartIndex()) + 1;
    }

    /** The source text from the start of {@code first} to the end of {@code last}, both included. */
    String text(Token first, Token last) {
        return text.substring(charOffset(first.getStartIndex()), charOffset(last.getStopIndex() + 1));
    }

    /** The source text strictly between two tokens. */
    String textBetween(Token before, Token after) {
        return text.substring(charOffset(before.getStopIndex() + 1), charOffset(after.getStartIndex()));
    }
}
