package io.weftdb.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a TCP port is free before anything starts, so a taken port fails the server at once
 * with a clear message instead of halfway through starting its listeners.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** Throws {@link PortInUseException} when no socket can listen on {@code port} on all addresses. */
    static void ensureAvailable(int port, String protocol) throws PortInUseException {
        try (ServerSocket socket = new ServerSocket()) {
            // Listeners reuse addresses too: connections still in TIME_WAIT do not make a port busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new PortInUseException(port, protocol, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port + " for " + protocol, e);
        }
    }
}
