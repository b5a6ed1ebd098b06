package io.weftdb.compat.corpus;

/** One client session through a protocol: statements run in order, in the same session. */
public interface CorpusConnection extends AutoCloseable {

    Outcome run(String sql);

    @Override
    void close();
}
