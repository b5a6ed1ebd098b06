package io.weftdb.engine.function;

import static io.weftdb.engine.function.Overload.of;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX regular-expression functions (regexp_replace, regexp_match, regexp_like, regexp_count,
 * substring's pattern forms). PostgreSQL's advanced regular expressions are close to Java's; the
 * differences that matter in practice are translated: {@code [[:alpha:]]} classes, the {@code \m},
 * {@code \M}, {@code \y} word boundaries, and {@code \1}/{@code \&} in replacement strings.
 */
public final class RegexFunctions {
    private static final DataType TEXT = DataType.TEXT;
    private static final DataType TEXT_ARRAY = DataType.arrayOf(DataType.TEXT);
    private static final int CACHE_LIMIT = 256;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private RegexFunctions() {
    }

    static void registerInto(FunctionRegistry registry) {
        registry.register("regexp_replace",
                of(TEXT, (v, c) -> replace((String) v[0], (String) v[1], (String) v[2], ""), TEXT, TEXT, TEXT),
                of(TEXT, (v, c) -> replace((String) v[0], (String) v[1], (String) v[2], (String) v[3]),
                        TEXT, TEXT, TEXT, TEXT));
        registry.register("regexp_match",
                of(TEXT_ARRAY, (v, c) -> match((String) v[0], (String) v[1], ""), TEXT, TEXT),
                of(TEXT_ARRAY, (v, c) -> match((String) v[0], (String) v[1], (String) v[2]), TEXT, TEXT, TEXT));
        registry.register("regexp_like",
                of(DataType.BOOLEAN, (v, c) -> matcher((String) v[1], "", (String) v[0]).find(), TEXT, TEXT),
                of(DataType.BOOLEAN, (v, c) -> matcher((String) v[1], (String) v[2], (String) v[0]).find(),
                        TEXT, TEXT, TEXT));
        registry.register("regexp_split_to_array",
                of(TEXT_ARRAY, (v, c) -> split((String) v[0], (String) v[1], ""), TEXT, TEXT),
                of(TEXT_ARRAY, (v, c) -> split((String) v[0], (String) v[1], (String) v[2]), TEXT, TEXT, TEXT));
        registry.register("regexp_substr",
                of(TEXT, (v, c) -> firstMatch((String) v[0], (String) v[1]), TEXT, TEXT));
        registry.register("regexp_instr",
                of(DataType.INTEGER, (v, c) -> firstMatchPosition((String) v[0], (String) v[1]), TEXT, TEXT));
        registry.register("regexp_count",
                of(DataType.INTEGER, (v, c) -> count((String) v[0], (String) v[1], 1, ""), TEXT, TEXT),
                of(DataType.INTEGER, (v, c) -> count((String) v[0], (String) v[1], (Long) v[2], ""),
                        TEXT, TEXT, DataType.INTEGER),
                of(DataType.INTEGER, (v, c) -> count((String) v[0], (String) v[1], (Long) v[2], (String) v[3]),
                        TEXT, TEXT, DataType.INTEGER, TEXT));
    }

    /** Whether {@code text} contains a match: the {@code ~} family of operators. */
    public static boolean find(String text, String pattern, boolean caseInsensitive) {
        return matcher(pattern, caseInsensitive ? "i" : "", text).find();
    }

    /**
     * regexp_matches: each match's capture groups (the whole match when the pattern has none), the
     * first match only unless the flags hold {@code g}. NULL for a group that took no part.
     */
    public static List<List<String>> matches(String text, String pattern, String flags) {
        Matcher matcher = matcher(pattern, flags, text);
        List<List<String>> matches = new java.util.ArrayList<>();
        while (matcher.find()) {
            List<String> groups = new java.util.ArrayList<>();
            if (matcher.groupCount() == 0) {
                groups.add(matcher.group());
            } else {
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    groups.add(matcher.group(group));
                }
            }
            matches.add(java.util.Collections.unmodifiableList(groups));
            if (flags.indexOf('g') < 0) {
                break;
            }
        }
        return matches;
    }

    /** Compiles a PostgreSQL pattern with regexp flags (i, c, g ignored here, n/p/w, x, s, t). */
    static Pattern compile(String pattern, String flags) {
        String key = flags + '\u0000' + pattern;
        Pattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        int options = 0;
        for (char flag : flags.toCharArray()) {
            options = switch (flag) {
                case 'i' -> options | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> options & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'n', 'w' -> options | Pattern.MULTILINE;
                case 'x' -> options | Pattern.COMMENTS;
                case 'g', 'p', 's', 't' -> options;
                default -> throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + flag + "\"");
            };
        }
        if ((options & Pattern.MULTILINE) == 0) {
            options |= Pattern.DOTALL;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(translate(pattern), options);
        } catch (PatternSyntaxException e) {
            throw new SqlException(ErrorCode.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, compiled);
        return compiled;
    }

    /** A matcher over the text that gives up on runaway backtracking (see {@link BoundedText}). */
    private static Matcher matcher(String pattern, String flags, String text) {
        return compile(pattern, flags).matcher(new BoundedText(text));
    }

    /**
     * The text a pattern runs over, counting the characters the matcher reads. Java's backtracking
     * engine takes exponential time on patterns such as {@code (a+)+$} that PostgreSQL's engine
     * runs quickly; past a generous budget the statement fails instead of hanging.
     */
    private static final class BoundedText implements CharSequence {
        private static final long BASE_BUDGET = 50_000_000L;
        private static final long BUDGET_PER_CHARACTER = 2_000L;
        private final String text;
        private long remaining;

        BoundedText(String text) {
            this.text = text;
            this.remaining = BASE_BUDGET + BUDGET_PER_CHARACTER * text.length();
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw new SqlException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                        "invalid regular expression: regular expression is too complex");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static String translate(String pattern) {
        String translated = pattern.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\d")
                .replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                .replace("[:space:]", "\\s").replace("[:punct:]", "\\p{Punct}").replace("[:xdigit:]", "\\p{XDigit}")
                .replace("[:word:]", "\\w").replace("[:blank:]", "\\p{Blank}").replace("[:cntrl:]", "\\p{Cntrl}")
                .replace("[:print:]", "\\p{Print}").replace("[:graph:]", "\\p{Graph}");
        return translated.replace("\\m", "\\b(?=\\w)").replace("\\M", "\\b(?<=\\w)").replace("\\y", "\\b")
                .replace("\\Y", "\\B");
    }

    private static String replace(String text, String pattern, String replacement, String flags) {
        Matcher matcher = matcher(pattern, flags, text);
        boolean global = flags.indexOf('g') >= 0;
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            appendReplacement(out, replacement, matcher);
            last = matcher.end();
            if (!global) {
                break;
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /** {@code \n} is the n-th group, {@code \&} the whole match, {@code \\} a backslash. */
    private static void appendReplacement(StringBuilder out, String replacement, Matcher matcher) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    int group = next - '0';
                    if (group <= matcher.groupCount() && matcher.group(group) != null) {
                        out.append(matcher.group(group));
                    }
                    i++;
                    continue;
                }
                if (next == '&') {
                    out.append(matcher.group());
                    i++;
                    continue;
                }
                if (next == '\\') {
                    out.append('\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
    }

    /** regexp_split_to_array: the text between matches; an empty match splits between characters. */
    private static List<String> split(String text, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "regexp_split_to_array() does not support the \"global\" option");
        }
        Matcher matcher = matcher(pattern, flags, text);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            boolean empty = matcher.end() == matcher.start();
            // An empty match at the end of the text or where the current piece starts does not split.
            if (empty && (matcher.start() >= text.length() || matcher.start() == start)) {
                if (matcher.start() >= text.length()) {
                    break;
                }
                from = matcher.start() + 1;
                continue;
            }
            parts.add(text.substring(start, matcher.start()));
            start = matcher.end();
            from = empty ? matcher.end() + 1 : matcher.end();
        }
        parts.add(text.substring(start));
        return java.util.Collections.unmodifiableList(parts);
    }

    private static String firstMatch(String text, String pattern) {
        Matcher matcher = matcher(pattern, "", text);
        return matcher.find() ? matcher.group() : null;
    }

    private static long firstMatchPosition(String text, String pattern) {
        Matcher matcher = matcher(pattern, "", text);
        return matcher.find() ? text.codePointCount(0, matcher.start()) + 1 : 0;
    }

    private static List<String> match(String text, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "regexp_match() does not support the \"global\" option")
                    .withHint("Use the regexp_matches function instead.");
        }
        Matcher matcher = matcher(pattern, flags, text);
        if (!matcher.find()) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        if (matcher.groupCount() == 0) {
            groups.add(matcher.group());
        }
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(matcher.group(i));
        }
        return java.util.Collections.unmodifiableList(groups);
    }

    /** regexp_count(text, pattern [, start [, flags]]): matches from the start-th character on. */
    private static long count(String text, String pattern, long start, String flags) {
        if (start <= 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"start\": " + start);
        }
        int offset = start > text.codePointCount(0, text.length()) ? text.length()
                : text.offsetByCodePoints(0, (int) start - 1);
        Matcher matcher = matcher(pattern, flags, text);
        matcher.region(offset, text.length());
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** substring(text FROM pattern): the first parenthesised group's match, else the whole match. */
    static String substring(String text, String pattern) {
        Matcher matcher = matcher(pattern, "", text);
        if (!matcher.find()) {
            return null;
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    /**
     * substring(text SIMILAR pattern ESCAPE e): the pattern must match the whole text; the result is
     * the part between the two {@code e"} markers (the whole text without them).
     */
    static String similarSubstring(String text, String pattern, String escape) {
        if (escape.length() > 1) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        char escapeChar = escape.isEmpty() ? 0 : escape.charAt(0);
        StringBuilder regex = new StringBuilder();
        int markers = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escapeChar != 0 && c == escapeChar && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (next == '"') {
                    markers++;
                    if (markers > 2) {
                        throw new SqlException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                                "SQL regular expression may not contain more than two escape-double-quote separators");
                    }
                    regex.append(markers == 1 ? ")(" : ")(?:");
                } else {
                    regex.append(Pattern.quote(String.valueOf(next)));
                }
            } else if (c == '%') {
                // The part before the first separator matches as little as it can, as in PostgreSQL.
                regex.append(markers == 0 ? ".*?" : ".*");
            } else if (c == '_') {
                regex.append('.');
            } else if ("|*+?()[]{}".indexOf(c) >= 0) {
                regex.append(c == '(' ? "(?:" : String.valueOf(c));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String expression = markers == 2 ? "(?:" + regex + ")" : "(" + regex + ")";
        Matcher matcher;
        try {
            matcher = Pattern.compile(expression, Pattern.DOTALL).matcher(new BoundedText(text));
        } catch (PatternSyntaxException e) {
            throw new SqlException(ErrorCode.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
        return matcher.matches() ? matcher.group(1) : null;
    }
}
