package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COMMENT ON and the catalog that reads it back (pg_description, obj_description, col_description), as in PostgreSQL 15. */
class CommentOnTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private TestDatabase.Client sql;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
        sql = database.client();
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, note text)");
        sql.execute("CREATE INDEX t_note ON t (note)");
        sql.execute("CREATE VIEW v AS SELECT id FROM t");
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
    void commentsOnRelationsColumnsAndSchemasReadBackThroughTheCatalog() {
        sql.execute("COMMENT ON TABLE t IS 'the table'");
        sql.execute("COMMENT ON COLUMN t.note IS 'free text'");
        sql.execute("COMMENT ON VIEW v IS 'a view'");
        sql.execute("COMMENT ON INDEX t_note IS 'by note'");
        sql.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
        assertThat(sql.query("SELECT obj_description('t'::regclass, 'pg_class'), col_description('t'::regclass, 2),"
                + " obj_description('v'::regclass), obj_description('t_note'::regclass, 'pg_class')"))
                .containsExactly(row("the table", "free text", "a view", "by note"));
        assertThat(sql.query("SELECT c.relname, d.objsubid, d.description FROM pg_description d"
                + " JOIN pg_class c ON c.oid = d.objoid WHERE d.classoid = 'pg_class'::regclass ORDER BY 1, 2"))
                .containsExactly(row("t", "0", "the table"), row("t", "2", "free text"), row("t_note", "0", "by note"),
                        row("v", "0", "a view"));
        assertThat(sql.query("SELECT d.description FROM pg_description d JOIN pg_namespace n ON n.oid = d.objoid"))
                .containsExactly(row("standard public schema"));
    }

    @Test
    void nullOrAnEmptyStringRemovesACommentAndARollbackUndoesIt() {
        sql.execute("COMMENT ON TABLE t IS 'kept'");
        sql.execute("BEGIN");
        sql.execute("COMMENT ON TABLE t IS 'changed'");
        assertThat(sql.query("SELECT obj_description('t'::regclass)")).containsExactly(row("changed"));
        sql.execute("ROLLBACK");
        assertThat(sql.query("SELECT obj_description('t'::regclass)")).containsExactly(row("kept"));
        sql.execute("COMMENT ON TABLE t IS NULL");
        assertThat(sql.query("SELECT obj_description('t'::regclass)")).containsExactly(row((String) null));
        sql.execute("COMMENT ON TABLE t IS 'again'");
        sql.execute("COMMENT ON TABLE t IS ''");
        assertThat(sql.query("SELECT count(*) FROM pg_description")).containsExactly(row("0"));
    }

    @Test
    void aDroppedObjectsCommentGoesWithItAndUnknownNamesFail() {
        sql.execute("COMMENT ON TABLE t IS 'doomed'");
        sql.execute("DROP VIEW v");
        sql.execute("DROP TABLE t");
        assertThat(sql.query("SELECT count(*) FROM pg_description")).containsExactly(row("0"));
        assertThat(sql.error("COMMENT ON TABLE nope IS 'x'").code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
        sql.execute("CREATE TABLE u (a integer)");
        assertThat(sql.error("COMMENT ON COLUMN u.b IS 'x'").code()).isEqualTo(ErrorCode.UNDEFINED_COLUMN);
        assertThat(sql.error("COMMENT ON VIEW u IS 'x'").code()).isEqualTo(ErrorCode.WRONG_OBJECT_TYPE);
    }
}
