package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static io.weftdb.pg.sql.ExpectedIr.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.DataChange;
import io.weftdb.ir.stmt.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE. */
final class DataChangeParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void insertValuesWithColumnsDefaultsAndReturning() {
        assertThat(parser.parseOne("INSERT INTO s.t AS x (a, b) VALUES (1, DEFAULT), (2, 'z') RETURNING a, b AS bee"))
                .isEqualTo(new DataChange.Insert(List.of(), QualifiedName.of("s", "t"), "x", List.of("a", "b"),
                        new Query.Values(List.of(
                                List.of(integer(1, 37), new Expr.DefaultValue(40)),
                                List.of(integer(2, 51), string("z", 54))), List.of(), null, null),
                        null,
                        List.of(item(column(69, "a")), item(column(72, "b"), "bee"))));
    }

    @Test
    void insertFromSelectAndDefaultValues() {
        assertThat(parser.parseOne("INSERT INTO t SELECT * FROM u")).isEqualTo(new DataChange.Insert(List.of(),
                QualifiedName.of("t"), null, List.of(),
                select(List.of(item(new Expr.Star(null, 22))), List.of(table("u", 29))), null, List.of()));
        assertThat(parser.parseOne("INSERT INTO t DEFAULT VALUES")).isEqualTo(new DataChange.Insert(List.of(),
                QualifiedName.of("t"), null, List.of(), null, null, List.of()));
    }

    @Test
    void insertWithCommonTableExpression() {
        DataChange.Insert insert = (DataChange.Insert) parser.parseOne(
                "WITH n AS (SELECT 1 AS v) INSERT INTO t (v) SELECT v FROM n");
        assertThat(insert.with()).containsExactly(
                new Query.With("n", List.of(), select(List.of(item(integer(1, 19), "v")), List.of()), false));
    }

    @Test
    void defaultIsNotAllowedInAValuesCombinedWithAnotherQuery() {
        assertThatThrownBy(() -> parser.parseOne("INSERT INTO t VALUES (1) UNION VALUES (DEFAULT)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("DEFAULT is not allowed in this context");
                    assertThat(e.position()).isEqualTo(40);
                });
    }

    @Test
    void onConflictDoNothing() {
        DataChange.Insert insert = (DataChange.Insert) parser.parseOne(
                "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING");
        assertThat(insert.onConflict()).isEqualTo(
                new DataChange.OnConflict(List.of(), null, true, List.of(), null));
    }

    @Test
    void onConflictDoUpdateWithTargetAndWhere() {
        String sql = "INSERT INTO t (k, v) VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v, w = DEFAULT"
                + " WHERE t.v < 9";
        DataChange.Insert insert = (DataChange.Insert) parser.parseOne(sql);
        assertThat(insert.onConflict()).isEqualTo(new DataChange.OnConflict(List.of("k"), null, false,
                List.of(new DataChange.Assignment("v", column(sql.indexOf("excluded") + 1, "excluded", "v")),
                        new DataChange.Assignment("w", new Expr.DefaultValue(sql.indexOf("DEFAULT") + 1))),
                binary(BinaryOperator.LESS, column(sql.indexOf("t.v") + 1, "t", "v"), integer(9, sql.indexOf("9") + 1))));
    }

    @Test
    void onConflictOnConstraint() {
        DataChange.Insert insert = (DataChange.Insert) parser.parseOne(
                "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING");
        assertThat(insert.onConflict()).isEqualTo(new DataChange.OnConflict(List.of(), "t_pkey", true, List.of(), null));
    }

    @Test
    void onConflictDoUpdateNeedsATarget() {
        assertThatThrownBy(() -> parser.parseOne("INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = 1"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage())
                            .isEqualTo("ON CONFLICT DO UPDATE requires inference specification or constraint name");
                });
    }

    @Test
    void updateWithAliasFromWhereAndReturning() {
        String sql = "UPDATE t AS x SET a = a + 1, b = DEFAULT FROM u WHERE x.id = u.id RETURNING *";
        assertThat(parser.parseOne(sql)).isEqualTo(new DataChange.Update(List.of(), QualifiedName.of("t"), "x",
                List.of(new DataChange.Assignment("a", binary(BinaryOperator.ADD, column(23, "a"), integer(1, 27))),
                        new DataChange.Assignment("b", new Expr.DefaultValue(34))),
                List.of(table("u", 47)),
                binary(BinaryOperator.EQUAL, column(55, "x", "id"), column(62, "u", "id")),
                List.of(item(new Expr.Star(null, 77)))));
    }

    @Test
    void updateAliasWithoutAs() {
        DataChange.Update update = (DataChange.Update) parser.parseOne("UPDATE t x SET a = 1");
        assertThat(update.alias()).isEqualTo("x");
        assertThat(((DataChange.Update) parser.parseOne("UPDATE t SET a = 1")).alias()).isNull();
    }

    @Test
    void deleteWithUsingWhereAndReturning() {
        String sql = "DELETE FROM t AS x USING u, v WHERE x.id = u.id RETURNING x.id";
        assertThat(parser.parseOne(sql)).isEqualTo(new DataChange.Delete(List.of(), QualifiedName.of("t"), "x",
                List.of(table("u", 26), table("v", 29)),
                binary(BinaryOperator.EQUAL, column(37, "x", "id"), column(44, "u", "id")),
                List.of(item(column(59, "x", "id")))));
    }

    @Test
    void deleteEverything() {
        assertThat(parser.parseOne("DELETE FROM t")).isEqualTo(new DataChange.Delete(List.of(), QualifiedName.of("t"),
                null, List.of(), null, List.of()));
    }
}
