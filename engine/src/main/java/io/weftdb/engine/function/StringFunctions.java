package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Evaluator;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.DataType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** String functions: lengths, slicing, padding, trimming, case, quoting, hashing and format(). */
final class StringFunctions {
    private static final DataType TEXT = DataType.TEXT;
    private static final DataType INT = DataType.INTEGER;
    private static final DataType BIGINT = DataType.BIGINT;
    private static final long MAX_RESULT_LENGTH = 64L * 1024 * 1024;

    private StringFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("lower", of(TEXT, (v, c) -> mapCodePoints((String) v[0], Character::toLowerCase), TEXT));
        registry.register("upper", of(TEXT, (v, c) -> mapCodePoints((String) v[0], Character::toUpperCase), TEXT));
        registry.register("initcap", of(TEXT, (v, c) -> initcap((String) v[0]), TEXT));
        Overload characters = of(INT, (v, c) -> (long) codePoints(v[0]).length, TEXT);
        Overload bytes = of(INT, (v, c) -> (long) ((Bytes) v[0]).length(), DataType.BYTEA);
        for (String name : List.of("length", "char_length", "character_length")) {
            registry.register(name, characters, bytes);
        }
        registry.register("octet_length",
                of(INT, (v, c) -> (long) ((String) v[0]).getBytes(StandardCharsets.UTF_8).length, TEXT), bytes);
        registry.register("bit_length",
                of(INT, (v, c) -> 8L * ((String) v[0]).getBytes(StandardCharsets.UTF_8).length, TEXT));
        registry.register("substr",
                of(TEXT, (v, c) -> substring(v[0], (Long) v[1], null), TEXT, INT),
                of(TEXT, (v, c) -> substring(v[0], (Long) v[1], (Long) v[2]), TEXT, INT, INT));
        registry.register("substring",
                of(TEXT, (v, c) -> substring(v[0], (Long) v[1], null), TEXT, INT),
                of(TEXT, (v, c) -> substring(v[0], (Long) v[1], (Long) v[2]), TEXT, INT, INT),
                of(TEXT, (v, c) -> RegexFunctions.substring((String) v[0], (String) v[1]), TEXT, TEXT),
                of(TEXT, (v, c) -> RegexFunctions.similarSubstring((String) v[0], (String) v[1], (String) v[2]),
                        TEXT, TEXT, TEXT));
        registry.register("overlay",
                of(TEXT, (v, c) -> overlay((String) v[0], (String) v[1], (Long) v[2], null), TEXT, TEXT, INT),
                of(TEXT, (v, c) -> overlay((String) v[0], (String) v[1], (Long) v[2], (Long) v[3]), TEXT, TEXT, INT, INT));
        registry.register("position", of(INT, (v, c) -> position((String) v[0], (String) v[1]), TEXT, TEXT));
        registry.register("substring_index", of(TEXT, (v, c) -> substringIndex((String) v[0], (String) v[1],
                ((Number) v[2]).longValue()), TEXT, TEXT, INT));
        registry.register("strpos", of(INT, (v, c) -> position((String) v[0], (String) v[1]), TEXT, TEXT));
        registry.register("starts_with", of(DataType.BOOLEAN, (v, c) -> ((String) v[0]).startsWith((String) v[1]), TEXT, TEXT));
        registry.register("btrim", trim(true, true));
        registry.register("ltrim", trim(true, false));
        registry.register("rtrim", trim(false, true));
        registry.register("lpad", pad(true));
        registry.register("rpad", pad(false));
        registry.register("replace", of(TEXT, (v, c) -> replace((String) v[0], (String) v[1], (String) v[2]),
                TEXT, TEXT, TEXT));
        registry.register("split_part", of(TEXT, (v, c) -> splitPart((String) v[0], (String) v[1], (Long) v[2]),
                TEXT, TEXT, INT));
        registry.register("left", of(TEXT, (v, c) -> left(codePoints(v[0]), (Long) v[1]), TEXT, INT));
        registry.register("right", of(TEXT, (v, c) -> right(codePoints(v[0]), (Long) v[1]), TEXT, INT));
        registry.register("repeat", of(TEXT, (v, c) -> repeat((String) v[0], (Long) v[1]), TEXT, INT));
        registry.register("reverse", of(TEXT, (v, c) -> new StringBuilder((String) v[0]).reverse().toString(), TEXT));
        registry.register("md5",
                of(TEXT, (v, c) -> md5(((String) v[0]).getBytes(StandardCharsets.UTF_8)), TEXT),
                of(TEXT, (v, c) -> md5(((Bytes) v[0]).unsafeArray()), DataType.BYTEA));
        registry.register("ascii", of(INT, (v, c) -> ((String) v[0]).isEmpty() ? 0L : (long) ((String) v[0]).codePointAt(0), TEXT));
        registry.register("chr", of(TEXT, (v, c) -> chr((Long) v[0]), INT));
        registry.register("translate", of(TEXT, (v, c) -> translate((String) v[0], (String) v[1], (String) v[2]),
                TEXT, TEXT, TEXT));
        registry.register("quote_ident", of(TEXT, (v, c) -> Quoting.identifier((String) v[0]), TEXT));
        registry.register("quote_literal", arguments -> quoteAny(arguments, false));
        registry.register("quote_nullable", arguments -> quoteAny(arguments, true));
        registry.register("to_hex",
                of(TEXT, (v, c) -> Integer.toHexString((int) (long) (Long) v[0]), INT),
                of(TEXT, (v, c) -> Long.toHexString((Long) v[0]), BIGINT));
        registry.register("concat", arguments -> concat(arguments, false));
        registry.register("concat_ws", arguments -> concat(arguments, true));
        registry.register("format", Format::bind);
    }

    /** Code points, so that lengths and positions count characters outside the BMP once. */
    static int[] codePoints(Object text) {
        return ((String) text).codePoints().toArray();
    }

    static String string(int[] codePoints, int from, int to) {
        return new String(codePoints, from, Math.max(0, to - from));
    }

    /** Case mapping one character at a time, as PostgreSQL does: upper('ß') stays 'ß'. */
    private static String mapCodePoints(String text, java.util.function.IntUnaryOperator mapping) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(mapping.applyAsInt(c)));
        return out.toString();
    }

    private static String initcap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            out.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** substring(s, start [, count]): a start before 1 shortens the count, as in PostgreSQL. */
    static String substring(Object text, long start, Long count) {
        int[] chars = codePoints(text);
        if (count != null && count < 0) {
            throw new SqlException(ErrorCode.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end = count == null ? Long.MAX_VALUE : start + count;
        if (count != null && end < start) {
            end = Long.MAX_VALUE;
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, chars.length + 1L);
        return from >= to ? "" : string(chars, (int) from - 1, (int) to - 1);
    }

    private static String overlay(String text, String replacement, long start, Long count) {
        long length = count != null ? count : replacement.codePointCount(0, replacement.length());
        if (length < 0) {
            throw new SqlException(ErrorCode.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        return substring(text, 1, Math.max(start - 1, 0)) + replacement + substring(text, start + length, null);
    }

    private static long position(String text, String search) {
        int index = text.indexOf(search);
        return index < 0 ? 0 : text.codePointCount(0, index) + 1;
    }

    private static Overload[] trim(boolean leading, boolean trailing) {
        return new Overload[] {
                of(TEXT, (v, c) -> trim((String) v[0], " ", leading, trailing), TEXT),
                of(TEXT, (v, c) -> trim((String) v[0], (String) v[1], leading, trailing), TEXT, TEXT),
                of(DataType.BYTEA, (v, c) -> trimBytes((Bytes) v[0], (Bytes) v[1], leading, trailing),
                        DataType.BYTEA, DataType.BYTEA)
        };
    }

    private static String trim(String text, String characters, boolean leading, boolean trailing) {
        int[] chars = codePoints(text);
        int[] set = codePoints(characters);
        int from = 0;
        int to = chars.length;
        while (leading && from < to && contains(set, chars[from])) {
            from++;
        }
        while (trailing && to > from && contains(set, chars[to - 1])) {
            to--;
        }
        return string(chars, from, to);
    }

    private static Bytes trimBytes(Bytes value, Bytes characters, boolean leading, boolean trailing) {
        byte[] data = value.unsafeArray();
        int from = 0;
        int to = data.length;
        while (leading && from < to && containsByte(characters, data[from])) {
            from++;
        }
        while (trailing && to > from && containsByte(characters, data[to - 1])) {
            to--;
        }
        return Bytes.wrap(java.util.Arrays.copyOfRange(data, from, to));
    }

    private static boolean containsByte(Bytes set, byte value) {
        for (int i = 0; i < set.length(); i++) {
            if (set.get(i) == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] set, int c) {
        for (int candidate : set) {
            if (candidate == c) {
                return true;
            }
        }
        return false;
    }

    private static Overload[] pad(boolean left) {
        return new Overload[] {
                of(TEXT, (v, c) -> pad((String) v[0], (Long) v[1], " ", left), TEXT, INT),
                of(TEXT, (v, c) -> pad((String) v[0], (Long) v[1], (String) v[2], left), TEXT, INT, TEXT)
        };
    }

    /** lpad/rpad: a longer string is cut to the length; an empty fill leaves the string as it is. */
    private static String pad(String text, long length, String fill, boolean left) {
        int[] chars = codePoints(text);
        if (length <= 0) {
            return "";
        }
        if (chars.length >= length) {
            return string(chars, 0, (int) length);
        }
        if (fill.isEmpty()) {
            return text;
        }
        int[] filler = codePoints(fill);
        int missing = (int) length - chars.length;
        checkLength(length);
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < missing; i++) {
            padding.appendCodePoint(filler[i % filler.length]);
        }
        return left ? padding + text : text + padding;
    }

    /**
     * Results are built in memory, so a requested length is capped well below PostgreSQL's 1 GB
     * (which would exhaust a default heap) rather than let one call take the server down.
     */
    private static void checkLength(long length) {
        if (length > MAX_RESULT_LENGTH) {
            throw new SqlException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
    }

    private static String replace(String text, String from, String to) {
        return from.isEmpty() ? text : text.replace(from, to);
    }

    /** split_part: a negative field counts from the end (PostgreSQL 14); zero is an error. */
    private static String splitPart(String text, String delimiter, long field) {
        if (field == 0) {
            throw FunctionErrors.invalidParameter("field position must not be zero");
        }
        List<String> parts = delimiter.isEmpty() ? (text.isEmpty() ? List.of() : List.of(text))
                : splitOn(text, delimiter);
        long index = field > 0 ? field - 1 : parts.size() + field;
        return index < 0 || index >= parts.size() ? "" : parts.get((int) index);
    }

    static List<String> splitOn(String text, String delimiter) {
        List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        int at;
        while ((at = text.indexOf(delimiter, from)) >= 0) {
            parts.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static String left(int[] chars, long count) {
        long end = count >= 0 ? Math.min(count, chars.length) : Math.max(0, chars.length + count);
        return string(chars, 0, (int) end);
    }

    private static String right(int[] chars, long count) {
        long start = count >= 0 ? Math.max(0, chars.length - count) : Math.min(chars.length, -count);
        return string(chars, (int) start, chars.length);
    }

    private static String repeat(String text, long count) {
        if (count <= 0 || text.isEmpty()) {
            return "";
        }
        checkLength(count * text.length());
        return text.repeat((int) count);
    }

    private static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }

    private static String chr(long code) {
        if (code == 0) {
            throw new SqlException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw new SqlException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "character number must be positive");
        }
        if (code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF) {
            throw new SqlException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + code);
        }
        return Character.toString((int) code);
    }

    /** translate: characters of {@code from} without a counterpart in {@code to} are deleted. */
    private static String translate(String text, String from, String to) {
        int[] source = codePoints(from);
        int[] target = codePoints(to);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int index = -1;
            for (int i = 0; i < source.length; i++) {
                if (source[i] == c) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                out.appendCodePoint(c);
            } else if (index < target.length) {
                out.appendCodePoint(target[index]);
            }
        });
        return out.toString();
    }

    /** quote_literal/quote_nullable of a non-text value quote its text form. */
    private static BoundExpr quoteAny(List<BoundExpr> arguments, boolean nullable) {
        if (arguments.size() != 1) {
            return null;
        }
        Evaluator input = ValueText.of(arguments.get(0));
        return new BoundExpr((row, context) -> {
            Object text = input.evaluate(row, context);
            return text == null ? (nullable ? "NULL" : null) : Quoting.literal((String) text);
        }, TEXT, Overload.foldable(arguments));
    }

    /** concat(any...) skips NULLs; concat_ws(separator, any...) is NULL only for a NULL separator. */
    private static BoundExpr concat(List<BoundExpr> arguments, boolean withSeparator) {
        if (arguments.isEmpty()) {
            return null;
        }
        Evaluator[] parts = arguments.stream().map(ValueText::of).toArray(Evaluator[]::new);
        boolean constant = Overload.foldable(arguments);
        return new BoundExpr((row, context) -> {
            String separator = "";
            int first = 0;
            if (withSeparator) {
                separator = (String) parts[0].evaluate(row, context);
                if (separator == null) {
                    return null;
                }
                first = 1;
            }
            StringBuilder out = new StringBuilder();
            boolean any = false;
            for (int i = first; i < parts.length; i++) {
                Object value = parts[i].evaluate(row, context);
                if (value != null) {
                    if (any) {
                        out.append(separator);
                    }
                    out.append((String) value);
                    any = true;
                }
            }
            return out.toString();
        }, TEXT, constant);
    }

    /**
     * Evaluates any argument to its text output form, as concat() and format() show values (a
     * char(n) keeps its padding there, unlike in a cast to text).
     */
    static final class ValueText {
        private ValueText() {
        }

        static Evaluator of(BoundExpr argument) {
            Evaluator input = argument.evaluator();
            DataType type = argument.type();
            return (row, context) -> {
                Object value = input.evaluate(row, context);
                return value == null ? null : TextFormat.format(value, type, context.timeZone());
            };
        }
    }

    /**
     * MySQL's SUBSTRING_INDEX: the text before the {@code count}-th delimiter from the left, or for
     * a negative count after the count-th from the right; all of it when there are fewer.
     */
    static String substringIndex(String text, String delimiter, long count) {
        if (count == 0 || delimiter.isEmpty()) {
            return "";
        }
        if (count > 0) {
            int end = -1;
            for (long found = 0; found < count; found++) {
                end = text.indexOf(delimiter, end < 0 ? 0 : end + delimiter.length());
                if (end < 0) {
                    return text;
                }
            }
            return text.substring(0, end);
        }
        int start = text.length();
        for (long found = 0; found < -count; found++) {
            start = text.lastIndexOf(delimiter, start - 1);
            if (start < 0) {
                return text;
            }
        }
        return text.substring(start + delimiter.length());
    }
}
