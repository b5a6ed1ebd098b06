package io.weftdb.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.weftdb.engine.Engine;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.SqlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP/JSON API over one engine (see docs/http-api.md): SQL in any dialect the launcher hands
 * in, sessions kept between requests, cancel, catalog browsing, bulk import and export, status,
 * Prometheus metrics and a web console.
 * Undertow's IO threads only accept and parse; every request runs on a worker thread with blocking
 * streams, so a statement never holds up the event loop and a slow client slows only its producer.
 */
public final class HttpServer {
    private static final System.Logger LOG = System.getLogger(HttpServer.class.getName());
    private static final long STOP_GRACE_MILLIS = 5_000;

    private final HttpServerConfig config;
    private final HttpSessions sessions;
    private final RunningQueries queries;
    private final BearerAuth auth;
    private final Router router;
    private final ScheduledExecutorService timers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final RequestCounters requests = new RequestCounters();
    /** The same for {@code POST /v1/sql} alone: the console's query rate and latency charts. */
    private final RequestCounters sqlRequests = new RequestCounters();
    private volatile boolean stopping;
    private volatile int boundPort;
    private Undertow undertow;

    /** A server that is the only listener: {@code /v1/status} lists just itself. */
    public HttpServer(Engine engine, Map<String, SqlParser> parsers, HttpServerConfig config) {
        this(engine, parsers, config, List::of);
    }

    /**
     * @param listeners every listener of the server, this one included, for {@code /v1/status}
     *                  (asked on each request; an empty list stands for this one alone)
     */
    public HttpServer(Engine engine, Map<String, SqlParser> parsers, HttpServerConfig config,
                      Supplier<List<ListenerStatus>> listeners) {
        this(engine, parsers, config, listeners, Optional::empty);
    }

    /**
     * @param compatReport the compatibility status matrix as JSON, served at {@code GET /v1/compat}
     *                     (empty: that endpoint answers 404)
     */
    public HttpServer(Engine engine, Map<String, SqlParser> parsers, HttpServerConfig config,
                      Supplier<List<ListenerStatus>> listeners, Supplier<Optional<String>> compatReport) {
        this.config = config;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "weftdb-http-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.sessions = new HttpSessions(engine, config.sessionIdleTimeout());
        this.queries = new RunningQueries(timers);
        this.auth = new BearerAuth(config.authToken());
        RequestSessions requestSessions = new RequestSessions(engine, sessions);
        SqlEndpoint sql = new SqlEndpoint(parsers, requestSessions, queries, config);
        SessionsEndpoint sessionsEndpoint = new SessionsEndpoint(engine, sessions, queries, config.sessionIdleTimeout(),
                config.maxRequestBytes());
        CatalogEndpoint catalog = new CatalogEndpoint(engine);
        OperationsEndpoint operations = new OperationsEndpoint(engine, sessions, queries, () -> {
            List<ListenerStatus> all = listeners.get();
            return all.isEmpty() ? List.of(new ListenerStatus("HTTP", port(), config.tls().isPresent())) : all;
        }, () -> stopping);
        BackupEndpoint backups = new BackupEndpoint(engine.storage(), config.maxRequestBytes());
        BulkEndpoint bulk = new BulkEndpoint(requestSessions);
        MetricsEndpoint metrics = new MetricsEndpoint(engine, sessions, queries, requests, sqlRequests);
        ConsoleEndpoint console = new ConsoleEndpoint();
        CompatEndpoint compat = new CompatEndpoint(compatReport);
        this.router = new Router()
                .addOpen("GET", "/", (exchange, p) -> console.page(exchange))
                .addOpen("GET", "/console/{file}", (exchange, p) -> console.asset(exchange, p.get(0)))
                .addOpen("GET", "/v1/health", (exchange, p) -> operations.health(exchange))
                .add("GET", "/v1/ready", (exchange, p) -> operations.ready(exchange))
                .add("GET", "/v1/status", (exchange, p) -> operations.status(exchange))
                .add("GET", "/v1/compat", (exchange, p) -> compat.get(exchange))
                .add("GET", "/metrics", (exchange, p) -> metrics.metrics(exchange))
                .add("POST", "/v1/sql", (exchange, p) -> sql.handle(exchange))
                .add("GET", "/v1/sessions", (exchange, p) -> operations.sessions(exchange))
                .add("POST", "/v1/sessions", (exchange, p) -> sessionsEndpoint.open(exchange))
                .add("DELETE", "/v1/sessions/{id}", (exchange, p) -> sessionsEndpoint.close(exchange, p.get(0)))
                .add("GET", "/v1/queries", (exchange, p) -> operations.queries(exchange))
                .add("POST", "/v1/admin/backup", (exchange, p) -> backups.backup(exchange))
                .add("DELETE", "/v1/queries/{id}", (exchange, p) -> sessionsEndpoint.cancel(exchange, p.get(0)))
                .add("GET", "/v1/databases", (exchange, p) -> catalog.databases(exchange))
                .add("GET", "/v1/databases/{db}/tables", (exchange, p) -> catalog.tables(exchange, p.get(0)))
                .add("GET", "/v1/databases/{db}/tables/{table}", (exchange, p) -> catalog.table(exchange, p.get(0), p.get(1)))
                .add("POST", "/v1/tables/{db}/{schema}/{table}/import",
                        (exchange, p) -> bulk.importRows(exchange, p.get(0), p.get(1), p.get(2)))
                .add("GET", "/v1/tables/{db}/{schema}/{table}/export",
                        (exchange, p) -> bulk.export(exchange, p.get(0), p.get(1), p.get(2)));
    }

    /** Binds the port and starts serving; throws when the port cannot be bound. */
    public synchronized void start() {
        Undertow.Builder builder = Undertow.builder()
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(config.workerThreads())
                .setServerOption(UndertowOptions.ENABLE_HTTP2, config.tls().isPresent())
                // Imports stream bodies of any size; JSON bodies are limited (with a 413 answer) as they are read.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .setHandler(new Dispatcher());
        if (config.tls().isPresent()) {
            builder.addHttpsListener(config.port(), config.host(), config.tls().get());
        } else {
            builder.addHttpListener(config.port(), config.host());
        }
        undertow = builder.build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow = null;
            throw new IllegalStateException("HTTP API cannot listen on port " + config.port() + ": " + e.getMessage(), e);
        }
        boundPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        long sweep = Math.max(100, Math.min(config.sessionIdleTimeout().toMillis() / 4, 10_000));
        timers.scheduleWithFixedDelay(sessions::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Every endpoint as "METHOD /v1/...". */
    List<String> routes() {
        return router.describe();
    }

    /** The port it listens on (the one picked, when configured with 0). */
    public int port() {
        return boundPort != 0 ? boundPort : config.port();
    }

    /**
     * Stops as PostgreSQL's fast shutdown does: new requests get 503, running statements are
     * cancelled, open sessions rolled back, and the port released once requests have ended (or
     * after a short grace).
     */
    public synchronized void stop() {
        if (undertow == null) {
            return;
        }
        stopping = true;
        queries.shutDownAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.closeAll();
        timers.shutdownNow();
        undertow.stop();
        undertow = null;
    }

    /** Moves each request off the IO thread, then authenticates, routes and turns failures into error responses. */
    private final class Dispatcher implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
            inFlight.incrementAndGet();
            long started = System.nanoTime();
            try {
                serve(exchange);
            } finally {
                inFlight.decrementAndGet();
                long elapsed = System.nanoTime() - started;
                requests.record(exchange.getStatusCode(), elapsed);
                if (exchange.getRequestPath().equals("/v1/sql")) {
                    sqlRequests.record(exchange.getStatusCode(), elapsed);
                }
                exchange.endExchange();
            }
        }

        private void serve(HttpServerExchange exchange) {
            try {
                if (stopping) {
                    throw new ApiError(503, "57P01", "the server is shutting down");
                }
                Router.Match match = router.match(exchange.getRequestMethod().toString(), exchange.getRequestPath());
                if (!match.route().open()) {
                    auth.check(exchange);
                }
                match.route().action().handle(exchange, match.parameters());
            } catch (ApiError e) {
                respond(exchange, e);
            } catch (SqlException e) {
                respond(exchange, ApiError.of(e));
            } catch (UncheckedIOException | IOException e) {
                // The client went away or the connection broke: nobody is left to answer.
                LOG.log(Level.DEBUG, "HTTP request ended by an I/O failure", e);
                org.xnio.IoUtils.safeClose(exchange.getConnection());
            } catch (Exception e) {
                LOG.log(Level.ERROR, "HTTP request failed", e);
                respond(exchange, new ApiError(500, "XX000", "internal error: " + e));
            }
        }

        private void respond(HttpServerExchange exchange, ApiError error) {
            if (exchange.isResponseStarted()) {
                org.xnio.IoUtils.safeClose(exchange.getConnection());
            } else {
                Exchanges.sendError(exchange, error);
            }
        }
    }
}
