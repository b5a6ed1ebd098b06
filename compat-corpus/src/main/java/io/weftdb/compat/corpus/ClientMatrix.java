package io.weftdb.compat.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client x scenario results of the last {@code compat-corpus/clients.sh} run, read from the
 * {@value #FILE} it writes beside CLIENT_MATRIX.md: real clients cannot run inside
 * {@code weftdb compat}, so the status matrix carries their last real run.
 */
public record ClientMatrix(String date, List<Scenario> scenarios) {
    public static final String FILE = "client-matrix.json";

    /** One client's scenario: {@code result} is pass, fail or skipped. */
    public record Scenario(String client, String scenario, String result, String detail) {
        public boolean passed() {
            return "pass".equals(result);
        }
    }

    /** Passing and total scenarios of one client. */
    public record ClientCounts(int passed, int total) {}

    public ClientMatrix {
        scenarios = List.copyOf(scenarios);
    }

    /** The matrix in {@code directory}, or empty when clients.sh has not written one there. */
    public static Optional<ClientMatrix> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Scenario> scenarios = new ArrayList<>();
        for (JsonNode node : root.path("scenarios")) {
            scenarios.add(new Scenario(node.path("client").asText(), node.path("scenario").asText(),
                    node.path("result").asText(), node.path("detail").asText("")));
        }
        return Optional.of(new ClientMatrix(root.path("date").asText(), scenarios));
    }

    /** Each client's counts, in the order clients first appear. */
    public Map<String, ClientCounts> byClient() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            int[] count = counts.computeIfAbsent(scenario.client(), ignored -> new int[2]);
            count[0] += scenario.passed() ? 1 : 0;
            count[1]++;
        }
        Map<String, ClientCounts> result = new LinkedHashMap<>();
        counts.forEach((client, count) -> result.put(client, new ClientCounts(count[0], count[1])));
        return result;
    }
}
