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
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Case folding, quoting, and keywords that stay usable as names. */
final class IdentifierParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void unquotedNamesFoldToLowerCase() {
        assertThat(parser.parseOne("SELECT MyColumn FROM Public.MyTable")).isEqualTo(select(
                List.of(item(column(8, "mycolumn"))),
                List.of(new FromItem.TableRef(QualifiedName.of("public", "mytable"), null, List.of(), 22))));
    }

    @Test
    void quotedNamesKeepTheirCaseAndDoubledQuotes() {
        assertThat(parser.parseOne("SELECT \"MyColumn\" AS \"Say \"\"hi\"\"\" FROM \"T\"")).isEqualTo(select(
                List.of(item(column(8, "MyColumn"), "Say \"hi\"")),
                List.of(table("T", 40))));
    }

    @Test
    void onlyAsciiLettersFold() {
        assertThat(parser.parseOne("SELECT ÄBC")).isEqualTo(select(List.of(item(column(8, "Äbc"))), List.of()));
    }

    @Test
    void unicodeQuotedIdentifierResolvesEscapes() {
        assertThat(parser.parseOne("SELECT U&\"d\\0061ta\"")).isEqualTo(select(List.of(item(column(8, "data"))),
                List.of()));
    }

    @Test
    void nonReservedKeywordsNameColumns() {
        SchemaChange.CreateTable create = (SchemaChange.CreateTable) parser.parseOne(
                "CREATE TABLE t (name text, key int, value text, date date, type text, action text, data bytea,"
                        + " first int, last int, time time, timestamp timestamp, text text, level int, zone text)");
        assertThat(create.columns()).extracting(ColumnDefinition::name).containsExactly(
                "name", "key", "value", "date", "type", "action", "data", "first", "last", "time", "timestamp",
                "text", "level", "zone");
        assertThat(create.columns()).extracting(ColumnDefinition::type).containsExactly(
                DataType.TEXT, DataType.INTEGER, DataType.TEXT, DataType.DATE, DataType.TEXT, DataType.TEXT,
                DataType.BYTEA, DataType.INTEGER, DataType.INTEGER, DataType.TIME, DataType.TIMESTAMP, DataType.TEXT,
                DataType.INTEGER, DataType.TEXT);
    }

    @Test
    void keywordColumnsWorkInExpressionsAndAliases() {
        assertThat(parser.parseOne("SELECT key, value v, type AS t FROM kv WHERE name = date")).isEqualTo(select(
                List.of(item(column(8, "key")), item(column(13, "value"), "v"), item(column(22, "type"), "t")),
                List.of(table("kv", 37)),
                ExpectedIr.binary(io.weftdb.ir.expr.BinaryOperator.EQUAL, column(46, "name"), column(53, "date"))));
    }

    @Test
    void typeKeywordsNameColumnsWhereNoLiteralFollows() {
        assertThat(parser.parseOne("SELECT time, timestamp, interval, t.date FROM t")).isEqualTo(select(List.of(
                item(column(8, "time")), item(column(14, "timestamp")), item(column(25, "interval")),
                item(column(35, "t", "date"))), List.of(table("t", 47))));
    }

    @Test
    void anyKeywordIsAnAliasAfterAs() {
        assertThat(parser.parseOne("SELECT 1 AS from")).isEqualTo(select(
                List.of(item(ExpectedIr.integer(1, 8), "from")), List.of()));
    }

    @Test
    void anyKeywordIsAFieldNameAfterADot() {
        assertThat(parser.parseOne("SELECT t.select FROM t")).isEqualTo(select(
                List.of(item(column(8, "t", "select"))), List.of(table("t", 22))));
    }

    @Test
    void functionNameKeywordsCallFunctions() {
        assertThat(parser.parseOne("SELECT left(s, 2)")).isEqualTo(select(List.of(item(
                ExpectedIr.call("left", 8, column(13, "s"), ExpectedIr.integer(2, 16)))), List.of()));
    }

    @Test
    void reservedKeywordIsNotAColumnName() {
        assertThatThrownBy(() -> parser.parseOne("CREATE TABLE t (select int)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("syntax error at or near \"select\"");
                    assertThat(e.position()).isEqualTo(17);
                });
    }

    @Test
    void zeroLengthQuotedIdentifierIsAnError() {
        assertThatThrownBy(() -> parser.parseOne("SELECT \"\""))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("zero-length delimited identifier at or near \"\"\"\"");
                    assertThat(e.position()).isEqualTo(8);
                });
    }
}
