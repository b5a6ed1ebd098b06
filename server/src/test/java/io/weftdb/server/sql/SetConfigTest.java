package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** set_config and current_setting, as PostgreSQL 15 answers them (pg_dump starts with set_config). */
class SetConfigTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
    }

    @AfterEach
    void close() {
        sql.close();
        database.close();
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void setConfigSetsForTheSessionOrTheTransactionAndReturnsTheNewValue() {
        assertThat(sql.query("SELECT set_config('search_path', '', false)")).containsExactly(row(""));
        assertThat(sql.query("SELECT current_setting('search_path')")).containsExactly(row(""));
        sql.execute("BEGIN");
        assertThat(sql.query("SELECT set_config('application_name', 'dumper', true)")).containsExactly(row("dumper"));
        assertThat(sql.query("SHOW application_name")).containsExactly(row("dumper"));
        sql.execute("COMMIT");
        assertThat(sql.query("SHOW application_name")).containsExactly(row(""));
        assertThat(sql.query("SELECT version() LIKE 'PostgreSQL 15.%', current_setting('server_version_num')"))
                .containsExactly(row("t", "150000"));
    }
}
