package io.weftdb.pg.wire.auth;

import java.util.Locale;

/**
 * How a client proves it knows the server's password, named as in pg_hba.conf. Without a password
 * configured every client is trusted and none of these runs.
 */
public enum PgAuthMethod {
    /** SCRAM-SHA-256 (RFC 7677), with tls-server-end-point channel binding (-PLUS) when the connection uses TLS. */
    SCRAM_SHA_256("scram-sha-256"),
    /** The salted MD5 digest PostgreSQL has deprecated; for old clients only. */
    MD5("md5"),
    /** The password in clear text: only sensible over TLS. */
    PASSWORD("password");

    private final String configName;

    PgAuthMethod(String configName) {
        this.configName = configName;
    }

    /** The name pg_hba.conf uses. */
    public String configName() {
        return configName;
    }

    /** The method with this pg_hba.conf name, also accepting "scram" for SCRAM-SHA-256. */
    public static PgAuthMethod fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("scram")) {
            return SCRAM_SHA_256;
        }
        for (PgAuthMethod method : values()) {
            if (method.configName.equals(lower)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown authentication method '" + name + "': expected scram, md5 or password");
    }
}
