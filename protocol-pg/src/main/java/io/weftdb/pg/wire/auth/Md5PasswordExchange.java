package io.weftdb.pg.wire.auth;

import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.PasswordMessage;
import java.util.HexFormat;

/**
 * The "md5" method: the server sends a random 4-byte salt and expects
 * {@code "md5" || hex(md5(hex(md5(password || user)) || salt))}.
 */
record Md5PasswordExchange(byte[] expected, byte[] salt) implements AuthenticationExchange {

    static Md5PasswordExchange start(byte[] password, String user) {
        byte[] salt = Secrets.randomBytes(4);
        String inner = HexFormat.of().formatHex(Secrets.digest("MD5", password, Secrets.utf8(user)));
        String outer = HexFormat.of().formatHex(Secrets.digest("MD5", Secrets.utf8(inner), salt));
        return new Md5PasswordExchange(Secrets.utf8("md5" + outer), salt);
    }

    @Override
    public AuthenticationRequest firstRequest() {
        return new AuthenticationRequest.Md5Password(salt);
    }

    @Override
    public Step respond(PasswordMessage answer) {
        byte[] given = Secrets.utf8(answer.password());
        return Secrets.sameBytes(given, expected) ? new Step.Accepted(null) : new Step.Rejected();
    }
}
