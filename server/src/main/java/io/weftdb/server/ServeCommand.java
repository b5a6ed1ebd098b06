package io.weftdb.server;

import io.weftdb.pg.wire.auth.PgAuthMethod;
import io.weftdb.server.tls.TlsSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code weftdb serve}: opens the data directory and serves it until SIGTERM or Ctrl+C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Opens the data directory and serves it over the PostgreSQL wire protocol, the MySQL wire protocol "
                    + "and HTTP until stopped with SIGTERM or Ctrl+C, then shuts down cleanly.",
            "Listeners not built yet are reported and not started.",
            "",
            "Connections may use TLS: with a self-signed certificate generated into the data directory at the first "
                    + "start (server-cert.pem, server-key.pem), with --tls-cert and --tls-key, or not at all (--tls off).",
            "When the environment variable " + ServeCommand.TOKEN_VARIABLE + " is set, every client must give its value "
                    + "as the password (any user name); otherwise every client is trusted."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "130, 143:stopped cleanly by Ctrl+C (SIGINT) or SIGTERM",
            "1:unexpected failure",
            "2:bad option, port already in use, or data directory unusable or locked"
        })
final class ServeCommand implements Callable<Integer> {
    /** The environment variable holding the access token. */
    static final String TOKEN_VARIABLE = "WEFTDB_TOKEN";

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

    @Option(names = "--tls", paramLabel = "on|off", defaultValue = "on", arity = "1",
            converter = OnOffConverter.class, completionCandidates = OnOffConverter.class,
            description = {"on: every listener offers TLS (default: ${DEFAULT-VALUE});",
                "off: connections are never encrypted."})
    boolean tls;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain) to serve TLS with, instead of the generated self-signed one; needs --tls-key.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key (unencrypted) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--pg-auth", paramLabel = "scram|md5|password", defaultValue = "scram",
            converter = PgAuthConverter.class,
            description = {"How PostgreSQL clients give the " + TOKEN_VARIABLE + " password: scram (SCRAM-SHA-256, "
                    + "with channel binding over TLS; the default), md5, or password (clear text)."})
    PgAuthMethod pgAuthMethod;

    /** Reads {@code --pg-auth} values. */
    static final class PgAuthConverter implements ITypeConverter<PgAuthMethod> {
        @Override
        public PgAuthMethod convert(String value) {
            try {
                return PgAuthMethod.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

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
        return new ServerConfig(data.directory, data.syncCommits, ports, tlsSettings(), authToken(System.getenv(TOKEN_VARIABLE)),
                pgAuthMethod);
    }

    private TlsSettings tlsSettings() {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together: give both or neither");
        }
        if (!tls) {
            if (tlsCertificate != null) {
                throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key cannot be used with --tls off");
            }
            return new TlsSettings.Off();
        }
        return tlsCertificate == null ? new TlsSettings.SelfSigned() : new TlsSettings.Files(tlsCertificate, tlsKey);
    }

    /** The token from the environment; set but empty is a mistake rather than a wish for no password. */
    private Optional<String> authToken(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            throw new ParameterException(spec.commandLine(), TOKEN_VARIABLE
                    + " is set but empty: unset it to let every client in, or set it to the password clients must give");
        }
        return Optional.of(value);
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
