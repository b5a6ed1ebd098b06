package io.weftdb.server.tls;

/** The server cannot set up TLS as configured: a file is missing or unreadable, or key and certificate do not fit. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
