package io.weftdb.pg.wire.auth;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Checks that clients know the server's password, with one {@link PgAuthMethod}. Built once per
 * listener (SCRAM's key derivation is deliberately slow); each connection gets its own
 * {@link AuthenticationExchange}. Never prints the password.
 */
public final class PasswordAuthenticator {
    private final PgAuthMethod method;
    private final byte[] password;
    private final ScramCredentials scram;

    public PasswordAuthenticator(String password, PgAuthMethod method) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        this.method = Objects.requireNonNull(method, "method");
        this.password = Secrets.utf8(password);
        this.scram = method == PgAuthMethod.SCRAM_SHA_256 ? ScramCredentials.derive(password) : null;
    }

    public PgAuthMethod method() {
        return method;
    }

    /**
     * Starts the exchange with a client that connected as {@code user}.
     *
     * @param serverCertificate the certificate this server presented when the connection uses TLS,
     *     else null; SCRAM then offers channel binding to it
     */
    public AuthenticationExchange begin(String user, X509Certificate serverCertificate) {
        return switch (method) {
            case SCRAM_SHA_256 -> new ScramSha256Exchange(scram,
                    serverCertificate == null ? null : TlsServerEndPoint.of(serverCertificate).orElse(null));
            case MD5 -> Md5PasswordExchange.start(password, user);
            case PASSWORD -> new CleartextPasswordExchange(password);
        };
    }

    @Override
    public String toString() {
        return "PasswordAuthenticator[" + method.configName() + "]";
    }
}
