package io.weftdb.engine.exec;

/**
 * A pull-based stream of rows (Volcano iterator). {@link #row()} is valid until the next call to
 * {@link #next()}; operators that keep rows copy them. Sources must be closed.
 */
public interface RowSource extends AutoCloseable {
    boolean next();

    Object[] row();

    @Override
    void close();
}
