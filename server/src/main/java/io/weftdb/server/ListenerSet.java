package io.weftdb.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners a server runs, started together and stopped together in reverse order. Ports are
 * all checked before any listener starts; if one fails to start, those already started are
 * stopped again.
 */
final class ListenerSet implements AutoCloseable {
    private final List<Listener> listeners;
    private final List<Listener> started = new ArrayList<>();

    ListenerSet(List<Listener> listeners) {
        this.listeners = List.copyOf(listeners);
        for (int i = 0; i < this.listeners.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.listeners.get(i).port() == this.listeners.get(j).port()) {
                    throw new IllegalArgumentException("port " + this.listeners.get(i).port() + " is given to both "
                            + this.listeners.get(j).name() + " and " + this.listeners.get(i).name());
                }
            }
        }
    }

    List<Listener> listeners() {
        return listeners;
    }

    /** Fails with the first listener whose port another process holds. */
    void checkPorts() throws PortInUseException {
        for (Listener listener : listeners) {
            PortCheck.ensureAvailable(listener.port(), listener.name());
        }
    }

    /** Starts every listener in order; on a failure stops the ones started and rethrows. */
    void startAll() {
        for (Listener listener : listeners) {
            try {
                listener.start();
            } catch (RuntimeException e) {
                try {
                    close();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                throw e;
            }
            started.add(listener);
        }
    }

    /** Stops the started listeners, last started first; every one is stopped even if one fails. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
