package io.weftdb.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTypesAndConstraintsTest {
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

    @Test
    void arrayColumnsStoreAndReturnTheirElementsButCannotBeIndexed() {
        sql.execute("CREATE TABLE docs (id integer PRIMARY KEY, tags text[], scores integer[])");
        sql.execute("INSERT INTO docs VALUES (1, ARRAY['a', 'b c', NULL], '{3,2,1}'), (2, '{}', NULL)");
        assertThat(sql.query("SELECT tags, scores, scores[1], array_length(tags, 1) FROM docs ORDER BY id"))
                .containsExactly(java.util.Arrays.asList("{a,\"b c\",NULL}", "{3,2,1}", "3", "3"),
                        java.util.Arrays.asList("{}", null, null, null));
        sql.execute("UPDATE docs SET scores = array_append(scores, 0) WHERE id = 1");
        assertThat(sql.value("SELECT scores FROM docs WHERE id = 1")).isEqualTo("{3,2,1,0}");
        assertThat(sql.error("CREATE INDEX ON docs (tags)").code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void parametersForCharacterColumnsTakeAnyLengthUpToTheColumns() {
        sql.execute("CREATE TABLE codes (code char(5), label varchar(3))");
        assertThat(sql.execute("INSERT INTO codes VALUES ($1, $2)", "ab", "xyz")).isEqualTo("INSERT 0 1");
        assertThat(sql.query("SELECT code || '|', label FROM codes")).containsExactly(List.of("ab|", "xyz"));
        assertThat(sql.value("SELECT 'abc'::bpchar || '|'")).isEqualTo("abc|");
        assertThat(sql.error("INSERT INTO codes VALUES ('toolong', 'x')").code()).isEqualTo(ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    }

    @Test
    void everyTypeRoundTripsThroughStorage() {
        sql.execute("""
                CREATE TABLE everything (
                  id bigserial PRIMARY KEY, b boolean, s smallint, i integer, l bigint, r real, d double precision,
                  n numeric(10,3), t text, v varchar(5), c char(3), bin bytea, dt date, tm time, ts timestamp,
                  tz timestamptz, iv interval, u uuid, j json, jb jsonb)""");
        sql.execute("""
                INSERT INTO everything (b, s, i, l, r, d, n, t, v, c, bin, dt, tm, ts, tz, iv, u, j, jb) VALUES
                (true, -32768, 2147483647, -9223372036854775808, 1.5, 3.14159, 1234.5678, 'text', 'abc', 'x',
                 '\\x00ff', '2024-02-29', '13:14:15.5', '2024-01-02 03:04:05', '2024-01-02 03:04:05+02',
                 '1 day 02:00:00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": 1,  "a": 2}', '{"b": 1, "a": 2}')""");
        database.restart();
        sql = database.client();
        assertThat(sql.query("SELECT b, s, i, l, r, d, n, t, v, c, bin, dt, tm, ts, tz, iv, u, j, jb FROM everything"))
                .containsExactly(List.of("t", "-32768", "2147483647", "-9223372036854775808", "1.5", "3.14159", "1234.568",
                        "text", "abc", "x  ", "\\x00ff", "2024-02-29", "13:14:15.5", "2024-01-02 03:04:05",
                        "2024-01-02 01:04:05+00", "1 day 02:00:00", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                        "{\"b\": 1,  \"a\": 2}", "{\"a\": 2, \"b\": 1}"));
    }

    @Test
    void badValuesRaisePostgresErrorsInsteadOfWrapping() {
        sql.execute("CREATE TABLE t (i integer, v varchar(3), n numeric(4,2), d date)");
        assertThat(sql.error("INSERT INTO t (i) VALUES (2147483648)").code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(sql.error("INSERT INTO t (v) VALUES ('abcd')").code()).isEqualTo(ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
        assertThat(sql.error("INSERT INTO t (n) VALUES (100)").code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(sql.error("INSERT INTO t (i) VALUES ('x')").code()).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
        assertThat(sql.error("INSERT INTO t (d) VALUES ('2023-02-30')").code()).isEqualTo(ErrorCode.DATETIME_FIELD_OVERFLOW);
        assertThat(sql.error("SELECT 1 / 0").code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(sql.value("SELECT count_rows FROM (SELECT 1 AS count_rows) AS x")).isEqualTo("1");
        assertThat(sql.query("SELECT * FROM t")).isEmpty();
    }

    @Test
    void constraintsAreEnforcedWithPostgresCodes() {
        sql.execute("""
                CREATE TABLE parent (id integer PRIMARY KEY, code text UNIQUE NOT NULL);
                CREATE TABLE child (id serial PRIMARY KEY, parent_id integer REFERENCES parent(id),
                                    qty integer CHECK (qty > 0) DEFAULT 1)""");
        sql.execute("INSERT INTO parent VALUES (1, 'a'), (2, 'b')");
        assertThat(sql.error("INSERT INTO parent VALUES (1, 'c')").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        var duplicate = sql.error("INSERT INTO parent VALUES (3, 'a')");
        assertThat(duplicate.code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(duplicate.getMessage()).isEqualTo("duplicate key value violates unique constraint \"parent_code_key\"");
        assertThat(duplicate.detail()).isEqualTo("Key (code)=(a) already exists.");
        assertThat(sql.error("INSERT INTO parent (id) VALUES (4)").code()).isEqualTo(ErrorCode.NOT_NULL_VIOLATION);
        assertThat(sql.error("INSERT INTO child (parent_id, qty) VALUES (1, 0)").code()).isEqualTo(ErrorCode.CHECK_VIOLATION);
        assertThat(sql.error("INSERT INTO child (parent_id) VALUES (9)").code()).isEqualTo(ErrorCode.FOREIGN_KEY_VIOLATION);
        sql.execute("INSERT INTO child (parent_id) VALUES (1), (1), (NULL)");
        assertThat(sql.error("DELETE FROM parent WHERE id = 1").code()).isEqualTo(ErrorCode.FOREIGN_KEY_VIOLATION);
        assertThat(sql.execute("DELETE FROM parent WHERE id = 2")).isEqualTo("DELETE 1");
        // The two failed inserts consumed serial values 1 and 2: sequences are not rolled back.
        assertThat(sql.query("SELECT id, parent_id, qty FROM child ORDER BY id"))
                .containsExactly(List.of("3", "1", "1"), List.of("4", "1", "1"), java.util.Arrays.asList("5", null, "1"));
    }

    @Test
    void aFailingMultiRowInsertLeavesNothingBehind() {
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY)");
        assertThat(sql.error("INSERT INTO t VALUES (1), (2), (1)").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        assertThat(sql.query("SELECT id FROM t")).isEmpty();
    }

    @Test
    void sequencesAreNotRolledBackAndSurviveRestart() {
        sql.execute("CREATE SEQUENCE s START 10 INCREMENT 5");
        assertThat(sql.value("SELECT nextval('s')")).isEqualTo("10");
        sql.execute("BEGIN");
        assertThat(sql.value("SELECT nextval('s')")).isEqualTo("15");
        sql.execute("ROLLBACK");
        assertThat(sql.value("SELECT currval('s')")).isEqualTo("15");
        database.restart();
        sql = database.client();
        assertThat(sql.value("SELECT nextval('s')")).isEqualTo("20");
        assertThat(sql.value("SELECT setval('s', 100)")).isEqualTo("100");
        assertThat(sql.value("SELECT nextval('s')")).isEqualTo("105");
    }

    @Test
    void primaryKeyAndIndexLookupsDoNotScanTheTable() {
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, email text, score integer)");
        sql.execute("CREATE INDEX t_score ON t (score)");
        sql.execute("INSERT INTO t VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
        assertThat(sql.query("EXPLAIN SELECT * FROM t WHERE id = 2").toString()).contains("Index Scan using t_pkey on t");
        assertThat(sql.query("EXPLAIN SELECT * FROM t WHERE score BETWEEN 15 AND 30").toString()).contains("Index Scan using t_score");
        assertThat(sql.query("EXPLAIN SELECT * FROM t WHERE email = 'a'").toString()).contains("Seq Scan on t");
        assertThat(sql.query("SELECT id FROM t WHERE score BETWEEN 15 AND 30 ORDER BY id DESC"))
                .containsExactly(List.of("3"), List.of("2"));
        assertThat(sql.query("SELECT email FROM t WHERE id = $1", 3)).containsExactly(List.of("c"));
    }

    @Test
    void alterTableAddsAndDropsColumnsWithoutRewritingRows() {
        sql.execute("CREATE TABLE t (id integer PRIMARY KEY, a text)");
        sql.execute("INSERT INTO t VALUES (1, 'one')");
        sql.execute("ALTER TABLE t ADD COLUMN b integer DEFAULT 7");
        sql.execute("INSERT INTO t VALUES (2, 'two', 8)");
        sql.execute("ALTER TABLE t DROP COLUMN a");
        sql.execute("ALTER TABLE t RENAME COLUMN b TO c");
        database.restart();
        sql = database.client();
        assertThat(sql.query("SELECT * FROM t ORDER BY id")).containsExactly(List.of("1", "7"), List.of("2", "8"));
        sql.execute("ALTER TABLE t ADD CONSTRAINT c_positive CHECK (c > 0)");
        assertThat(sql.error("UPDATE t SET c = -1 WHERE id = 1").code()).isEqualTo(ErrorCode.CHECK_VIOLATION);
    }

    @Test
    void addingAPrimaryKeyToAFilledTableRekeysItsRows() {
        sql.execute("CREATE TABLE t (id integer NOT NULL, v text)");
        sql.execute("INSERT INTO t VALUES (2, 'b'), (1, 'a')");
        sql.execute("ALTER TABLE t ADD PRIMARY KEY (id)");
        assertThat(sql.query("SELECT v FROM t WHERE id = 1")).containsExactly(List.of("a"));
        assertThat(sql.error("INSERT INTO t VALUES (1, 'x')").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
        sql.execute("CREATE TABLE dup (id integer)");
        sql.execute("INSERT INTO dup VALUES (1), (1)");
        assertThat(sql.error("ALTER TABLE dup ADD PRIMARY KEY (id)").code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
    }

    @Test
    void droppingThePrimaryKeyKeepsTheRowsAndTheirIndexes() {
        sql.execute("CREATE TABLE keyed (id integer PRIMARY KEY, v text)");
        sql.execute("CREATE INDEX keyed_v ON keyed (v)");
        sql.execute("INSERT INTO keyed VALUES (1, 'a'), (2, 'b')");
        sql.execute("CREATE TABLE child (parent integer REFERENCES keyed (id))");
        assertThat(sql.error("ALTER TABLE keyed DROP CONSTRAINT keyed_pkey").code())
                .isEqualTo(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST);
        sql.execute("DROP TABLE child");
        sql.execute("ALTER TABLE keyed DROP CONSTRAINT keyed_pkey");
        // The key's uniqueness is gone, its NOT NULL stays, the rows and the other index are intact.
        sql.execute("INSERT INTO keyed VALUES (1, 'again')");
        assertThat(sql.error("INSERT INTO keyed VALUES (NULL, 'x')").code()).isEqualTo(ErrorCode.NOT_NULL_VIOLATION);
        assertThat(sql.query("SELECT id, v FROM keyed WHERE v = 'b'")).containsExactly(List.of("2", "b"));
        assertThat(sql.query("SELECT count(*) FROM keyed WHERE id = 1")).containsExactly(List.of("2"));
        assertThat(sql.query("SELECT count(*) FROM pg_constraint WHERE conname = 'keyed_pkey'")).containsExactly(List.of("0"));
    }
}
