package io.weftdb.mysql.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The challenge-response hashes of MySQL's password plugins. The server knows the password (the
 * listener's access token), so it computes the response the client should have sent and compares.
 */
final class Scrambles {
    static final int SCRAMBLE_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scrambles() {
    }

    /** A fresh 20-byte challenge of printable ASCII: no NUL, since it is sent NUL-terminated. */
    static byte[] newScramble() {
        byte[] scramble = new byte[SCRAMBLE_BYTES];
        for (int i = 0; i < scramble.length; i++) {
            scramble[i] = (byte) (0x21 + RANDOM.nextInt(0x7E - 0x21));
        }
        return scramble;
    }

    /** mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). */
    static byte[] nativePassword(String password, byte[] scramble) {
        byte[] stage1 = digest("SHA-1", password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = digest("SHA-1", stage1);
        return xor(stage1, digest("SHA-1", scramble, stage2));
    }

    /** caching_sha2_password: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + scramble). */
    static byte[] cachingSha2Password(String password, byte[] scramble) {
        byte[] stage1 = digest("SHA-256", password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = digest("SHA-256", stage1);
        return xor(stage1, digest("SHA-256", stage2, scramble));
    }

    /** Compares in constant time, so the response's timing tells nothing about the password. */
    static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    static byte[] xor(byte[] left, byte[] right) {
        byte[] result = new byte[left.length];
        for (int i = 0; i < left.length; i++) {
            result[i] = (byte) (left[i] ^ right[i % right.length]);
        }
        return result;
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
