package io.weftdb.mysql.wire;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may connect: with no access token every login is accepted (trust); with one, the token is
 * the password of every user. Also the listener-wide state of caching_sha2_password: the users
 * that passed a full authentication since the listener started (their later logins take the fast
 * path, as MySQL's in-memory cache does) and the RSA keys for full authentication without TLS.
 */
final class AccessControl {
    private final Optional<String> token;
    private final Set<String> fastAuthUsers = ConcurrentHashMap.newKeySet();
    private final ServerKeys keys = new ServerKeys();

    AccessControl(Optional<String> token) {
        this.token = token.filter(value -> !value.isEmpty());
    }

    Optional<String> token() {
        return token;
    }

    boolean cachedForFastAuth(String user) {
        return fastAuthUsers.contains(user);
    }

    void rememberFullAuth(String user) {
        fastAuthUsers.add(user);
    }

    ServerKeys keys() {
        return keys;
    }
}
