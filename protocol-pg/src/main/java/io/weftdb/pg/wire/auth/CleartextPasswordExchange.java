package io.weftdb.pg.wire.auth;

import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.PasswordMessage;

/** The "password" method: the client sends the password itself. */
record CleartextPasswordExchange(byte[] password) implements AuthenticationExchange {

    @Override
    public AuthenticationRequest firstRequest() {
        return new AuthenticationRequest.CleartextPassword();
    }

    @Override
    public Step respond(PasswordMessage answer) {
        byte[] given = Secrets.utf8(answer.password());
        return Secrets.sameBytes(given, password) ? new Step.Accepted(null) : new Step.Rejected();
    }
}
