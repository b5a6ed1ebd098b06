package io.weftdb.server;

/**
 * Terminal columns a string occupies, as psql measures them: combining marks take none, East Asian
 * wide and fullwidth characters take two, everything else one. A trimmed-down port of the
 * {@code ucs_wcwidth} table PostgreSQL uses ({@code src/common/wchar.c}).
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(CharSequence text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            width += of(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || codePoint == 0x200B) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int codePoint) {
        return codePoint >= 0x1100
                && (codePoint <= 0x115F // Hangul Jamo initial consonants
                        || codePoint == 0x2329 || codePoint == 0x232A
                        || (codePoint >= 0x2E80 && codePoint <= 0xA4CF && codePoint != 0x303F) // CJK .. Yi
                        || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) // Hangul syllables
                        || (codePoint >= 0xF900 && codePoint <= 0xFAFF) // CJK compatibility ideographs
                        || (codePoint >= 0xFE10 && codePoint <= 0xFE19) // vertical forms
                        || (codePoint >= 0xFE30 && codePoint <= 0xFE6F) // CJK compatibility forms
                        || (codePoint >= 0xFF00 && codePoint <= 0xFF60) // fullwidth forms
                        || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                        || (codePoint >= 0x1F300 && codePoint <= 0x1F64F) // pictographs, emoticons
                        || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF)
                        || (codePoint >= 0x20000 && codePoint <= 0x2FFFD)
                        || (codePoint >= 0x30000 && codePoint <= 0x3FFFD));
    }
}
