package io.weftdb.engine.storage;

/**
 * A forward cursor over a key range. {@link #next()} advances and tells whether an entry is there;
 * {@link #key()} and {@link #value()} hand out arrays of their own, which callers may keep (a scan
 * passes them on without copying) but must not modify.
 */
public interface KeyCursor extends AutoCloseable {
    boolean next();

    byte[] key();

    byte[] value();

    /** Repositions so the next {@link #next()} returns the first key at or after {@code key}. */
    void seek(byte[] key);

    @Override
    void close();
}
