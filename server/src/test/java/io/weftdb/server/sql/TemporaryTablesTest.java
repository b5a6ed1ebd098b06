package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryTablesTest {
    @TempDir
    Path directory;
    private TestDatabase database;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static List<List<String>> tempSchemas(TestDatabase.Client sql) {
        return sql.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pg_temp%' ORDER BY 1");
    }

    @Test
    void aTemporaryTableIsTheSessionsOwnAndShadowsAPermanentOne() {
        try (TestDatabase.Client first = database.client(); TestDatabase.Client second = database.client()) {
            first.execute("CREATE TABLE items (id int)");
            first.execute("INSERT INTO items VALUES (1)");
            first.execute("CREATE TEMP TABLE items (id int, note text)");
            first.execute("INSERT INTO items VALUES (2, 'temp')");
            assertThat(first.query("SELECT id, note FROM items")).containsExactly(List.of("2", "temp"));
            assertThat(first.query("SELECT id FROM public.items")).containsExactly(List.of("1"));
            assertThat(first.query("SELECT id FROM pg_temp.items")).containsExactly(List.of("2"));
            // Another session sees the permanent table, and may have a temporary one of the same name.
            assertThat(second.query("SELECT id FROM items")).containsExactly(List.of("1"));
            second.execute("CREATE TEMPORARY TABLE items AS SELECT 3 AS id");
            assertThat(second.query("SELECT id FROM items")).containsExactly(List.of("3"));
            assertThat(first.query("SELECT id FROM items")).containsExactly(List.of("2"));
            // New permanent objects do not go into the temporary schema.
            first.execute("CREATE TABLE other (x int)");
            assertThat(first.query("SELECT schemaname FROM pg_tables WHERE tablename = 'other'"))
                    .containsExactly(List.of("public"));
            assertThatThrownBy(() -> first.execute("CREATE TEMP TABLE public.bad (x int)"))
                    .isInstanceOfSatisfying(SqlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TABLE_DEFINITION));
        }
    }

    @Test
    void aSessionsTemporaryTablesGoWhenItEndsOrItsTransactionRollsBack() {
        try (TestDatabase.Client watcher = database.client()) {
            try (TestDatabase.Client session = database.client()) {
                session.execute("BEGIN");
                session.execute("CREATE TEMP TABLE scratch (id int)");
                session.execute("ROLLBACK");
                assertThat(tempSchemas(watcher)).isEmpty();
                session.execute("CREATE TEMP TABLE scratch (id int PRIMARY KEY)");
                session.execute("INSERT INTO scratch SELECT g FROM generate_series(1, 100) g");
                assertThat(session.query("SELECT count(*) FROM scratch")).containsExactly(List.of("100"));
                assertThat(tempSchemas(watcher)).hasSize(1);
            }
            assertThat(tempSchemas(watcher)).isEmpty();
            assertThat(watcher.query("SELECT count(*) FROM pg_tables WHERE tablename = 'scratch'"))
                    .containsExactly(List.of("0"));
        }
    }

    @Test
    void temporarySchemasLeftByAServerThatDidNotEndItsSessionsAreDroppedAtStart() {
        try (TestDatabase.Client sql = database.client()) {
            // What a killed server leaves behind: a session's temporary schema with a table in it.
            sql.execute("CREATE SCHEMA pg_temp_77");
            sql.execute("CREATE TABLE pg_temp_77.orphan (id int)");
        }
        database.restart();
        try (TestDatabase.Client sql = database.client()) {
            assertThat(tempSchemas(sql)).isEmpty();
        }
    }
}
