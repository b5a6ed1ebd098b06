package io.weftdb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} against the server's token, when it has one. Both sides are
 * hashed before a constant-time comparison, so neither the token's content nor its length leaks
 * through response timing.
 */
final class BearerAuth {
    private static final String SCHEME = "bearer ";
    private final byte[] expectedDigest;

    BearerAuth(Optional<String> token) {
        this.expectedDigest = token.map(BearerAuth::digest).orElse(null);
    }

    /** Throws 401 unless authentication is off or the request carries the token. */
    void check(HttpServerExchange exchange) {
        if (expectedDigest == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || header.length() < SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new ApiError(401, "28000", "authentication required: send Authorization: Bearer <token>");
        }
        byte[] presented = digest(header.substring(SCHEME.length()).trim());
        if (!MessageDigest.isEqual(presented, expectedDigest)) {
            throw new ApiError(401, "28P01", "the bearer token is not valid");
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
