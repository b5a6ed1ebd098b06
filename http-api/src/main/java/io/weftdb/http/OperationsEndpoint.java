package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.Engine;
import io.weftdb.engine.Session;
import io.weftdb.engine.storage.Keyspace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health and status: {@code GET /v1/health} (the process answers), {@code /v1/ready} (it takes
 * requests: 503 while shutting down), {@code /v1/status}, {@code /v1/sessions} (every engine
 * session, of every protocol) and {@code /v1/queries} (the HTTP requests running statements).
 */
final class OperationsEndpoint {
    /** A key past every key of a keyspace, for "the whole keyspace" size estimates. */
    static final byte[] PAST_EVERY_KEY = filled(32);

    private final Engine engine;
    private final HttpSessions sessions;
    private final RunningQueries queries;
    private final Supplier<List<ListenerStatus>> listeners;
    private final BooleanSupplier stopping;
    private final Instant startedAt = Instant.now();

    OperationsEndpoint(Engine engine, HttpSessions sessions, RunningQueries queries,
                       Supplier<List<ListenerStatus>> listeners, BooleanSupplier stopping) {
        this.engine = engine;
        this.sessions = sessions;
        this.queries = queries;
        this.listeners = listeners;
        this.stopping = stopping;
    }

    void health(HttpServerExchange exchange) {
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeStringField("status", "ok");
            json.writeEndObject();
        });
    }

    void ready(HttpServerExchange exchange) {
        boolean ready = !stopping.getAsBoolean();
        Exchanges.sendJson(exchange, ready ? 200 : 503, json -> {
            json.writeStartObject();
            json.writeStringField("status", ready ? "ready" : "shutting down");
            json.writeEndObject();
        });
    }

    void status(HttpServerExchange exchange) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, String> statistics = engine.storage().statistics();
        long storageBytes = 0;
        for (Keyspace keyspace : Keyspace.values()) {
            storageBytes += engine.storage().approximateSize(keyspace, new byte[0], PAST_EVERY_KEY);
        }
        long totalBytes = storageBytes;
        List<ListenerStatus> serving = listeners.get();
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeStringField("version", version());
            json.writeStringField("startedAt", startedAt.toString());
            json.writeNumberField("uptimeMs", Instant.now().toEpochMilli() - startedAt.toEpochMilli());
            json.writeArrayFieldStart("listeners");
            for (ListenerStatus listener : serving) {
                json.writeStartObject();
                json.writeStringField("protocol", listener.protocol());
                json.writeNumberField("port", listener.port());
                json.writeBooleanField("tls", listener.tls());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("sessions", engine.sessions().size());
            json.writeNumberField("httpSessions", sessions.list().size());
            json.writeNumberField("runningQueries", queries.list().size());
            json.writeObjectFieldStart("storage");
            json.writeNumberField("approximateBytes", totalBytes);
            json.writeObjectFieldStart("statistics");
            for (Map.Entry<String, String> entry : statistics.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("memory");
            json.writeNumberField("heapUsedBytes", heap.getUsed());
            json.writeNumberField("heapMaxBytes", heap.getMax());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    void sessions(HttpServerExchange exchange) {
        List<Session> all = new ArrayList<>(engine.sessions().values());
        all.sort(Comparator.comparingInt(Session::id));
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("sessions");
            for (Session session : all) {
                json.writeStartObject();
                json.writeNumberField("id", session.id());
                json.writeStringField("user", session.user());
                json.writeStringField("database", session.database());
                json.writeStringField("transaction", session.transactionState().name().toLowerCase(Locale.ROOT));
                String httpId = sessions.idOf(session.id());
                if (httpId != null) {
                    json.writeStringField("httpSession", httpId);
                }
                if (session.terminating()) {
                    json.writeBooleanField("terminating", true);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void queries(HttpServerExchange exchange) {
        List<RunningQuery> running = queries.list();
        Instant now = Instant.now();
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("queries");
            for (RunningQuery query : running) {
                json.writeStartObject();
                json.writeStringField("id", query.id());
                json.writeNumberField("session", query.sessionId());
                json.writeStringField("sql", query.sql());
                json.writeStringField("startedAt", query.started().toString());
                json.writeNumberField("runningMs", now.toEpochMilli() - query.started().toEpochMilli());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static String version() {
        String version = OperationsEndpoint.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static byte[] filled(int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) 0xFF);
        return key;
    }
}
