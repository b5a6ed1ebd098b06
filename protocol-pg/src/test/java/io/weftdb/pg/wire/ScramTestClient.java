package io.weftdb.pg.wire;

import io.weftdb.pg.wire.protocol.PasswordMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256 written from RFC 5802 alone (no server code), so a test can
 * play the client step by step and tamper with any message.
 */
final class ScramTestClient {
    private final String password;
    private final String gs2Header;
    private final String clientNonce = "rOprNGfwEbeRWgbNEkqO";
    private String clientFirstBare;
    private String serverFirst;
    private byte[] saltedPassword;
    private String authMessage;

    /** @param gs2Header "n,," (no channel binding) or "y,," (client could bind, thinks the server cannot) */
    ScramTestClient(String password, String gs2Header) {
        this.password = password;
        this.gs2Header = gs2Header;
    }

    PasswordMessage initialResponse() {
        clientFirstBare = "n=,r=" + clientNonce;
        return PasswordMessage.ofSaslInitialResponse("SCRAM-SHA-256", bytes(gs2Header + clientFirstBare));
    }

    /** The client-final-message answering {@code serverFirstMessage}, with its nonce replaced when {@code nonceOverride} is given. */
    PasswordMessage finalResponse(byte[] serverFirstMessage, String nonceOverride) throws Exception {
        serverFirst = new String(serverFirstMessage, StandardCharsets.UTF_8);
        String nonce = attribute(serverFirst, 'r');
        byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, 's'));
        int iterations = Integer.parseInt(attribute(serverFirst, 'i'));
        if (!nonce.startsWith(clientNonce)) {
            throw new AssertionError("the server nonce does not extend the client's: " + nonce);
        }
        saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(bytes(gs2Header)) + ",r="
                + (nonceOverride == null ? nonce : nonceOverride);
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return new PasswordMessage(bytes(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)));
    }

    /** The server-final-message a server that knows the password sends. */
    String expectedServerFinal() throws Exception {
        byte[] serverKey = hmac(saltedPassword, "Server Key");
        return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(2);
            }
        }
        throw new AssertionError("no " + name + "= in " + message);
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(bytes(message));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
