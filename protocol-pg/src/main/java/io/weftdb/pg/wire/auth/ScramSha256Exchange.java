package io.weftdb.pg.wire.auth;

import io.weftdb.pg.wire.protocol.AuthenticationRequest;
import io.weftdb.pg.wire.protocol.PasswordMessage;
import io.weftdb.pg.wire.protocol.ProtocolViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it, over TLS also SCRAM-SHA-256-PLUS with
 * tls-server-end-point channel binding:
 *
 * <pre>
 *  server: AuthenticationSASL [SCRAM-SHA-256-PLUS (over TLS),] SCRAM-SHA-256
 *  client: SASLInitialResponse  mechanism, "gs2-header client-first-message-bare"
 *                               gs2-header = "n,," | "y,," | "p=tls-server-end-point,,"
 *                               client-first-message-bare = "n=user,r=client-nonce"
 *  server: AuthenticationSASLContinue  "r=client-nonce+server-nonce,s=salt,i=4096"
 *  client: SASLResponse  "c=base64(gs2-header [+ certificate hash]),r=nonce,p=base64(ClientProof)"
 *  server: AuthenticationSASLFinal "v=base64(ServerSignature)", then AuthenticationOk
 *          | FATAL 28P01 when the proof is wrong
 * </pre>
 *
 * The user name inside the SCRAM messages is ignored, as in PostgreSQL: the StartupMessage's counts.
 */
final class ScramSha256Exchange implements AuthenticationExchange {
    static final String MECHANISM = "SCRAM-SHA-256";
    static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
    private static final String BINDING_TYPE = "tls-server-end-point";

    private enum State { INITIAL, CONTINUED, DONE }

    private final ScramCredentials credentials;
    /** The server certificate's hash when the connection uses TLS and it has one, else null. */
    private final byte[] serverEndPoint;
    private State state = State.INITIAL;
    private String gs2Header;
    private boolean bound;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    ScramSha256Exchange(ScramCredentials credentials, byte[] serverEndPoint) {
        this.credentials = credentials;
        this.serverEndPoint = serverEndPoint == null ? null : serverEndPoint.clone();
    }

    @Override
    public AuthenticationRequest firstRequest() {
        return new AuthenticationRequest.Sasl(serverEndPoint != null ? List.of(MECHANISM_PLUS, MECHANISM) : List.of(MECHANISM));
    }

    @Override
    public Step respond(PasswordMessage answer) {
        return switch (state) {
            case INITIAL -> clientFirst(answer.saslInitialResponse());
            case CONTINUED -> clientFinal(new String(answer.body(), StandardCharsets.UTF_8));
            case DONE -> throw new ProtocolViolation("unexpected SASL response after the exchange ended");
        };
    }

    private Step clientFirst(PasswordMessage.SaslInitialResponse initial) {
        String mechanism = initial.mechanism();
        boolean plus = mechanism.equals(MECHANISM_PLUS) && serverEndPoint != null;
        if (!plus && !mechanism.equals(MECHANISM)) {
            throw new ProtocolViolation("client selected an invalid SASL authentication mechanism");
        }
        if (initial.data() == null) {
            throw malformed("The client sent no initial SCRAM message.");
        }
        String message = new String(initial.data(), StandardCharsets.UTF_8);
        Cursor cursor = new Cursor(message);
        char flag = cursor.next();
        switch (flag) {
            case 'p' -> {
                if (!plus) {
                    throw malformed("The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message "
                            + "includes channel binding data.");
                }
                cursor.expect('=');
                String type = cursor.until(',');
                if (!type.equals(BINDING_TYPE)) {
                    throw new ProtocolViolation("unsupported SCRAM channel-binding type \"" + type + "\"");
                }
                bound = true;
            }
            case 'y', 'n' -> {
                if (plus) {
                    throw malformed("The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include "
                            + "channel binding data.");
                }
                if (flag == 'y' && serverEndPoint != null) {
                    throw new ProtocolViolation("SCRAM channel binding negotiation error: the client supports SCRAM "
                            + "channel binding but thinks the server does not. However, this server does support channel binding.");
                }
            }
            default -> throw malformed("Unexpected channel-binding flag \"" + flag + "\".");
        }
        cursor.expect(',');
        if (cursor.peek() == 'a') {
            throw new ProtocolViolation(ProtocolViolation.FEATURE_NOT_SUPPORTED,
                    "client uses authorization identity, but it is not supported");
        }
        cursor.expect(',');
        gs2Header = message.substring(0, cursor.position());
        clientFirstBare = message.substring(cursor.position());
        cursor.attribute('n');
        cursor.expect(',');
        String clientNonce = cursor.attribute('r');
        if (clientNonce.isEmpty() || !clientNonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != ',')) {
            throw malformed("The client nonce is not printable.");
        }
        nonce = clientNonce + Base64.getEncoder().encodeToString(Secrets.randomBytes(18));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credentials.salt()) + ",i="
                + credentials.iterations();
        state = State.CONTINUED;
        return new Step.Challenge(new AuthenticationRequest.SaslContinue(Secrets.utf8(serverFirst)));
    }

    private Step clientFinal(String message) {
        state = State.DONE;
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw malformed("The client proof is missing.");
        }
        String withoutProof = message.substring(0, proofAt);
        byte[] proof = decodeBase64(message.substring(proofAt + 3));
        Cursor cursor = new Cursor(withoutProof);
        byte[] bindingInput = decodeBase64(cursor.attribute('c'));
        if (!Secrets.sameBytes(bindingInput, expectedBindingInput())) {
            throw malformed("SCRAM channel binding check failed");
        }
        cursor.expect(',');
        // Extensions may follow the nonce; RFC 5802 defines none a server must understand.
        if (!cursor.attribute('r').equals(nonce)) {
            throw malformed("The nonce does not match.");
        }
        if (proof.length != 32) {
            throw malformed("The client proof has the wrong length.");
        }
        byte[] authMessage = Secrets.utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientSignature = Secrets.hmacSha256(credentials.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!Secrets.sameBytes(Secrets.digest("SHA-256", clientKey), credentials.storedKey())) {
            return new Step.Rejected();
        }
        String serverSignature = Base64.getEncoder().encodeToString(Secrets.hmacSha256(credentials.serverKey(), authMessage));
        return new Step.Accepted(new AuthenticationRequest.SaslFinal(Secrets.utf8("v=" + serverSignature)));
    }

    /** What the client's c= attribute must carry: its gs2 header, plus the certificate hash when bound. */
    private byte[] expectedBindingInput() {
        byte[] header = Secrets.utf8(gs2Header);
        if (!bound) {
            return header;
        }
        byte[] input = new byte[header.length + serverEndPoint.length];
        System.arraycopy(header, 0, input, 0, header.length);
        System.arraycopy(serverEndPoint, 0, input, header.length, serverEndPoint.length);
        return input;
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("Invalid base64 value.");
        }
    }

    private static ProtocolViolation malformed(String detail) {
        return new ProtocolViolation("malformed SCRAM message: " + detail);
    }

    /** Reads a SCRAM message left to right. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        int position() {
            return position;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        char next() {
            if (atEnd()) {
                throw malformed("Unexpected end of message.");
            }
            return text.charAt(position++);
        }

        void expect(char expected) {
            char actual = next();
            if (actual != expected) {
                throw malformed("Expected character \"" + expected + "\" but found \"" + actual + "\".");
            }
        }

        /** The text up to (not including) the next {@code end} or the end of the message. */
        String until(char end) {
            int stop = text.indexOf(end, position);
            if (stop < 0) {
                stop = text.length();
            }
            String value = text.substring(position, stop);
            position = stop;
            return value;
        }

        /** Reads {@code name=value} and returns the value. */
        String attribute(char name) {
            char actual = next();
            if (actual != name) {
                throw malformed("Expected attribute \"" + name + "\" but found \"" + actual + "\".");
            }
            expect('=');
            return until(',');
        }
    }
}
