package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static io.weftdb.pg.sql.ExpectedIr.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Explain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COPY in both option syntaxes, and EXPLAIN. */
final class CopyAndExplainParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    /** A map that, unlike Map.of, may hold the null values of bare flags. */
    private static Map<String, String> options(String... namesAndValues) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }

    @Test
    void copyFromStdinWithParenthesizedOptions() {
        assertThat(parser.parseOne("COPY s.t (a, b) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';', NULL '',"
                + " FORCE_NOT_NULL (a, b), FORCE_QUOTE *, ENCODING 'UTF8', freeze on)")).isEqualTo(
                new Copy(QualifiedName.of("s", "t"), List.of("a", "b"), null, Copy.Direction.FROM, null, options(
                        "format", "csv", "header", null, "delimiter", ";", "null", "", "force_not_null", "a,b",
                        "force_quote", "*", "encoding", "UTF8", "freeze", "on")));
    }

    @Test
    void copyOptionsKeepTheirWrittenOrder() {
        Copy copy = (Copy) parser.parseOne("COPY t TO STDOUT (HEADER true, FORMAT text)");
        assertThat(copy.options().keySet()).containsExactly("header", "format");
        assertThat(copy.options()).containsEntry("header", "true").containsEntry("format", "text");
    }

    @Test
    void copyWithPreNineOptionWords() {
        assertThat(parser.parseOne("COPY t TO STDOUT WITH CSV HEADER DELIMITER AS ',' NULL AS 'x' QUOTE '\"'"
                + " ESCAPE '\\' FORCE QUOTE a, b")).isEqualTo(new Copy(QualifiedName.of("t"), List.of(), null,
                Copy.Direction.TO, null, options("format", "csv", "header", null, "delimiter", ",", "null", "x",
                        "quote", "\"", "escape", "\\", "force_quote", "a,b")));
        assertThat(parser.parseOne("COPY t FROM STDIN BINARY FREEZE")).isEqualTo(new Copy(QualifiedName.of("t"),
                List.of(), null, Copy.Direction.FROM, null, options("format", "binary", "freeze", null)));
        assertThat(parser.parseOne("COPY t FROM STDIN CSV FORCE NOT NULL a FORCE NULL b ENCODING 'LATIN1'"))
                .isEqualTo(new Copy(QualifiedName.of("t"), List.of(), null, Copy.Direction.FROM, null, options(
                        "format", "csv", "force_not_null", "a", "force_null", "b", "encoding", "LATIN1")));
    }

    @Test
    void copyToAFileAndFromAQuery() {
        assertThat(parser.parseOne("COPY t TO '/tmp/t.csv' (FORMAT csv)")).isEqualTo(new Copy(QualifiedName.of("t"),
                List.of(), null, Copy.Direction.TO, "/tmp/t.csv", options("format", "csv")));
        assertThat(parser.parseOne("COPY (SELECT a FROM t) TO STDOUT")).isEqualTo(new Copy(null, List.of(),
                select(List.of(item(column(14, "a"))), List.of(table("t", 21))), Copy.Direction.TO, null, Map.of()));
    }

    @Test
    void repeatedCopyOptionIsAnError() {
        assertThatThrownBy(() -> parser.parseOne("COPY t FROM STDIN (FORMAT csv, FORMAT text)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("conflicting or redundant options");
                    assertThat(e.position()).isEqualTo(32);
                });
    }

    @Test
    void explainWithKeywordsOrAnOptionList() {
        assertThat(parser.parseOne("EXPLAIN SELECT a FROM t")).isEqualTo(new Explain(
                select(List.of(item(column(16, "a"))), List.of(table("t", 23))), false, false));
        assertThat(parser.parseOne("EXPLAIN ANALYZE VERBOSE SELECT a FROM t")).isEqualTo(new Explain(
                select(List.of(item(column(32, "a"))), List.of(table("t", 39))), true, true));
        assertThat(parser.parseOne("EXPLAIN (ANALYZE, VERBOSE false, COSTS off, FORMAT TEXT) SELECT a FROM t"))
                .isEqualTo(new Explain(select(List.of(item(column(65, "a"))), List.of(table("t", 72))), true, false));
        assertThat(parser.parseOne("EXPLAIN (VERBOSE) (SELECT a FROM t)")).isEqualTo(new Explain(
                select(List.of(item(column(27, "a"))), List.of(table("t", 34))), false, true));
    }

    @Test
    void explainDataChanges() {
        assertThat(((Explain) parser.parseOne("EXPLAIN ANALYZE DELETE FROM t")).statement())
                .isEqualTo(new DataChange.Delete(List.of(), QualifiedName.of("t"), null, List.of(), null, List.of()));
    }

    @Test
    void explainRejectsUnknownOptionsAndOtherFormats() {
        assertThatThrownBy(() -> parser.parseOne("EXPLAIN (FORMAT JSON) SELECT 1"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("EXPLAIN format \"json\" is not supported");
                });
        assertThatThrownBy(() -> parser.parseOne("EXPLAIN (BOGUS) SELECT 1"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("unrecognized EXPLAIN option \"bogus\"");
                    assertThat(e.position()).isEqualTo(10);
                });
        assertThatThrownBy(() -> parser.parseOne("EXPLAIN (ANALYZE maybe) SELECT 1"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("analyze requires a Boolean value"));
    }
}
