package io.weftdb.server;

/** Process exit codes of the weftdb command; the sql shell's follow psql's. */
final class ExitCodes {
    static final int OK = 0;
    /** Something failed that is not one of the cases below (an unreadable -f file, a bug). */
    static final int FAILURE = 1;
    /**
     * The server or shell cannot start: a port already in use, a data directory that is unusable
     * or locked by another process. Also picocli's code for a command-line usage error.
     */
    static final int CANNOT_START = 2;
    /** {@code sql --on-error-stop} stopped at a failing statement (psql's ON_ERROR_STOP exit code). */
    static final int SCRIPT_ERROR = 3;

    private ExitCodes() {
    }
}
