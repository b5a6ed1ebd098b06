package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aPortHeldByAnotherSocketIsReportedWithItsProtocol() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(0));
            int port = held.getLocalPort();

            assertThatThrownBy(() -> PortCheck.ensureAvailable(port, "PostgreSQL"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " for PostgreSQL is already in use");
        }
    }

    @Test
    void aFreePortPassesAndStaysFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThatCode(() -> PortCheck.ensureAvailable(port, "MySQL")).doesNotThrowAnyException();
        assertThatCode(() -> PortCheck.ensureAvailable(port, "MySQL")).doesNotThrowAnyException();
    }
}
