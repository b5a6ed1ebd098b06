package io.weftdb.server;

/**
 * One network front end of the server (PostgreSQL wire, MySQL wire, HTTP), as the launcher sees
 * it. The protocol modules provide the implementations; {@link ListenerSet} starts and stops them.
 */
public interface Listener {

    /** The protocol, as shown to users: "PostgreSQL", "MySQL", "HTTP". */
    String name();

    /** The TCP port it listens on. */
    int port();

    /** Binds the port and starts accepting connections; throws when it cannot. */
    void start();

    /** Stops accepting, closes its connections and releases the port; safe to call once started. */
    void stop();
}
