package io.weftdb.server.sql;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real engine on RocksDB in a directory, with SQL sessions speaking the PostgreSQL dialect. */
final class TestDatabase implements AutoCloseable {
    private static final PostgresSqlParser PARSER = new PostgresSqlParser();
    private final Path directory;
    private RocksStorage storage;
    private Engine engine;

    private final EngineOptions options;

    /** Without automatic ANALYZE, so estimates (and EXPLAIN output) change only when a test analyzes. */
    TestDatabase(Path directory) {
        this(directory, EngineOptions.defaults().withAutoAnalyzeNaptime(java.time.Duration.ZERO));
    }

    TestDatabase(Path directory, EngineOptions options) {
        this.directory = directory;
        this.options = options;
        open();
    }

    private void open() {
        storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
        engine = Engine.open(storage, options);
    }

    /** Closes cleanly and opens the same directory again. */
    void restart() {
        close();
        open();
    }

    Client client() {
        return new Client(engine.openSession(SessionOptions.defaults()));
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        storage.close();
    }

    /** A session that runs SQL text and returns results as text, as psql would show them. */
    static final class Client implements AutoCloseable {
        private final Session session;

        Client(Session session) {
            this.session = session;
        }

        Session session() {
            return session;
        }

        /** Runs every statement of the script; returns the last statement's command tag. */
        String execute(String sql) {
            String tag = null;
            for (ParsedStatement parsed : PARSER.parse(sql)) {
                StatementResult result = session.execute(parsed.statement(), List.of());
                if (result instanceof RowResult rows) {
                    while (rows.next()) {
                        // drain
                    }
                    rows.close();
                }
                tag = result.commandTag();
            }
            return tag;
        }

        String execute(String sql, Object... parameters) {
            StatementResult result = session.execute(PARSER.parseOne(sql), List.of(parameters));
            if (result instanceof RowResult rows) {
                rows.close();
            }
            return result.commandTag();
        }

        /** Rows of a query, each value as PostgreSQL's text output (null for NULL). */
        List<List<String>> query(String sql, Object... parameters) {
            StatementResult result = session.execute(PARSER.parseOne(sql), List.of(parameters));
            List<List<String>> rows = new ArrayList<>();
            try (RowResult rowResult = (RowResult) result) {
                while (rowResult.next()) {
                    List<String> row = new ArrayList<>();
                    Object[] values = rowResult.row();
                    for (int i = 0; i < values.length; i++) {
                        row.add(TextFormat.format(values[i], rowResult.columns().get(i).type()));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        /** The single value of a one-row, one-column query. */
        String value(String sql, Object... parameters) {
            List<List<String>> rows = query(sql, parameters);
            if (rows.size() != 1 || rows.get(0).size() != 1) {
                throw new AssertionError("expected one value from " + sql + " but got " + rows);
            }
            return rows.get(0).get(0);
        }

        /** The error a statement raises. */
        SqlException error(String sql) {
            try {
                execute(sql);
            } catch (SqlException e) {
                return e;
            }
            throw new AssertionError("expected an error from: " + sql);
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
