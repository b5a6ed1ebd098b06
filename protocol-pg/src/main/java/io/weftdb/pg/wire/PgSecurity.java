package io.weftdb.pg.wire;

import io.weftdb.pg.wire.auth.PasswordAuthenticator;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a PostgreSQL listener protects its connections.
 *
 * @param tls the context SSLRequests are accepted with; empty: they are answered 'N'
 * @param passwords checks the password every client must give; empty: every client is trusted
 */
public record PgSecurity(Optional<SSLContext> tls, Optional<PasswordAuthenticator> passwords) {

    public PgSecurity {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(passwords, "passwords");
    }

    /** No TLS, no password: PostgreSQL's "trust" over plain TCP. */
    public static PgSecurity none() {
        return new PgSecurity(Optional.empty(), Optional.empty());
    }
}
