package io.weftdb.compat.corpus;

/** A corpus file that does not follow the format; the message names the file and line. */
public final class CorpusFormatException extends RuntimeException {
    public CorpusFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
