package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.weftdb.engine.Session;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.ir.parse.SqlParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code POST /v1/sql}: parses the request's SQL in its dialect and runs it in the request's
 * session ({@code WeftDB-Session}) or in a session opened for this request alone.
 */
final class SqlEndpoint {
    static final HttpString SESSION_HEADER = new HttpString("WeftDB-Session");
    static final HttpString QUERY_ID_HEADER = new HttpString("WeftDB-Query-Id");
    static final String DEFAULT_DIALECT = "postgres";

    private final Map<String, SqlParser> parsers;
    private final RequestSessions sessions;
    private final RunningQueries queries;
    private final HttpServerConfig config;

    SqlEndpoint(Map<String, SqlParser> parsers, RequestSessions sessions, RunningQueries queries, HttpServerConfig config) {
        this.parsers = Map.copyOf(parsers);
        this.sessions = sessions;
        this.queries = queries;
        this.config = config;
    }

    void handle(HttpServerExchange exchange) throws IOException {
        long started = System.nanoTime();
        SqlRequest request = SqlRequest.parse(Exchanges.readBody(exchange, config.maxRequestBytes()));
        SqlParser parser = parser(request.dialect());
        sessions.run(exchange, request.database(), session -> {
            run(exchange, session, parser, request, started);
            return null;
        });
    }

    private SqlParser parser(String dialect) {
        String name = dialect == null ? DEFAULT_DIALECT : dialect;
        SqlParser parser = parsers.get(name);
        if (parser == null) {
            throw ApiError.badRequest("SQL dialect \"" + name + "\" is not available on this server; available: "
                    + String.join(", ", new TreeSet<>(parsers.keySet())));
        }
        return parser;
    }

    private void run(HttpServerExchange exchange, Session session, SqlParser parser, SqlRequest request, long started)
            throws IOException {
        List<ParsedStatement> statements = parser.parse(request.sql());
        String requestedId = exchange.getRequestHeaders().getFirst(QUERY_ID_HEADER);
        ResultWriter out;
        ApiError failure = null;
        // The query leaves the running list before the response ends, so a client that has read the
        // response never finds its query still listed (or cancellable).
        try (RunningQuery query = queries.start(requestedId, session, request.sql(), request.timeoutMillis())) {
            exchange.getResponseHeaders().put(QUERY_ID_HEADER, query.id());
            out = ResultFormat.accepted(exchange).writer(exchange, config.bufferedResponseBytes());
            try {
                StatementRunner.run(session, statements, request.params(), query, out);
            } catch (SqlException e) {
                failure = ApiError.of(e);
            } catch (ApiError e) {
                failure = e;
            }
        }
        if (failure == null) {
            out.finish((System.nanoTime() - started) / 1_000_000);
        } else {
            fail(exchange, out, failure);
        }
    }

    /** Reports a failure: as the response when nothing was sent yet, else in the body or by cutting it. */
    private static void fail(HttpServerExchange exchange, ResultWriter out, ApiError error) throws IOException {
        if (!out.output().isCommitted()) {
            out.output().discard();
            Exchanges.sendError(exchange, error);
        } else if (!out.failInBand(error)) {
            out.output().abort();
        }
    }
}
