package io.weftdb.wire.transport;

/**
 * A connection's pipeline handler whose work can be told to give up, from any thread: a stopping
 * {@link ConnectionListener} interrupts each connection this way before closing it, since the
 * close itself waits for the connection's loop, which may be busy running a statement.
 */
public interface Interruptible {
    /** Makes whatever runs for the connection stop soon (cancel its statement). */
    void interrupt();
}
