package io.weftdb.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weftdb serve}: opens the data directory and serves it until SIGTERM or Ctrl+C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Opens the data directory and serves it over the PostgreSQL wire protocol, the MySQL wire protocol "
                    + "and HTTP until stopped with SIGTERM or Ctrl+C, then shuts down cleanly.",
            "Listeners not built yet are reported and not started."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "130, 143:stopped cleanly by Ctrl+C (SIGINT) or SIGTERM",
            "1:unexpected failure",
            "2:bad option, port already in use, or data directory unusable or locked"
        })
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--pg", paramLabel = "PORT", defaultValue = "5432",
            description = "PostgreSQL protocol port; 0 disables it (default: ${DEFAULT-VALUE}).")
    int pgPort;

    @Option(names = "--mysql", paramLabel = "PORT", defaultValue = "3306",
            description = "MySQL protocol port; 0 disables it (default: ${DEFAULT-VALUE}).")
    int mysqlPort;

    @Option(names = "--http", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP API port; 0 disables it (default: ${DEFAULT-VALUE}).")
    int httpPort;

    /** The configuration the options describe; a usage error when a port is out of range or repeated. */
    ServerConfig config() {
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        ports.put(Protocol.POSTGRESQL, pgPort);
        ports.put(Protocol.MYSQL, mysqlPort);
        ports.put(Protocol.HTTP, httpPort);
        for (Map.Entry<Protocol, Integer> entry : ports.entrySet()) {
            int port = entry.getValue();
            if (port < 0 || port > 65_535) {
                throw new ParameterException(spec.commandLine(),
                        entry.getKey().portOption() + " " + port + ": a port is between 1 and 65535 (0 disables the listener)");
            }
            for (Map.Entry<Protocol, Integer> other : ports.entrySet()) {
                if (other.getKey().compareTo(entry.getKey()) < 0 && port != 0 && other.getValue() == port) {
                    throw new ParameterException(spec.commandLine(), "port " + port + " is given to both "
                            + other.getKey().portOption() + " and " + entry.getKey().portOption());
                }
            }
        }
        return new ServerConfig(data.directory, data.syncCommits, ports);
    }

    @Override
    public Integer call() {
        ServerConfig config = config();
        ShutdownLatch latch = main.shutdownLatch();
        if (main.installShutdownHook()) {
            latch.installShutdownHook();
        }
        return new Server(config, spec.commandLine().getOut(), spec.commandLine().getErr()).run(latch);
    }
}
