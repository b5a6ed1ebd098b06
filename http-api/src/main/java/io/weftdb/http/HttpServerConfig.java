package io.weftdb.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the HTTP API listens and what it allows.
 *
 * @param host                  the address to bind ("0.0.0.0": every interface)
 * @param port                  the TCP port; 0 picks a free one ({@link HttpServer#port()} tells which)
 * @param tls                   serve HTTPS with this context; empty serves plain HTTP
 * @param authToken             the bearer token every endpoint but /v1/health requires; empty: no authentication
 * @param maxRequestBytes       the largest JSON request body accepted (413 beyond); import bodies stream and are not limited
 * @param bufferedResponseBytes how much of a response is held back before it is sent: an error inside this much output
 *                              still gets its own HTTP status; past it the response streams
 * @param sessionIdleTimeout    a session unused this long is rolled back and closed
 * @param workerThreads         threads that run requests (each running statement holds one)
 */
public record HttpServerConfig(String host, int port, Optional<SSLContext> tls, Optional<String> authToken,
                               long maxRequestBytes, int bufferedResponseBytes, Duration sessionIdleTimeout,
                               int workerThreads) {
    public HttpServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxRequestBytes < 1 || bufferedResponseBytes < 0 || workerThreads < 1 || sessionIdleTimeout.isNegative()
                || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static HttpServerConfig defaults() {
        return new HttpServerConfig("0.0.0.0", 8080, Optional.empty(), Optional.empty(), 16L << 20, 1 << 20,
                Duration.ofMinutes(5), 64);
    }

    public HttpServerConfig withHost(String newHost) {
        return new HttpServerConfig(newHost, port, tls, authToken, maxRequestBytes, bufferedResponseBytes,
                sessionIdleTimeout, workerThreads);
    }

    public HttpServerConfig withPort(int newPort) {
        return new HttpServerConfig(host, newPort, tls, authToken, maxRequestBytes, bufferedResponseBytes,
                sessionIdleTimeout, workerThreads);
    }

    public HttpServerConfig withTls(Optional<SSLContext> newTls) {
        return new HttpServerConfig(host, port, newTls, authToken, maxRequestBytes, bufferedResponseBytes,
                sessionIdleTimeout, workerThreads);
    }

    public HttpServerConfig withAuthToken(Optional<String> newToken) {
        return new HttpServerConfig(host, port, tls, newToken, maxRequestBytes, bufferedResponseBytes,
                sessionIdleTimeout, workerThreads);
    }

    public HttpServerConfig withMaxRequestBytes(long newMax) {
        return new HttpServerConfig(host, port, tls, authToken, newMax, bufferedResponseBytes, sessionIdleTimeout,
                workerThreads);
    }

    public HttpServerConfig withSessionIdleTimeout(Duration newTimeout) {
        return new HttpServerConfig(host, port, tls, authToken, maxRequestBytes, bufferedResponseBytes, newTimeout,
                workerThreads);
    }
}
