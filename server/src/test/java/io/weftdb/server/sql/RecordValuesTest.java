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

/** Anonymous records: row constructors, (record).field, functions returning several columns. Checked against PostgreSQL 15. */
class RecordValuesTest {
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
    void aRowConstructorIsARecordPrintedAsPostgresqlPrintsIt() {
        assertThat(sql.query("SELECT ROW(1, 'a b'::text, NULL), (1, 2.5)::text, (ROW(1, 'x'::text)).f2"))
                .containsExactly(row("(1,\"a b\",)", "(1,2.5)", "x"));
        assertThat(sql.value("SELECT row_to_json(ROW(1, 'a'::text))")).isEqualTo("{\"f1\":1,\"f2\":\"a\"}");
        assertThat(sql.value("SELECT pg_typeof(ROW(1, 2))")).isEqualTo("record");
    }

    @Test
    void aFunctionOfSeveralColumnsIsOneRecordInTheSelectListAndColumnsInFrom() {
        assertThat(sql.query("SELECT (information_schema._pg_expandarray(ARRAY[10,20])).n, "
                + "information_schema._pg_expandarray(ARRAY['p','q'])"))
                .containsExactly(row("1", "(p,1)"), row("2", "(q,2)"));
        assertThat(sql.query("SELECT (r).x FROM (SELECT information_schema._pg_expandarray(ARRAY[7,8]) AS r) s WHERE (r).n = 2"))
                .containsExactly(row("8"));
        assertThat(sql.query("SELECT * FROM information_schema._pg_expandarray(ARRAY[3,4])"))
                .containsExactly(row("3", "1"), row("4", "2"));
    }

    @Test
    void rowsCompareFieldByFieldWithNullsAsPostgresqlCompares() {
        assertThat(sql.query("SELECT (1, 'a') = (1, 'a'), (1, 'a') <> (1, 'b'), (1, NULL) = (1, 2), (1, NULL) = (2, 2), "
                + "(1, NULL::int) <> (1, 2)"))
                .containsExactly(row("t", "t", null, "f", null));
        assertThat(sql.query("SELECT (1, 2) IN ((0, 0), (1, 2)), (1, 2) NOT IN ((0, 0), (1, 3)), (1, 2) IN ((1, NULL), (3, 4)), "
                + "(1, 2) NOT IN ((1, NULL))"))
                .containsExactly(row("t", "t", null, null));
        sql.execute("CREATE TABLE pairs (a integer, b text)");
        sql.execute("INSERT INTO pairs VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        assertThat(sql.query("SELECT a FROM pairs WHERE (a, b) IN ((1, 'x'), (3, 'q'), (2, 'y')) ORDER BY a"))
                .containsExactly(row("1"), row("2"));
    }

    @Test
    void selectingAFieldOfSomethingElseFails() {
        assertThat(sql.error("SELECT (1).x").code()).isEqualTo(ErrorCode.WRONG_OBJECT_TYPE);
        assertThat(sql.error("SELECT (ROW(1, 2)).f9").getMessage())
                .isEqualTo("could not identify column \"f9\" in record data type");
    }
}
