package io.weftdb.compat.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sqllogictest files into records, following the rules of upstream's {@code sqllogictest.c}:
 * lines lose a trailing CR and trailing whitespace, a line starting with {@code #} is dropped
 * wherever it is (it does not end a record), and records are separated by blank lines.
 */
public final class LogicTestParser {
    private static final Pattern HASH_LINE = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");
    /** Upstream compares only this many characters of a label. */
    private static final int LABEL_LENGTH = 20;

    /** Parses a file, read as ISO-8859-1 so that any byte survives (the corpus is ASCII). */
    public List<LogicTestRecord> parse(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /** @throws IllegalArgumentException naming the line of a record this parser does not know */
    public List<LogicTestRecord> parse(String text) {
        List<LogicTestRecord> records = new ArrayList<>();
        List<NumberedLine> block = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.stripTrailing();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                addRecord(block, records);
                block.clear();
            } else {
                block.add(new NumberedLine(lineNumber, line));
            }
        }
        addRecord(block, records);
        return List.copyOf(records);
    }

    private static void addRecord(List<NumberedLine> block, List<LogicTestRecord> records) {
        if (block.isEmpty()) {
            return;
        }
        List<Condition> conditions = new ArrayList<>();
        int index = 0;
        while (index < block.size()) {
            String[] tokens = headerTokens(block.get(index).text());
            if (tokens[0].equals("skipif") || tokens[0].equals("onlyif")) {
                requireTokens(tokens, 2, block.get(index));
                conditions.add(new Condition(tokens[0].equals("onlyif"), tokens[1]));
                index++;
            } else {
                break;
            }
        }
        if (index == block.size()) {
            throw new IllegalArgumentException("line " + block.getLast().number() + ": conditions without a record");
        }
        NumberedLine header = block.get(index);
        String[] tokens = headerTokens(header.text());
        List<NumberedLine> body = block.subList(index + 1, block.size());
        records.add(switch (tokens[0]) {
            case "statement" -> statement(header, tokens, conditions, body);
            case "query" -> query(header, tokens, conditions, body);
            case "hash-threshold" -> {
                requireTokens(tokens, 2, header);
                yield new LogicTestRecord.HashThreshold(header.number(), conditions, Integer.parseInt(tokens[1]));
            }
            case "halt" -> new LogicTestRecord.Halt(header.number(), conditions);
            default -> throw new IllegalArgumentException("line " + header.number() + ": unknown record '" + header.text() + "'");
        });
    }

    private static LogicTestRecord statement(NumberedLine header, String[] tokens, List<Condition> conditions,
            List<NumberedLine> body) {
        requireTokens(tokens, 2, header);
        boolean expectError = switch (tokens[1]) {
            case "ok" -> false;
            case "error" -> true;
            default -> throw new IllegalArgumentException("line " + header.number() + ": unknown statement kind '" + tokens[1] + "'");
        };
        return new LogicTestRecord.Statement(header.number(), conditions, joined(body), expectError);
    }

    private static LogicTestRecord query(NumberedLine header, String[] tokens, List<Condition> conditions,
            List<NumberedLine> body) {
        requireTokens(tokens, 2, header);
        List<ColumnType> types = new ArrayList<>();
        for (char letter : tokens[1].toCharArray()) {
            types.add(ColumnType.ofLetter(letter));
        }
        SortMode sortMode = tokens.length > 2 ? SortMode.ofName(tokens[2]) : SortMode.NOSORT;
        String label = tokens.length > 3 ? tokens[3].substring(0, Math.min(LABEL_LENGTH, tokens[3].length())) : null;
        int separator = 0;
        while (separator < body.size() && !body.get(separator).text().equals("----")) {
            separator++;
        }
        List<NumberedLine> sql = body.subList(0, separator);
        List<String> expected = new ArrayList<>();
        for (NumberedLine line : body.subList(Math.min(separator + 1, body.size()), body.size())) {
            expected.add(line.text());
        }
        return new LogicTestRecord.Query(header.number(), conditions, joined(sql), types, sortMode, label,
                expectedResult(expected));
    }

    private static ExpectedResult expectedResult(List<String> lines) {
        if (lines.size() == 1) {
            Matcher matcher = HASH_LINE.matcher(lines.getFirst());
            if (matcher.matches()) {
                return new ExpectedResult.Hash(Integer.parseInt(matcher.group(1)), matcher.group(2));
            }
        }
        return new ExpectedResult.Values(lines);
    }

    /**
     * Upstream splits a header into at most four tokens; anything after them is commentary, and so is
     * a {@code #} token ({@code query I nosort # why} must not read "#" as a label).
     */
    private static String[] headerTokens(String line) {
        List<String> tokens = new ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (token.startsWith("#") || tokens.size() == 4) {
                break;
            }
            tokens.add(token);
        }
        return tokens.toArray(String[]::new);
    }

    private static void requireTokens(String[] tokens, int count, NumberedLine line) {
        if (tokens.length < count) {
            throw new IllegalArgumentException("line " + line.number() + ": incomplete record header '" + line.text() + "'");
        }
    }

    private static String joined(List<NumberedLine> lines) {
        StringBuilder sql = new StringBuilder();
        for (NumberedLine line : lines) {
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            sql.append(line.text());
        }
        return sql.toString();
    }

    private record NumberedLine(int number, String text) {}
}
