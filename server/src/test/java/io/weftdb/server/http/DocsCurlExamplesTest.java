package io.weftdb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the curl examples of docs/http-api.md, in order and in one shell, against {@code weftdb serve}
 * and compares what each prints with the output block that follows it in the document, so the
 * documentation stays true. In expected JSON the string "…" stands for any value (times, ids).
 */
class DocsCurlExamplesTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "http-api.md");
    private static final String WILDCARD = "…";
    private static final String MARK = "@@example ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** A shell block and the output block after it (null when the document shows none). */
    record Example(int line, String script, String outputKind, String output) {
    }

    @Test
    void everyCurlExamplePrintsWhatTheDocumentShows() throws Exception {
        List<Example> examples = examples(Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8));
        assertThat(examples).hasSizeGreaterThan(10);
        try (ServedWeftDb server = new ServedWeftDb(directory.resolve("data"), "256m")) {
            StringBuilder script = new StringBuilder("set -u\n");
            for (int i = 0; i < examples.size(); i++) {
                script.append("echo '").append(MARK).append(i).append("'\n").append(examples.get(i).script()).append('\n');
            }
            ProcessBuilder shell = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
                    .directory(directory.toFile());
            Map<String, String> environment = shell.environment();
            environment.put("WEFTDB", server.url().replace("127.0.0.1", "localhost"));
            environment.put("WEFTDB_TOKEN", ServedWeftDb.TOKEN);
            environment.put("CURL_CA_BUNDLE", server.certificate().toString());
            Process process = shell.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String[] outputs = printed.split(MARK + "\\d+\n", -1);
            assertThat(outputs).as(printed).hasSize(examples.size() + 1);
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                if (example.output() != null) {
                    try {
                        assertOutput(example, outputs[i + 1]);
                    } catch (AssertionError mismatch) {
                        mismatches.add(mismatch.getMessage());
                    }
                }
            }
            assertThat(mismatches).as("examples that print something else than the document shows").isEmpty();
        }
    }

    private static void assertOutput(Example example, String actual) throws IOException {
        String where = "docs/http-api.md line " + example.line() + ":\n" + example.script() + "\nprinted:\n" + actual;
        switch (example.outputKind()) {
            case "json" -> assertMatches(JSON.readTree(example.output()), readJson(actual, where), where);
            case "ndjson" -> {
                String[] expected = example.output().strip().split("\n");
                String[] lines = actual.strip().split("\n");
                assertThat(lines).as(where).hasSameSizeAs(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertMatches(JSON.readTree(expected[i]), readJson(lines[i], where), where);
                }
            }
            default -> assertThat(actual.strip()).as(where).isEqualTo(example.output().strip());
        }
    }

    private static JsonNode readJson(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + where, e);
        }
    }

    /** Equal JSON, except that "…" in the expected value matches anything. */
    private static void assertMatches(JsonNode expected, JsonNode actual, String where) {
        if (expected.isTextual() && expected.textValue().equals(WILDCARD)) {
            return;
        }
        assertThat(actual.getNodeType()).as(where).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            List<String> expectedNames = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedNames::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertThat(actualNames).as(where).isEqualTo(expectedNames);
            for (String name : expectedNames) {
                assertMatches(expected.get(name), actual.get(name), where);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(where).isEqualTo(expected.size());
            Iterator<JsonNode> actualElements = actual.elements();
            for (JsonNode element : expected) {
                assertMatches(element, actualElements.next(), where);
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    /**
     * The {@code sh} blocks that use curl, each with the json, ndjson or text block that directly
     * follows it (blank lines between allowed). Blocks that only export variables are the reader's
     * setup; the test sets those variables itself.
     */
    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).equals("```sh")) {
                i++;
                continue;
            }
            int start = i + 1;
            int end = closing(lines, start);
            String script = String.join("\n", lines.subList(start, end));
            i = end + 1;
            if (script.lines().allMatch(line -> line.startsWith("export ") || line.isBlank())) {
                continue;
            }
            int next = i;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            String kind = null;
            String output = null;
            if (next < lines.size() && lines.get(next).matches("```(json|ndjson|text|csv)")) {
                kind = lines.get(next).substring(3);
                int outputEnd = closing(lines, next + 1);
                output = String.join("\n", lines.subList(next + 1, outputEnd));
                i = outputEnd + 1;
            }
            examples.add(new Example(start, script, kind, output));
        }
        return examples;
    }

    private static int closing(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed code block at line " + from);
    }
}
