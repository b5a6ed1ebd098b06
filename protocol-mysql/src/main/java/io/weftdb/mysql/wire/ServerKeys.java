package io.weftdb.mysql.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The RSA key pair caching_sha2_password uses to receive a password over a connection without
 * TLS: the client asks for the public key (PEM) and sends the password encrypted with
 * RSA/OAEP. Made once per listener, on first use.
 */
final class ServerKeys {
    private volatile KeyPair keyPair;

    byte[] publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys().getPublic().getEncoded());
        return ("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Decrypts what the client encrypted with the public key; null when it does not decrypt. */
    byte[] decrypt(byte[] encrypted) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            cipher.init(Cipher.DECRYPT_MODE, keys().getPrivate());
            return cipher.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private KeyPair keys() {
        KeyPair keys = keyPair;
        if (keys == null) {
            synchronized (this) {
                keys = keyPair;
                if (keys == null) {
                    try {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        keys = generator.generateKeyPair();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("RSA is part of every Java runtime", e);
                    }
                    keyPair = keys;
                }
            }
        }
        return keys;
    }
}
