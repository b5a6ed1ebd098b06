package io.weftdb.compat.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus session over the HTTP API: {@code POST /v1/sessions} opens a session (so transactions
 * span requests), each statement is a {@code POST /v1/sql} in the target's dialect naming it, and
 * JSON values become text (strings as they are, numbers and booleans as JSON writes them).
 */
final class HttpCorpusConnection implements CorpusConnection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final String dialect;
    private final String sessionId;

    HttpCorpusConnection(URI base, String dialect) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.base = base;
        this.dialect = dialect;
        JsonNode session = send("POST", "/v1/sessions", "{}", null);
        this.sessionId = session.path("id").asText();
        if (sessionId.isEmpty()) {
            throw new IllegalStateException("POST /v1/sessions answered no session id: " + session);
        }
    }

    @Override
    public Outcome run(String sql) {
        ObjectNode body = JSON.createObjectNode().put("sql", sql).put("dialect", dialect);
        JsonNode answer = send("POST", "/v1/sql", body.toString(), sessionId);
        JsonNode error = answer.get("error");
        if (error != null) {
            return new Outcome.Failed(error.path("code").asText(null), 0, error.path("message").asText());
        }
        JsonNode results = answer.path("results");
        JsonNode last = results.isEmpty() ? JSON.createObjectNode() : results.get(results.size() - 1);
        if (!last.has("rows")) {
            return new Outcome.Done();
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : last.get("rows")) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : row) {
                values.add(value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
            }
            rows.add(values);
        }
        return new Outcome.Rows(rows);
    }

    private JsonNode send(String method, String path, String body, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("WeftDB-Session", session);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            send("DELETE", "/v1/sessions/" + sessionId, "", null);
        } catch (RuntimeException e) {
            // the server stops right after; the session goes with it
        }
        client.close();
    }
}
