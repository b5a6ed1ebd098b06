package io.weftdb.server;

/** A listener's port is already taken by another process. */
final class PortInUseException extends Exception {
    private final int port;
    private final String protocol;

    PortInUseException(int port, String protocol, Throwable cause) {
        super("port " + port + " for " + protocol + " is already in use", cause);
        this.port = port;
        this.protocol = protocol;
    }

    int port() {
        return port;
    }

    String protocol() {
        return protocol;
    }
}
