package io.weftdb.server;

/** The network protocols the server can listen with, each with its own port option. */
enum Protocol {
    POSTGRESQL("PostgreSQL", "--pg"),
    MYSQL("MySQL", "--mysql"),
    HTTP("HTTP", "--http");

    private final String displayName;
    private final String portOption;

    Protocol(String displayName, String portOption) {
        this.displayName = displayName;
        this.portOption = portOption;
    }

    String displayName() {
        return displayName;
    }

    String portOption() {
        return portOption;
    }
}
