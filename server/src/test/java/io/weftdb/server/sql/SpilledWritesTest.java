package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.engine.EngineOptions;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.ir.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction filling a table it created (or truncated) moves the rows to the store before it
 * commits once its buffer passes the spill size: it reads them back, a rollback removes them, a
 * commit keeps them, and a savepoint keeps them in memory so it can still undo them.
 */
class SpilledWritesTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;
    private TestDatabase.Client other;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory, EngineOptions.defaults().withAutoAnalyzeNaptime(Duration.ZERO)
                .withSpillBytes(256 * 1024));
        sql = database.client();
        other = database.client();
    }

    @AfterEach
    void close() {
        sql.close();
        other.close();
        database.close();
    }

    /** Entries stored in the DATA keyspace, committed or spilled. */
    private long storedEntries() {
        try (ReadView view = database.engine().storage().latest();
             KeyCursor cursor = view.scan(Keyspace.DATA, null, null)) {
            long count = 0;
            while (cursor.next()) {
                count++;
            }
            return count;
        }
    }

    private static final String FILL = "INSERT INTO big SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g";

    @Test
    void aNewTablesRowsGoToTheStoreEarlyAndARollbackRemovesThem() {
        long before = storedEntries();
        sql.execute("BEGIN");
        sql.execute("CREATE TABLE big (id integer PRIMARY KEY, pad text)");
        sql.execute(FILL);
        assertThat(storedEntries()).as("spilled before commit").isGreaterThan(before + 10_000);
        assertThat(sql.value("SELECT count(*) FROM big")).isEqualTo("20000");
        assertThat(sql.value("SELECT length(pad) FROM big WHERE id = 777")).isEqualTo("100");
        assertThat(sql.execute("UPDATE big SET pad = 'y' WHERE id <= 10")).isEqualTo("UPDATE 10");
        assertThat(other.error("SELECT count(*) FROM big").code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
        // A failed statement cannot take spilled rows back alone: the block fails, as it would anyway.
        assertThat(sql.error("INSERT INTO big VALUES (5, 'again')").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        sql.execute("ROLLBACK");
        assertThat(storedEntries()).isEqualTo(before);
        assertThat(sql.error("SELECT count(*) FROM big").code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
    }

    @Test
    void aStatementFailingAfterItSpilledFailsTheTransaction() {
        long before = storedEntries();
        sql.execute("BEGIN");
        sql.execute("CREATE TABLE big (id integer PRIMARY KEY, pad text)");
        assertThat(sql.error("INSERT INTO big SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g"
                + " UNION ALL SELECT 1, 'duplicate'").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(sql.error("SELECT 1").code()).isEqualTo(ErrorCode.IN_FAILED_SQL_TRANSACTION);
        assertThat(sql.execute("COMMIT")).isEqualTo("ROLLBACK");
        assertThat(storedEntries()).isEqualTo(before);
        assertThat(sql.error("SELECT count(*) FROM big").code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
    }

    @Test
    void spilledRowsCommitWithTheTableAndSurviveARestart() {
        sql.execute("CREATE TABLE big (id integer PRIMARY KEY, pad text)");
        sql.execute("INSERT INTO big VALUES (0, 'old')");
        sql.execute("BEGIN");
        sql.execute("TRUNCATE big");
        sql.execute(FILL);
        sql.execute("CREATE INDEX big_pad ON big (pad)");
        assertThat(other.value("SELECT count(*) FROM big")).isEqualTo("1");
        sql.execute("COMMIT");
        assertThat(other.value("SELECT count(*) FROM big")).isEqualTo("20000");
        sql.close();
        other.close();
        database.restart();
        sql = database.client();
        other = database.client();
        assertThat(sql.value("SELECT count(*) FROM big WHERE pad = repeat('x', 100)")).isEqualTo("20000");
        assertThat(sql.value("SELECT count(*) FROM big WHERE id = 0")).isEqualTo("0");
    }

    @Test
    void rowsLeftUnderIdsNoCatalogNamesAreDeletedWhenTheEngineOpens() {
        sql.execute("CREATE TABLE kept (id integer PRIMARY KEY)");
        sql.execute("INSERT INTO kept VALUES (1), (2)");
        sql.execute("COMMENT ON TABLE kept IS 'still here'");
        sql.execute("ANALYZE kept");
        long before = storedEntries();
        // What a transaction that spilled and never committed leaves behind when the server stops.
        byte[] orphanKey = new io.weftdb.engine.encoding.KeyEncoder().writeLong(987_654_321L).writeLong(1).toByteArray();
        database.engine().storage().write(new io.weftdb.engine.storage.WriteBatch()
                .put(Keyspace.DATA, orphanKey, new byte[] {1, 2, 3}), true);
        assertThat(storedEntries()).isEqualTo(before + 1);
        sql.close();
        other.close();
        database.restart();
        sql = database.client();
        other = database.client();
        assertThat(storedEntries()).isEqualTo(before);
        assertThat(sql.value("SELECT count(*) FROM kept")).isEqualTo("2");
        assertThat(sql.value("SELECT obj_description('kept'::regclass, 'pg_class')")).isEqualTo("still here");
        assertThat(sql.value("SELECT count(*) FROM pg_stats WHERE tablename = 'kept'")).isEqualTo("1");
    }

    @Test
    void addingAPrimaryKeyRewritesThroughTheStoreAndStillFindsDuplicates() {
        sql.execute("CREATE TABLE big (id integer, pad text)");
        sql.execute(FILL);
        long before = storedEntries();
        sql.execute("INSERT INTO big VALUES (5, 'twin')");
        assertThat(sql.error("ALTER TABLE big ADD PRIMARY KEY (id)").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(storedEntries()).as("the spilled rewrite is gone").isEqualTo(before + 1);
        sql.execute("DELETE FROM big WHERE pad = 'twin'");
        sql.execute("ALTER TABLE big ADD PRIMARY KEY (id)");
        assertThat(sql.value("SELECT count(*) FROM big")).isEqualTo("20000");
        assertThat(sql.error("INSERT INTO big VALUES (7, 'again')").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(sql.query("EXPLAIN SELECT * FROM big WHERE id = 7").toString()).contains("Index Scan using big_pkey");
    }

    @Test
    void underASavepointRowsStayInMemorySoItCanUndoThem() {
        sql.execute("BEGIN");
        sql.execute("CREATE TABLE big (id integer PRIMARY KEY, pad text)");
        sql.execute("SAVEPOINT before_fill");
        sql.execute(FILL);
        sql.execute("ROLLBACK TO SAVEPOINT before_fill");
        assertThat(sql.value("SELECT count(*) FROM big")).isEqualTo("0");
        sql.execute("INSERT INTO big VALUES (1, 'one')");
        sql.execute("COMMIT");
        assertThat(other.query("SELECT id, pad FROM big")).containsExactly(List.of("1", "one"));
    }
}
