package io.weftdb.pg.wire.auth;

import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.PasswordMessage;
import io.weftdb.pg.wire.protocol.ProtocolViolation;

/**
 * One client's authentication, between its StartupMessage and AuthenticationOk: the server's
 * first request, then one {@link Step} per {@link PasswordMessage} the client answers with. A
 * malformed answer throws {@link ProtocolViolation}.
 */
public sealed interface AuthenticationExchange permits CleartextPasswordExchange, Md5PasswordExchange, ScramSha256Exchange {

    /** The request that opens the exchange. */
    AuthenticationRequest firstRequest();

    /** Takes the client's next answer. */
    Step respond(PasswordMessage answer);

    /** What the server does after an answer. */
    sealed interface Step {
        /** Send {@code request} and wait for the next answer. */
        record Challenge(AuthenticationRequest request) implements Step {}

        /** The client proved it knows the password; send {@code finalMessage} (when not null), then AuthenticationOk. */
        record Accepted(AuthenticationRequest finalMessage) implements Step {}

        /** The password is wrong: FATAL 28P01 and close. */
        record Rejected() implements Step {}
    }
}
