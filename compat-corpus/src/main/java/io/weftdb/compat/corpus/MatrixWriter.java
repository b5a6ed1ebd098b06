package io.weftdb.compat.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the status matrix as docs/STATUS_MATRIX.md and docs/status-matrix.json. Nothing in the
 * corpus part depends on time or machine, so regenerating it on unchanged code gives the same bytes
 * (the committed files are checked that way); the sqllogictest figure comes after it, in its own part.
 */
public final class MatrixWriter {
    /** The heading the sqllogictest part of the Markdown starts with; everything before it is the corpus part. */
    public static final String SQLLOGICTEST_HEADING = "## sqllogictest";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatrixWriter() {
    }

    public static String json(StatusMatrix matrix, Optional<SqlLogicTestFigure> sqllogictest) {
        return json(matrix, sqllogictest, Optional.empty());
    }

    public static String json(StatusMatrix matrix, Optional<SqlLogicTestFigure> sqllogictest, Optional<ClientMatrix> clients) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedBy", "weftdb compat");
        ArrayNode targets = root.putArray("targets");
        for (Target target : matrix.targets()) {
            targets.addObject().put("id", target.id()).put("description", target.description());
        }
        root.set("corpus", corpusJson(matrix));
        if (sqllogictest.isPresent()) {
            SqlLogicTestFigure figure = sqllogictest.get();
            ObjectNode slt = root.putObject("sqllogictest");
            ArrayNode globs = slt.putArray("files");
            figure.globs().forEach(globs::add);
            slt.put("fileCount", figure.files()).put("executed", figure.executed()).put("passed", figure.passed());
        } else {
            root.putNull("sqllogictest");
        }
        if (clients.isPresent()) {
            ObjectNode clientsNode = root.putObject("clients");
            clientsNode.put("date", clients.get().date());
            ArrayNode byClient = clientsNode.putArray("byClient");
            clients.get().byClient().forEach((client, counts) ->
                    byClient.addObject().put("client", client).put("passed", counts.passed()).put("total", counts.total()));
            ArrayNode scenarios = clientsNode.putArray("scenarios");
            for (ClientMatrix.Scenario scenario : clients.get().scenarios()) {
                scenarios.addObject().put("client", scenario.client()).put("scenario", scenario.scenario())
                        .put("result", scenario.result()).put("detail", scenario.detail());
            }
        } else {
            root.putNull("clients");
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code corpus} member of the JSON: what the staleness check compares. */
    public static ObjectNode corpusJson(StatusMatrix matrix) {
        ObjectNode corpus = JSON.createObjectNode();
        ArrayNode features = corpus.putArray("features");
        for (StatusMatrix.Feature feature : matrix.features()) {
            ObjectNode row = features.addObject().put("feature", feature.name()).put("file", feature.file());
            ObjectNode results = row.putObject("results");
            for (Target target : matrix.targets()) {
                TargetCounts counts = feature.counts().get(target);
                if (counts != null) {
                    results.set(target.id(), countsJson(counts));
                }
            }
        }
        ObjectNode totals = corpus.putObject("totals");
        for (Target target : matrix.targets()) {
            totals.set(target.id(), countsJson(matrix.total(target)));
        }
        ArrayNode cases = corpus.putArray("notPassed");
        for (CaseResult result : matrix.notPassed()) {
            cases.addObject().put("file", result.file()).put("line", result.line()).put("target", result.target().id())
                    .put("status", result.status().name().toLowerCase(Locale.ROOT)).put("detail", result.detail());
        }
        return corpus;
    }

    private static ObjectNode countsJson(TargetCounts counts) {
        return JSON.createObjectNode().put("total", counts.total()).put("passed", counts.passed())
                .put("failed", counts.failed()).put("expectedFailures", counts.expectedFailures())
                .put("unexpectedPasses", counts.unexpectedPasses());
    }

    public static String markdown(StatusMatrix matrix, Optional<SqlLogicTestFigure> sqllogictest) {
        return markdown(matrix, sqllogictest, Optional.empty());
    }

    public static String markdown(StatusMatrix matrix, Optional<SqlLogicTestFigure> sqllogictest,
                                  Optional<ClientMatrix> clients) {
        return corpusMarkdown(matrix) + sqllogictestMarkdown(sqllogictest) + clientsMarkdown(clients);
    }

    /** Client x scenario counts from the last clients.sh run; its scenarios are listed in CLIENT_MATRIX.md. */
    private static String clientsMarkdown(Optional<ClientMatrix> clients) {
        StringBuilder out = new StringBuilder("\n## Clients\n\n");
        if (clients.isEmpty()) {
            out.append("Not included: `compat-corpus/clients.sh` has not written `" + ClientMatrix.FILE
                    + "` here (see [CLIENT_MATRIX.md](CLIENT_MATRIX.md)).\n");
            return out.toString();
        }
        out.append("Real clients running their scenarios against `weftdb serve` (`compat-corpus/clients.sh`, run of ")
                .append(clients.get().date()).append("); each scenario is listed in [CLIENT_MATRIX.md](CLIENT_MATRIX.md).\n\n")
                .append("| client | scenarios passing |\n|---|---:|\n");
        clients.get().byClient().forEach((client, counts) ->
                out.append("| ").append(client).append(" | ").append(counts.passed()).append('/').append(counts.total()).append(" |\n"));
        return out.toString();
    }

    /** The corpus part of the Markdown, up to the sqllogictest heading. */
    public static String corpusMarkdown(StatusMatrix matrix) {
        StringBuilder out = new StringBuilder();
        out.append("# Status matrix\n\n");
        out.append("Generated by `weftdb compat` from the corpus in `compat-corpus/corpus` (see [compat.md](compat.md));\n");
        out.append("do not edit by hand. A cell is `passing/cases`; a case marked `expected-fail` counts in `cases`\n");
        out.append("but not in `passing` until it passes. The JSON form is [status-matrix.json](status-matrix.json),\n");
        out.append("served by the HTTP API at `GET /v1/compat`.\n\n");
        out.append("Two companion reports come from real runs too: [CLIENT_MATRIX.md](CLIENT_MATRIX.md), each real client's\n");
        out.append("scenarios (`compat-corpus/clients.sh`), and [DIFFERENTIAL.md](DIFFERENTIAL.md), this corpus sent to\n");
        out.append("PostgreSQL and MariaDB to check its expected answers (`compat-corpus/differential.sh`).\n\n");
        out.append("| target | protocol and mode |\n|---|---|\n");
        for (Target target : matrix.targets()) {
            out.append("| ").append(target.id()).append(" | ").append(target.description()).append(" |\n");
        }
        out.append("\n## Corpus\n\n| feature |");
        for (Target target : matrix.targets()) {
            out.append(' ').append(target.id()).append(" |");
        }
        out.append("\n|---|");
        out.append("---:|".repeat(matrix.targets().size()));
        out.append('\n');
        for (StatusMatrix.Feature feature : matrix.features()) {
            out.append("| ").append(feature.name()).append(" |");
            for (Target target : matrix.targets()) {
                TargetCounts counts = feature.counts().get(target);
                out.append(' ').append(counts == null ? "" : cell(counts)).append(" |");
            }
            out.append('\n');
        }
        out.append("| **total** |");
        for (Target target : matrix.targets()) {
            out.append(" **").append(cell(matrix.total(target))).append("** |");
        }
        out.append("\n\n");
        section(out, "Failing cases", "Cases that fail without an `expected-fail` marker: regressions, or the corpus is wrong.",
                matrix, CaseResult.Status.FAILED);
        section(out, "Expected failures", "Known gaps, each with the reason its marker gives.", matrix,
                CaseResult.Status.EXPECTED_FAILURE);
        section(out, "Unexpected passes", "Marked `expected-fail` but passing: the marker can go.", matrix,
                CaseResult.Status.UNEXPECTED_PASS);
        return out.toString();
    }

    private static String cell(TargetCounts counts) {
        return counts.passing() + "/" + counts.total();
    }

    /** Lists cases of one status, one line per case and detail, naming every target it happened on. */
    private static void section(StringBuilder out, String title, String explanation, StatusMatrix matrix,
                                CaseResult.Status status) {
        Map<String, List<String>> targetsByCase = new LinkedHashMap<>();
        for (CaseResult result : matrix.notPassed()) {
            if (result.status() == status) {
                String key = "`" + result.file() + ":" + result.line() + "` " + "\u0000" + result.detail();
                targetsByCase.computeIfAbsent(key, ignored -> new ArrayList<>()).add(result.target().id());
            }
        }
        out.append("### ").append(title).append(" (").append(targetsByCase.size()).append(")\n\n");
        out.append(explanation).append("\n\n");
        if (targetsByCase.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        for (Map.Entry<String, List<String>> entry : targetsByCase.entrySet()) {
            String[] parts = entry.getKey().split("\u0000", 2);
            String targets = entry.getValue().size() == matrix.targets().size() ? "all targets" : String.join(", ", entry.getValue());
            out.append("- ").append(parts[0]).append("on ").append(targets).append(": ").append(escape(parts[1])).append('\n');
        }
        out.append('\n');
    }

    private static String escape(String text) {
        return text.replace("`", "'").replace("<", "&lt;").replace("*", "\\*");
    }

    private static String sqllogictestMarkdown(Optional<SqlLogicTestFigure> sqllogictest) {
        StringBuilder out = new StringBuilder(SQLLOGICTEST_HEADING).append("\n\n");
        if (sqllogictest.isEmpty()) {
            out.append("Not run: SQLite's sqllogictest corpus was not found (see [sqllogictest.md](sqllogictest.md)).\n");
            return out.toString();
        }
        SqlLogicTestFigure figure = sqllogictest.get();
        out.append("SQLite's sqllogictest corpus through the PostgreSQL dialect, in process ")
                .append("([sqllogictest.md](sqllogictest.md)), files `").append(String.join("`, `", figure.globs()))
                .append("`:\n\n| files | records run | passed | rate |\n|---:|---:|---:|---:|\n")
                .append("| ").append(figure.files()).append(" | ").append(figure.executed()).append(" | ")
                .append(figure.passed()).append(" | ").append(String.format(Locale.ROOT, "%.1f%%", figure.rate())).append(" |\n");
        return out.toString();
    }
}
