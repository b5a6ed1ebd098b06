package io.weftdb.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real engine on RocksDB in a temporary directory with the HTTP API on a free port, and a client for it. */
final class ApiFixture implements AutoCloseable {
    private final RocksStorage storage;
    private final Engine engine;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiFixture(Path directory) {
        this(directory, HttpServerConfig.defaults().withHost("127.0.0.1").withPort(0));
    }

    ApiFixture(Path directory, HttpServerConfig config) {
        storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
        engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(false));
        server = new HttpServer(engine, Map.of("postgres", new PostgresSqlParser()), config);
        server.start();
    }

    Engine engine() {
        return engine;
    }

    HttpServer server() {
        return server;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** POSTs {@code {"sql": sql}} and returns the response. */
    HttpResponse<String> sql(String sql, String... headers) {
        return postJson("/v1/sql", "{\"sql\":" + quote(sql) + "}", headers);
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = request(path).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Runs SQL that must succeed and returns the response body as JSON. */
    JsonNode ok(String sql, String... headers) {
        HttpResponse<String> response = sql(sql, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + sql + ": " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        engine.close();
        storage.close();
    }
}
