package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerSetTest {

    private final List<String> events = new ArrayList<>();

    /** Records start and stop calls; can be told to fail at start. */
    private final class RecordingListener implements Listener {
        private final String name;
        private final int port;
        private final boolean failToStart;

        RecordingListener(String name, int port, boolean failToStart) {
            this.name = name;
            this.port = port;
            this.failToStart = failToStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void start() {
            if (failToStart) {
                throw new IllegalStateException(name + " cannot start");
            }
            events.add("start " + name);
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        ListenerSet set = new ListenerSet(List.of(
                new RecordingListener("PostgreSQL", 1, false),
                new RecordingListener("MySQL", 2, false),
                new RecordingListener("HTTP", 3, false)));

        set.startAll();
        set.close();

        assertThat(events).containsExactly(
                "start PostgreSQL", "start MySQL", "start HTTP", "stop HTTP", "stop MySQL", "stop PostgreSQL");
    }

    @Test
    void aListenerFailingToStartStopsTheOnesAlreadyStarted() {
        ListenerSet set = new ListenerSet(List.of(
                new RecordingListener("PostgreSQL", 1, false),
                new RecordingListener("MySQL", 2, true),
                new RecordingListener("HTTP", 3, false)));

        assertThatThrownBy(set::startAll).hasMessage("MySQL cannot start");
        set.close();

        assertThat(events).containsExactly("start PostgreSQL", "stop PostgreSQL");
    }

    @Test
    void checkPortsNamesTheListenerWhosePortIsTaken() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(0));
            int port = held.getLocalPort();
            ListenerSet set = new ListenerSet(List.of(new RecordingListener("MySQL", port, false)));

            assertThatThrownBy(set::checkPorts)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " for MySQL is already in use");
        }
        assertThat(events).isEmpty();
    }

    @Test
    void twoListenersCannotShareAPort() {
        assertThatThrownBy(() -> new ListenerSet(List.of(
                        new RecordingListener("PostgreSQL", 7, false), new RecordingListener("HTTP", 7, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 7 is given to both PostgreSQL and HTTP");
    }
}
