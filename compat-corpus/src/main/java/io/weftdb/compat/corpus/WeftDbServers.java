package io.weftdb.compat.corpus;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.http.HttpServer;
import io.weftdb.http.HttpServerConfig;
import io.weftdb.ir.parse.SqlParser;
import io.weftdb.mysql.sql.MysqlSqlParser;
import io.weftdb.mysql.wire.MysqlServer;
import io.weftdb.mysql.wire.MysqlServerConfig;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.pg.wire.PgServer;
import io.weftdb.pg.wire.PgServerConfig;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real WeftDB server, in process: for each file and target a fresh engine on RocksDB in a
 * temporary directory, the target's listener on a free loopback port (the same PgServer,
 * MysqlServer and HttpServer {@code weftdb serve} starts) and a client session through the real
 * driver. Closing the session stops the listener and engine and deletes the directory.
 */
public final class WeftDbServers implements ConnectionSource {
    private static final String HOST = "127.0.0.1";
    private static final Map<String, SqlParser> PARSERS = Map.of("postgres", new PostgresSqlParser(),
            "mysql", new MysqlSqlParser());

    /** A JDBC session to a fresh server of its own; closing the server stops it and deletes its data. */
    public record JdbcServer(java.sql.Connection connection, AutoCloseable server) {}

    /** Starts a fresh server with the listener of a pg or mysql {@code target} and connects to it through the driver. */
    public static JdbcServer startJdbc(Target target) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            java.sql.Connection connection = connect(target, startEngine(resources), resources);
            return new JdbcServer(connection, () -> closeAll(resources));
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    private static Engine startEngine(List<AutoCloseable> resources) throws IOException {
        Path directory = Files.createTempDirectory("weftdb-compat-");
        resources.add(() -> deleteRecursively(directory));
        RocksStorage storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
        resources.add(0, storage);
        Engine engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(false));
        resources.add(0, engine);
        return engine;
    }

    private static java.sql.Connection connect(Target target, Engine engine, List<AutoCloseable> resources) throws Exception {
        return switch (target.family()) {
            case "pg" -> {
                PgServer server = new PgServer(engine, PgServerConfig.defaults());
                server.start(HOST, 0);
                resources.add(0, server::stop);
                yield DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + server.port()
                        + "/postgres?sslmode=disable&user=weftdb&socketTimeout=60&" + target.options());
            }
            case "mysql" -> {
                MysqlServer server = new MysqlServer(engine, MysqlServerConfig.defaults(), Optional.empty(), Optional.empty());
                server.start(HOST, 0);
                resources.add(0, server::stop);
                yield DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + server.port()
                        + "/public?sslMode=DISABLED&user=root&allowPublicKeyRetrieval=true&socketTimeout=60000&" + target.options());
            }
            default -> throw new IllegalArgumentException("no JDBC listener for " + target);
        };
    }

    @Override
    public CorpusConnection open(Target target, CorpusFile file) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Engine engine = startEngine(resources);
            CorpusConnection connection = switch (target.family()) {
                case "pg", "mysql" -> new JdbcCorpusConnection(connect(target, engine, resources));
                case "http" -> {
                    HttpServer server = new HttpServer(engine, PARSERS, HttpServerConfig.defaults().withHost(HOST).withPort(0));
                    server.start();
                    resources.add(0, server::stop);
                    yield new HttpCorpusConnection(URI.create("http://" + HOST + ":" + server.port()), target.options());
                }
                default -> throw new IllegalArgumentException("no listener for " + target);
            };
            return new ClosingConnection(connection, resources);
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // keep releasing the rest; a temporary directory left behind is the worst outcome
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client session, which on close also releases the server it was opened on. */
    private record ClosingConnection(CorpusConnection connection, List<AutoCloseable> resources) implements CorpusConnection {
        @Override
        public Outcome run(String sql) {
            return connection.run(sql);
        }

        @Override
        public void close() {
            connection.close();
            closeAll(resources);
        }
    }
}
