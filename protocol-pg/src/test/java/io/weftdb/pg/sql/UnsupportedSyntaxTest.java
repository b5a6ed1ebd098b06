package io.weftdb.pg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid PostgreSQL the IR cannot carry is rejected as not supported, naming the feature and
 * pointing at it, rather than parsed and silently dropped.
 */
final class UnsupportedSyntaxTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT a COLLATE \"en_US\" FROM t | COLLATE is not supported | \"en_US\"",
            "VALUES (1) FOR UPDATE | FOR UPDATE cannot be applied to VALUES | FOR",
            "SELECT * FROM (a JOIN b ON true) AS j | an alias on a parenthesized join is not supported | AS j",
            "CREATE TEMPORARY VIEW v AS SELECT 1 | temporary views are not supported | TEMPORARY",
            "CREATE UNLOGGED VIEW v AS SELECT 1 | views cannot be unlogged because they do not have storage | UNLOGGED",
            "CREATE TEMP SEQUENCE s | temporary sequences are not supported | TEMP",
            "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START WITH 10))"
                    + " | sequence options of identity columns are not supported | GENERATED",
            "ALTER TABLE t DROP CONSTRAINT c CASCADE | DROP CONSTRAINT ... CASCADE is not supported | CASCADE",
            "ALTER TABLE t ALTER c TYPE int USING c::int | ALTER COLUMN TYPE ... USING is not supported | c::int",
            "CREATE INDEX i ON t (a DESC NULLS LAST) | index columns with a non-default NULLS order are not supported | a DESC",
            "CREATE SEQUENCE s OWNED BY t.id | OWNED BY a column is not supported | OWNED"})
    void isRejectedAsNotSupported(String sql, String message, String at) {
        assertThatThrownBy(() -> parser.parseOne(sql)).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(sql.indexOf(at) + 1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UPDATE t SET (a, b) = (1, 2) | (",
            "CREATE INDEX IF NOT EXISTS ON t (a) | ON",
            "CREATE TABLE t (a int REFERENCES u ON DELETE CASCADE ON DELETE RESTRICT) | ON DELETE RESTRICT"})
    void isASyntaxErrorWhereItStops(String sql, String at) {
        assertThatThrownBy(() -> parser.parseOne(sql)).isInstanceOfSatisfying(SqlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
            assertThat(e.position()).isEqualTo(sql.indexOf(at) + 1);
        });
    }
}
