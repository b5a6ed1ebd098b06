package io.weftdb.compat.corpus;

/** Where a corpus file runs: a session through {@code target} on a database nothing else has touched. */
public interface ConnectionSource {

    /** A fresh database for {@code file} and a client session to it; closing the session releases both. */
    CorpusConnection open(Target target, CorpusFile file) throws Exception;
}
