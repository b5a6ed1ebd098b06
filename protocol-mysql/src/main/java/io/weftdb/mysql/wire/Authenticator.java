package io.weftdb.mysql.wire;

import io.weftdb.mysql.wire.protocol.AuthMoreData;
import io.weftdb.mysql.wire.protocol.AuthSwitchRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One connection's authentication exchange, after the client's handshake response:
 *
 * <pre>
 * response(plugin = mysql_native_password)  -> check the scramble -> OK | 1045
 * response(plugin = caching_sha2_password)
 *     user cached (full auth done before)    -> check the scramble -> AuthMoreData(3 fast auth) OK | 1045
 *     not cached                             -> AuthMoreData(4 perform full authentication)
 *         over TLS:      password NUL        -> check -> cache the user -> OK | 1045
 *         without TLS:   0x02 (public key?)  -> AuthMoreData(PEM public key)
 *                        RSA(password XOR scramble) -> check -> cache the user -> OK | 1045
 * response(any other plugin)                 -> AuthSwitchRequest(caching_sha2_password, new scramble) -> as above
 * </pre>
 *
 * Without an access token every login succeeds at once.
 */
final class Authenticator {
    static final String NATIVE = "mysql_native_password";
    static final String CACHING_SHA2 = "caching_sha2_password";
    private static final byte REQUEST_PUBLIC_KEY = 2;

    /** What the session does next. */
    enum Outcome { SUCCEEDED, FAILED, CONTINUE }

    private enum State { INITIAL, SWITCHED, SHA2_FULL, SHA2_RSA }

    private final AccessControl access;
    private final PacketOutput output;
    private final boolean tls;
    private final String user;
    private byte[] scramble;
    private State state = State.INITIAL;

    Authenticator(AccessControl access, PacketOutput output, boolean tls, String user, byte[] scramble) {
        this.access = access;
        this.output = output;
        this.tls = tls;
        this.user = user;
        this.scramble = scramble;
    }

    /** The handshake response's plugin and data. */
    Outcome start(String plugin, byte[] data) {
        String chosen = plugin == null ? NATIVE : plugin;
        if (access.token().isEmpty()) {
            // Even with nothing to check, a client that started with a plugin of its own (libmariadb's
            // dummy_fallback_auth when several threads connect at once) waits for an AuthSwitchRequest.
            return chosen.equals(NATIVE) || chosen.equals(CACHING_SHA2) ? Outcome.SUCCEEDED : switchPlugin();
        }
        return verify(chosen, data);
    }

    /** A later client packet of the exchange. */
    Outcome next(byte[] data) {
        return switch (state) {
            case INITIAL -> Outcome.FAILED;
            case SWITCHED -> {
                state = State.INITIAL;
                yield access.token().isEmpty() ? Outcome.SUCCEEDED : verify(CACHING_SHA2, data);
            }
            case SHA2_FULL -> {
                if (tls) {
                    yield fullAuth(data);
                }
                if (data.length == 1 && data[0] == REQUEST_PUBLIC_KEY) {
                    state = State.SHA2_RSA;
                    output.send(new AuthMoreData(access.keys().publicKeyPem()));
                    output.flush();
                    yield Outcome.CONTINUE;
                }
                yield rsaAuth(data);
            }
            case SHA2_RSA -> rsaAuth(data);
        };
    }

    private Outcome verify(String plugin, byte[] data) {
        String token = access.token().orElseThrow();
        return switch (plugin) {
            case NATIVE -> Scrambles.matches(Scrambles.nativePassword(token, scramble), data)
                    ? Outcome.SUCCEEDED : Outcome.FAILED;
            case CACHING_SHA2 -> {
                if (data.length == 0) {
                    yield Outcome.FAILED;
                }
                if (access.cachedForFastAuth(user)) {
                    if (!Scrambles.matches(Scrambles.cachingSha2Password(token, scramble), data)) {
                        yield Outcome.FAILED;
                    }
                    output.send(new AuthMoreData(new byte[] {AuthMoreData.FAST_AUTH_SUCCESS}));
                    yield Outcome.SUCCEEDED;
                }
                state = State.SHA2_FULL;
                output.send(new AuthMoreData(new byte[] {AuthMoreData.PERFORM_FULL_AUTHENTICATION}));
                output.flush();
                yield Outcome.CONTINUE;
            }
            default -> switchPlugin();
        };
    }

    /** Asks the client to go on with caching_sha2_password, with a fresh scramble. */
    private Outcome switchPlugin() {
        scramble = Scrambles.newScramble();
        state = State.SWITCHED;
        output.send(new AuthSwitchRequest(CACHING_SHA2, scramble));
        output.flush();
        return Outcome.CONTINUE;
    }

    private Outcome rsaAuth(byte[] encrypted) {
        byte[] decrypted = access.keys().decrypt(encrypted);
        if (decrypted == null) {
            return Outcome.FAILED;
        }
        return fullAuth(Scrambles.xor(decrypted, scramble));
    }

    private Outcome fullAuth(byte[] passwordWithNul) {
        int end = passwordWithNul.length;
        if (end > 0 && passwordWithNul[end - 1] == 0) {
            end--;
        }
        byte[] password = Arrays.copyOf(passwordWithNul, end);
        byte[] expected = access.token().orElseThrow().getBytes(StandardCharsets.UTF_8);
        if (!Scrambles.matches(expected, password)) {
            return Outcome.FAILED;
        }
        access.rememberFullAuth(user);
        return Outcome.SUCCEEDED;
    }

}
