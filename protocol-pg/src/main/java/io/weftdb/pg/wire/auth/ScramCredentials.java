package io.weftdb.pg.wire.auth;

import java.security.spec.InvalidKeySpecException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What a SCRAM-SHA-256 server keeps of a password (RFC 5802 section 3): the salt, the iteration
 * count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and ServerKey = HMAC(SaltedPassword,
 * "Server Key"). Derived once, since the 4096 PBKDF2 iterations are deliberately slow.
 */
record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    /** PostgreSQL's default scram_iterations. */
    static final int ITERATIONS = 4096;

    /**
     * Derives the credentials of {@code password} with a fresh random salt. The password is used
     * as its UTF-8 bytes, which is what SASLprep leaves of any password in printable ASCII.
     */
    static ScramCredentials derive(String password) {
        byte[] salt = Secrets.randomBytes(16);
        byte[] saltedPassword = saltedPassword(password, salt, ITERATIONS);
        byte[] clientKey = Secrets.hmacSha256(saltedPassword, Secrets.utf8("Client Key"));
        byte[] storedKey = Secrets.digest("SHA-256", clientKey);
        byte[] serverKey = Secrets.hmacSha256(saltedPassword, Secrets.utf8("Server Key"));
        return new ScramCredentials(salt, ITERATIONS, storedKey, serverKey);
    }

    /** Hi(password, salt, i) of RFC 5802, which is PBKDF2 with HMAC-SHA-256 and a 32-byte output. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }
}
