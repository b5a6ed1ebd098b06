package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.weftdb.engine.Engine;
import io.weftdb.engine.stats.StatementMetrics;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.StorageMetric;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /metrics} in the Prometheus text format (version 0.0.4): statements of every protocol
 * (by kind, errors by SQLSTATE, a latency histogram, rows returned and changed), HTTP requests by
 * status, sessions of every protocol, running HTTP queries, heap, storage size and the storage engine's
 * figures (memtables, flushes and compactions, files, block cache, write stalls).
 */
final class MetricsEndpoint {
    private final Engine engine;
    private final HttpSessions sessions;
    private final RunningQueries queries;
    private final RequestCounters requests;
    private final RequestCounters sqlRequests;
    private final Instant startedAt = Instant.now();

    MetricsEndpoint(Engine engine, HttpSessions sessions, RunningQueries queries, RequestCounters requests,
                    RequestCounters sqlRequests) {
        this.sqlRequests = sqlRequests;
        this.engine = engine;
        this.sessions = sessions;
        this.queries = queries;
        this.requests = requests;
    }

    void metrics(HttpServerExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder();
        family(text, "weftdb_http_requests_total", "counter", "HTTP API requests answered, by status code.");
        for (Map.Entry<Integer, Long> entry : requests.byStatus().entrySet()) {
            text.append("weftdb_http_requests_total{status=\"").append(entry.getKey()).append("\"} ")
                    .append(entry.getValue()).append('\n');
        }
        gauge(text, "weftdb_http_request_seconds_total", "counter", "Time spent answering HTTP API requests.",
                requests.seconds());
        family(text, "weftdb_http_sql_requests_total", "counter", "POST /v1/sql requests answered, by status code.");
        for (Map.Entry<Integer, Long> entry : sqlRequests.byStatus().entrySet()) {
            text.append("weftdb_http_sql_requests_total{status=\"").append(entry.getKey()).append("\"} ")
                    .append(entry.getValue()).append('\n');
        }
        gauge(text, "weftdb_http_sql_request_seconds_total", "counter", "Time spent answering POST /v1/sql requests.",
                sqlRequests.seconds());
        statementMetrics(text, engine.metrics());
        gauge(text, "weftdb_sessions", "gauge", "Open sessions, of every protocol.", engine.sessions().size());
        gauge(text, "weftdb_http_sessions", "gauge", "Sessions opened with POST /v1/sessions.", sessions.list().size());
        gauge(text, "weftdb_http_running_queries", "gauge", "HTTP requests running statements.", queries.list().size());
        gauge(text, "weftdb_uptime_seconds", "gauge", "Seconds since the HTTP API started.",
                (Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(text, "weftdb_jvm_heap_used_bytes", "gauge", "Java heap in use.", heap.getUsed());
        gauge(text, "weftdb_jvm_heap_max_bytes", "gauge", "Java heap limit.", heap.getMax());
        family(text, "weftdb_storage_approximate_bytes", "gauge", "Approximate bytes stored, by keyspace.");
        for (Keyspace keyspace : Keyspace.values()) {
            text.append("weftdb_storage_approximate_bytes{keyspace=\"").append(keyspace.name().toLowerCase(Locale.ROOT))
                    .append("\"} ").append(engine.storage().approximateSize(keyspace, new byte[0], OperationsEndpoint.PAST_EVERY_KEY))
                    .append('\n');
        }
        storageMetrics(text, engine.storage().metrics());
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.setResponseContentLength(body.length);
        try (OutputStream out = exchange.getOutputStream()) {
            out.write(body);
        }
    }

    /** Statements of every protocol: counts by kind, errors by SQLSTATE, a latency histogram, rows returned and changed. */
    private static void statementMetrics(StringBuilder text, StatementMetrics metrics) {
        family(text, "weftdb_statements_total", "counter", "Statements run, by protocol and kind.");
        metrics.statements().forEach((key, count) -> text.append("weftdb_statements_total{protocol=\"")
                .append(key.protocol()).append("\",kind=\"").append(key.label()).append("\"} ").append(count).append('\n'));
        family(text, "weftdb_statement_errors_total", "counter", "Statements that failed, by protocol and SQLSTATE.");
        metrics.errors().forEach((key, count) -> text.append("weftdb_statement_errors_total{protocol=\"")
                .append(key.protocol()).append("\",sqlstate=\"").append(key.label()).append("\"} ").append(count).append('\n'));
        family(text, "weftdb_statement_duration_seconds", "histogram", "Time from a statement's start to its last row, by protocol.");
        metrics.latencies().forEach((protocol, latency) -> {
            long[] cumulative = latency.cumulative();
            for (int i = 0; i < cumulative.length; i++) {
                String bound = i < StatementMetrics.BUCKETS.length ? Double.toString(StatementMetrics.BUCKETS[i]) : "+Inf";
                text.append("weftdb_statement_duration_seconds_bucket{protocol=\"").append(protocol).append("\",le=\"")
                        .append(bound).append("\"} ").append(cumulative[i]).append('\n');
            }
            text.append("weftdb_statement_duration_seconds_sum{protocol=\"").append(protocol).append("\"} ")
                    .append(latency.sumSeconds()).append('\n');
            text.append("weftdb_statement_duration_seconds_count{protocol=\"").append(protocol).append("\"} ")
                    .append(latency.count()).append('\n');
        });
        family(text, "weftdb_rows_returned_total", "counter", "Rows statements returned, by protocol.");
        metrics.rowsReturned().forEach((protocol, rows) -> text.append("weftdb_rows_returned_total{protocol=\"")
                .append(protocol).append("\"} ").append(rows).append('\n'));
        family(text, "weftdb_rows_changed_total", "counter", "Rows INSERT, UPDATE and DELETE changed, by protocol.");
        metrics.rowsChanged().forEach((protocol, rows) -> text.append("weftdb_rows_changed_total{protocol=\"")
                .append(protocol).append("\"} ").append(rows).append('\n'));
    }

    /** The storage engine's figures as weftdb_storage_*, labelled by keyspace where they are per keyspace. */
    private static void storageMetrics(StringBuilder text, List<StorageMetric> metrics) {
        Map<String, List<StorageMetric>> byName = new LinkedHashMap<>();
        for (StorageMetric metric : metrics) {
            byName.computeIfAbsent(metric.name(), name -> new ArrayList<>()).add(metric);
        }
        byName.forEach((name, family) -> {
            String metricName = "weftdb_storage_" + name;
            family(text, metricName, family.get(0).counter() ? "counter" : "gauge", family.get(0).help());
            for (StorageMetric metric : family) {
                text.append(metricName);
                if (metric.keyspace() != null) {
                    text.append("{keyspace=\"").append(metric.keyspace().name().toLowerCase(Locale.ROOT)).append("\"}");
                }
                double value = metric.value();
                text.append(' ').append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                        : Double.toString(value)).append('\n');
            }
        });
    }

    private static void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder text, String name, String type, String help, double value) {
        family(text, name, type, help);
        text.append(name).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(value);
        }
        text.append('\n');
    }
}
