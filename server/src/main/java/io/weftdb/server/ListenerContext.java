package io.weftdb.server;

import io.weftdb.engine.Engine;
import io.weftdb.ir.parse.SqlParser;
import io.weftdb.pg.wire.auth.PgAuthMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What a listener is built from: its port, the shared engine, the SQL dialect parsers by name
 * ("postgres", "mysql") for front ends that take SQL in more than one dialect (HTTP), the TLS
 * context every listener serves with (empty when TLS is off), and the access token clients must
 * present as their password or bearer token (empty when WEFTDB_TOKEN is unset: trust), and how
 * PostgreSQL clients prove they know it ({@code --pg-auth}), and every listener of the server
 * (this one included; read when asked, so ports picked at start show) for status pages.
 */
record ListenerContext(int port, Engine engine, Map<String, SqlParser> parsers, Optional<SSLContext> tls,
                       Optional<String> authToken, PgAuthMethod pgAuthMethod, Supplier<List<Listener>> serverListeners) {

    /** A context for a listener on its own: no other listeners to report. */
    ListenerContext(int port, Engine engine, Map<String, SqlParser> parsers, Optional<SSLContext> tls,
                    Optional<String> authToken, PgAuthMethod pgAuthMethod) {
        this(port, engine, parsers, tls, authToken, pgAuthMethod, List::of);
    }

    /** A context with PostgreSQL's default password method, SCRAM-SHA-256. */
    ListenerContext(int port, Engine engine, Map<String, SqlParser> parsers, Optional<SSLContext> tls,
                    Optional<String> authToken) {
        this(port, engine, parsers, tls, authToken, PgAuthMethod.SCRAM_SHA_256);
    }

    ListenerContext {
        Objects.requireNonNull(engine, "engine");
        parsers = Map.copyOf(parsers);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(pgAuthMethod, "pgAuthMethod");
        Objects.requireNonNull(serverListeners, "serverListeners");
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ListenerContext[port=" + port + ", tls=" + tls.isPresent() + ", authToken=" + (authToken.isPresent() ? "set" : "unset")
                + ", pgAuthMethod=" + pgAuthMethod.configName() + "]";
    }
}
