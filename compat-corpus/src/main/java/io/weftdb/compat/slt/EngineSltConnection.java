package io.weftdb.compat.slt;

import io.weftdb.engine.Engine;
import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.Session;
import io.weftdb.engine.SessionOptions;
import io.weftdb.engine.StatementResult;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.parse.ParsedStatement;
import io.weftdb.pg.sql.PostgresSqlParser;
import io.weftdb.storage.rocksdb.RocksStorage;
import io.weftdb.storage.rocksdb.RocksStorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The engine in process, PostgreSQL dialect: a fresh engine on RocksDB in a temporary directory. */
final class EngineSltConnection implements SltConnection {
    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final Path directory;
    private final RocksStorage storage;
    private final Engine engine;
    private final Session session;

    EngineSltConnection() throws IOException {
        directory = Files.createTempDirectory("weftdb-slt-");
        storage = RocksStorage.open(directory, RocksStorageOptions.defaults());
        engine = Engine.open(storage, EngineOptions.defaults().withSyncCommits(false));
        session = engine.openSession(SessionOptions.defaults());
        execute(SqlLogicTestRunner.STATEMENT_TIMEOUT);
    }

    @Override
    public Answer execute(String sql) {
        List<ParsedStatement> statements;
        try {
            statements = PARSER.parse(sql);
        } catch (SqlException e) {
            throw new StatementFailure(e.code() == ErrorCode.FEATURE_NOT_SUPPORTED
                    ? FailureCause.UNSUPPORTED_FEATURE : FailureCause.PARSE_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            throw new StatementFailure(FailureCause.INTERNAL_ERROR, "parser: " + e);
        }
        Answer answer = null;
        for (ParsedStatement parsed : statements) {
            try {
                StatementResult result = session.execute(parsed.statement(), List.of());
                answer = result instanceof RowResult rows ? drain(rows) : null;
            } catch (SqlException e) {
                throw new StatementFailure(FailureCause.of(e.code()), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                throw new StatementFailure(FailureCause.INTERNAL_ERROR, e.toString());
            }
        }
        return answer;
    }

    /** Every row pulled eagerly, so the statement ends before checking. */
    private static Answer drain(RowResult result) {
        try (result) {
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.row().clone());
            }
            List<ResultColumn> columns = result.columns();
            return new Answer() {
                @Override
                public int columnCount() {
                    return columns.size();
                }

                @Override
                public int rowCount() {
                    return rows.size();
                }

                @Override
                public Object value(int row, int column) {
                    return rows.get(row)[column];
                }

                @Override
                public String text(int row, int column) {
                    return TextFormat.format(rows.get(row)[column], columns.get(column).type());
                }
            };
        }
    }

    @Override
    public void close() {
        try (storage; engine; session) {
            // closed in reverse order: session, engine, storage
        } catch (Exception e) {
            throw new IllegalStateException("could not close the engine", e);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
