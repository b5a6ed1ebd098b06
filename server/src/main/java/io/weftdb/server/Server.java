package io.weftdb.server;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.storage.StorageException;
import io.weftdb.server.tls.ServerTls;
import io.weftdb.server.tls.TlsSetupException;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code weftdb serve}: opens storage and engine, starts the listeners this build has, waits for a
 * stop request, then stops listeners, engine and storage in that order.
 */
final class Server {
    private final ServerConfig config;
    private final PrintWriter out;
    private final PrintWriter err;

    Server(ServerConfig config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Runs until {@code latch} is asked to stop; returns the exit code. Always marks the latch stopped. */
    int run(ShutdownLatch latch) {
        try {
            int exitCode = openAndServe(latch);
            if (exitCode == ExitCodes.OK) {
                out.println("stopped");
            }
            return exitCode;
        } finally {
            out.flush();
            err.flush();
            latch.markStopped();
        }
    }

    private int openAndServe(ShutdownLatch latch) {
        RocksStorage storage;
        try {
            storage = RocksStorage.open(config.dataDirectory(), RocksStorageOptions.defaults());
        } catch (StorageException e) {
            err.println("weftdb serve: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        try (storage) {
            Engine engine;
            try {
                engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(config.syncCommits()));
            } catch (StorageException e) {
                err.println("weftdb serve: " + e.getMessage());
                return ExitCodes.CANNOT_START;
            }
            try (engine) {
                return serve(engine, latch);
            }
        }
    }

    private int serve(Engine engine, ShutdownLatch latch) {
        Optional<ServerTls> tls;
        try {
            tls = ServerTls.configure(config.tls(), config.dataDirectory());
        } catch (TlsSetupException e) {
            err.println("weftdb serve: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        Map<Protocol, String> status = new EnumMap<>(Protocol.class);
        List<Listener> listeners = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            int port = config.port(protocol);
            Optional<ListenerFactory> factory = ListenerFactories.find(protocol);
            if (port == 0) {
                status.put(protocol, "disabled (" + protocol.portOption() + " 0)");
            } else if (factory.isEmpty()) {
                status.put(protocol, "not built yet, port " + port + " not opened");
            } else {
                listeners.add(factory.get().create(new ListenerContext(port, engine, SqlDialects.PARSERS,
                        tls.map(ServerTls::context), config.authToken(), config.pgAuthMethod(), () -> List.copyOf(listeners))));
                status.put(protocol, "listening on port " + port);
            }
        }
        try (ListenerSet listenerSet = new ListenerSet(listeners)) {
            try {
                listenerSet.checkPorts();
                listenerSet.startAll();
            } catch (PortInUseException e) {
                err.println("weftdb serve: " + e.getMessage());
                return ExitCodes.CANNOT_START;
            }
            out.println("WeftDB " + VersionProvider.version() + " serving " + config.dataDirectory().toAbsolutePath().normalize()
                    + (config.syncCommits() ? " (commits wait for the write-ahead log fsync)" : " (--sync off: commits do not wait for fsync)"));
            status.forEach((protocol, text) -> out.println("  " + protocol.displayName() + ": " + text));
            out.println("  TLS: " + tls.map(Server::describe).orElse("off (--tls off)"));
            out.println("  clients: " + (config.authToken().isPresent()
                    ? "must give the " + ServeCommand.TOKEN_VARIABLE + " token as password (PostgreSQL: "
                            + config.pgAuthMethod().configName() + ")"
                    : "trusted without a password (" + ServeCommand.TOKEN_VARIABLE + " is not set)"));
            out.println("ready; stop with Ctrl+C or SIGTERM");
            out.flush();
            awaitStop(latch);
            out.println("shutting down");
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static String describe(ServerTls tls) {
        Path certificate = tls.certificateFile().toAbsolutePath().normalize();
        return tls.generated() ? "self-signed certificate generated into " + certificate : "certificate " + certificate;
    }

    private static void awaitStop(ShutdownLatch latch) {
        try {
            latch.awaitStopRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
