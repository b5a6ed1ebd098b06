package io.weftdb.pg.wire;

import io.weftdb.engine.Session;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one server by process id, with the secret each was given in BackendKeyData. A
 * CancelRequest naming a process and its secret cancels that session's running statement; a wrong
 * secret is ignored, as PostgreSQL ignores it, without telling the sender anything.
 */
final class BackendKeys {
    private record Entry(int secretKey, Session session) {}

    private final Map<Integer, Entry> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Registers {@code session} under its id and returns the secret key a canceller must present. */
    int register(int processId, Session session) {
        int secret = random.nextInt();
        sessions.put(processId, new Entry(secret, session));
        return secret;
    }

    void unregister(int processId) {
        sessions.remove(processId);
    }

    /** Cancels the statement of the session with this id when the secret matches; returns whether it did. */
    boolean cancel(int processId, int secretKey) {
        Entry entry = sessions.get(processId);
        if (entry == null || !MessageDigest.isEqual(bytes(entry.secretKey()), bytes(secretKey))) {
            return false;
        }
        entry.session().cancel();
        return true;
    }

    private static byte[] bytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
