package io.weftdb.engine.storage;

/**
 * A forward cursor over a key range. {@link #next()} advances and tells whether an entry is there;
 * {@link #key()} and {@link #value()} are valid until the next call and may be reused buffers, so
 * callers copy what they keep.
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
