package io.weftdb.compat.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the golden corpus format (docs/compat.md): records separated by blank lines, {@code #} comments,
 * {@code statement ok}, {@code statement error <SQLSTATE or MySQL error number>...},
 * {@code query <I|T|R|B letters> [rowsort]} followed by the SQL, {@code ----} and one line per row
 * with its values joined by {@code " | "}, and {@code expected-fail [@target...] <reason>} before a
 * record that does not pass yet.
 */
public final class CorpusParser {
    static final String ROW_SEPARATOR = " | ";
    private static final String RESULT_MARKER = "----";
    private static final String EXPECTED_FAIL = "expected-fail";

    /** Every {@code *.test} file of the corpus folders that exist, in name order. */
    public List<CorpusFile> parseCorpus(Path corpus) throws IOException {
        List<CorpusFile> files = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            Path folder = corpus.resolve(scope.folder());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                for (Path file : listing.filter(path -> path.getFileName().toString().endsWith(".test")).sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    files.add(parse(scope, scope.folder() + "/" + fileName, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return files;
    }

    public CorpusFile parse(Scope scope, String name, String text) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        String feature = fileName.endsWith(".test") ? fileName.substring(0, fileName.length() - ".test".length()) : fileName;
        List<String> lines = text.lines().toList();
        List<CorpusRecord> records = new ArrayList<>();
        int index = 0;
        Optional<ExpectedFailure> pendingFailure = Optional.empty();
        while (index < lines.size()) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                index++;
                continue;
            }
            int lineNumber = index + 1;
            if (line.startsWith(EXPECTED_FAIL)) {
                if (pendingFailure.isPresent()) {
                    throw new CorpusFormatException(name, lineNumber, "two expected-fail markers for one record");
                }
                pendingFailure = Optional.of(expectedFailure(name, lineNumber, line));
                index++;
                continue;
            }
            List<String> words = List.of(line.split("\\s+"));
            index++;
            int sqlStart = index;
            while (index < lines.size() && !lines.get(index).isBlank() && !lines.get(index).strip().equals(RESULT_MARKER)) {
                index++;
            }
            if (index == sqlStart) {
                throw new CorpusFormatException(name, lineNumber, "'" + line + "' has no SQL after it");
            }
            String sql = String.join("\n", lines.subList(sqlStart, index)).strip();
            boolean hasResults = index < lines.size() && lines.get(index).strip().equals(RESULT_MARKER);
            switch (words.get(0)) {
                case "statement" -> {
                    if (hasResults) {
                        throw new CorpusFormatException(name, index + 1, "a statement has no result rows; use query");
                    }
                    records.add(statement(name, lineNumber, words, sql, pendingFailure));
                }
                case "query" -> {
                    List<String> rows = new ArrayList<>();
                    if (hasResults) {
                        index++;
                        while (index < lines.size() && !lines.get(index).isBlank()) {
                            rows.add(lines.get(index).strip());
                            index++;
                        }
                    }
                    records.add(query(name, lineNumber, words, sql, rows, pendingFailure));
                }
                default -> throw new CorpusFormatException(name, lineNumber,
                        "expected 'statement', 'query' or 'expected-fail', found '" + words.get(0) + "'");
            }
            pendingFailure = Optional.empty();
        }
        if (pendingFailure.isPresent()) {
            throw new CorpusFormatException(name, lines.size(), "expected-fail at the end of the file marks no record");
        }
        return new CorpusFile(scope, name, feature, records);
    }

    private static ExpectedFailure expectedFailure(String name, int lineNumber, String line) {
        String rest = line.substring(EXPECTED_FAIL.length()).strip();
        List<String> selectors = new ArrayList<>();
        while (rest.startsWith("@")) {
            int end = rest.indexOf(' ');
            String selector = end < 0 ? rest.substring(1) : rest.substring(1, end);
            if (Arrays.stream(Target.values()).noneMatch(target -> target.matches(selector))) {
                throw new CorpusFormatException(name, lineNumber, "expected-fail names no target or family: @" + selector);
            }
            selectors.add(selector);
            rest = end < 0 ? "" : rest.substring(end + 1).strip();
        }
        if (rest.isEmpty()) {
            throw new CorpusFormatException(name, lineNumber, "expected-fail needs a reason");
        }
        return new ExpectedFailure(selectors, rest);
    }

    private static CorpusRecord statement(String name, int lineNumber, List<String> words, String sql,
                                          Optional<ExpectedFailure> failure) {
        if (words.size() == 2 && words.get(1).equals("ok")) {
            return new CorpusRecord.Statement(lineNumber, sql, false, List.of(), failure);
        }
        if (words.size() >= 3 && words.get(1).equals("error")) {
            List<String> codes = words.subList(2, words.size());
            for (String code : codes) {
                if (!code.matches("[0-9A-Z]{5}|[0-9]{4}")) {
                    throw new CorpusFormatException(name, lineNumber,
                            "'" + code + "' is neither a SQLSTATE (5 characters) nor a MySQL error number (4 digits)");
                }
            }
            return new CorpusRecord.Statement(lineNumber, sql, true, codes, failure);
        }
        throw new CorpusFormatException(name, lineNumber,
                "expected 'statement ok' or 'statement error <SQLSTATE or MySQL error number>...'");
    }

    private static CorpusRecord query(String name, int lineNumber, List<String> words, String sql, List<String> rows,
                                      Optional<ExpectedFailure> failure) {
        if (words.size() < 2 || words.size() > 3 || (words.size() == 3 && !words.get(2).equals("rowsort"))) {
            throw new CorpusFormatException(name, lineNumber, "expected 'query <types> [rowsort]'");
        }
        List<ColumnKind> columns = new ArrayList<>();
        try {
            for (char letter : words.get(1).toCharArray()) {
                columns.add(ColumnKind.of(letter));
            }
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(name, lineNumber, e.getMessage());
        }
        for (int row = 0; row < rows.size(); row++) {
            int values = rows.get(row).split(" \\| ", -1).length;
            if (values != columns.size()) {
                throw new CorpusFormatException(name, lineNumber, "row " + (row + 1) + " has " + values + " values for "
                        + columns.size() + " columns");
            }
        }
        return new CorpusRecord.Query(lineNumber, sql, columns, words.size() == 3, rows, failure);
    }
}
