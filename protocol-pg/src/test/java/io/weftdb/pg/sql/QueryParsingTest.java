package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static io.weftdb.pg.sql.ExpectedIr.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SELECT, VALUES, set operations, WITH and the FROM clause. */
final class QueryParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private Query query(String sql) {
        return (Query) parser.parseOne(sql);
    }

    private static Query.Select withClauses(Query.Select select, List<SortItem> orderBy, Expr limit, Expr offset,
                                            Query.LockMode lockMode) {
        return new Query.Select(select.with(), select.distinct(), select.distinctOn(), select.items(), select.from(),
                select.where(), select.groupBy(), select.having(), orderBy, limit, offset, lockMode);
    }

    @Test
    void starAndQualifiedStarAndAliasesWithAndWithoutAs() {
        assertThat(query("SELECT *, t.*, a AS x, b y FROM t")).isEqualTo(select(List.of(
                item(new Expr.Star(null, 8)),
                item(new Expr.Star(QualifiedName.of("t"), 11)),
                item(column(16, "a"), "x"),
                item(column(24, "b"), "y")), List.of(table("t", 33))));
    }

    @Test
    void selectWithoutFromOrSelectList() {
        assertThat(query("SELECT 1")).isEqualTo(select(List.of(item(integer(1, 8))), List.of()));
        assertThat(query("SELECT FROM t")).isEqualTo(select(List.of(), List.of(table("t", 13))));
    }

    @Test
    void distinctAndDistinctOn() {
        Query.Select distinct = (Query.Select) query("SELECT DISTINCT a FROM t");
        assertThat(distinct.distinct()).isTrue();
        assertThat(distinct.distinctOn()).isEmpty();
        Query.Select distinctOn = (Query.Select) query("SELECT DISTINCT ON (a, b) a, c FROM t");
        assertThat(distinctOn.distinct()).isFalse();
        assertThat(distinctOn.distinctOn()).containsExactly(column(21, "a"), column(24, "b"));
        assertThat(((Query.Select) query("SELECT ALL a FROM t")).distinct()).isFalse();
    }

    @Test
    void whereGroupByHaving() {
        assertThat(query("SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 2")).isEqualTo(
                new Query.Select(List.of(), false, List.of(),
                        List.of(item(column(8, "a")), item(new Expr.FunctionCall(QualifiedName.of("count"), List.of(),
                                false, true, null, List.of(), null, 11))),
                        List.of(table("t", 25)),
                        binary(BinaryOperator.GREATER, column(33, "b"), integer(1, 37)),
                        List.of(column(48, "a")),
                        binary(BinaryOperator.GREATER, new Expr.FunctionCall(QualifiedName.of("count"), List.of(),
                                false, true, null, List.of(), null, 57), integer(2, 68)),
                        List.of(), null, null, Query.LockMode.NONE));
    }

    @Test
    void orderByWithDirectionsAndNullsOrdering() {
        Query.Select select = (Query.Select) query("SELECT a FROM t ORDER BY a, b DESC, c ASC NULLS FIRST, d DESC NULLS LAST");
        assertThat(select.orderBy()).containsExactly(
                new SortItem(column(26, "a"), false, null),
                new SortItem(column(29, "b"), true, null),
                new SortItem(column(37, "c"), false, true),
                new SortItem(column(56, "d"), true, false));
    }

    @Test
    void limitAndOffset() {
        Query.Select base = select(List.of(item(column(8, "a"))), List.of(table("t", 15)));
        assertThat(query("SELECT a FROM t LIMIT 10 OFFSET 5")).isEqualTo(
                withClauses(base, List.of(), integer(10, 23), integer(5, 33), Query.LockMode.NONE));
        assertThat(query("SELECT a FROM t OFFSET 5 ROWS LIMIT ALL")).isEqualTo(
                withClauses(base, List.of(), null, integer(5, 24), Query.LockMode.NONE));
    }

    @Test
    void fetchFirstIsALimitThatDefaultsToOneRow() {
        Query.Select base = select(List.of(item(column(8, "a"))), List.of(table("t", 15)));
        assertThat(query("SELECT a FROM t FETCH FIRST 3 ROWS ONLY")).isEqualTo(
                withClauses(base, List.of(), integer(3, 29), null, Query.LockMode.NONE));
        assertThat(query("SELECT a FROM t OFFSET 2 ROW FETCH NEXT ROW ONLY")).isEqualTo(
                withClauses(base, List.of(), integer(1, 0), integer(2, 24), Query.LockMode.NONE));
    }

    @Test
    void twoLimitsAreAnError() {
        assertThatThrownBy(() -> query("(SELECT a FROM t LIMIT 1) LIMIT 2"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("multiple LIMIT clauses not allowed");
                    assertThat(e.position()).isEqualTo(27);
                });
    }

    @Test
    void clausesAfterAParenthesizedQueryApplyToIt() {
        Query.Select base = select(List.of(item(column(9, "a"))), List.of(table("t", 16)));
        assertThat(query("(SELECT a FROM t) ORDER BY a LIMIT 1")).isEqualTo(
                withClauses(base, List.of(new SortItem(column(28, "a"), false, null)), integer(1, 36), null,
                        Query.LockMode.NONE));
    }

    @Test
    void lockingClauses() {
        assertThat(((Query.Select) query("SELECT * FROM t FOR UPDATE")).lockMode()).isEqualTo(Query.LockMode.FOR_UPDATE);
        assertThat(((Query.Select) query("SELECT * FROM t FOR NO KEY UPDATE")).lockMode())
                .isEqualTo(Query.LockMode.FOR_NO_KEY_UPDATE);
        assertThat(((Query.Select) query("SELECT * FROM t FOR SHARE")).lockMode()).isEqualTo(Query.LockMode.FOR_SHARE);
        assertThat(((Query.Select) query("SELECT * FROM t FOR KEY SHARE")).lockMode())
                .isEqualTo(Query.LockMode.FOR_KEY_SHARE);
        assertThat(((Query.Select) query("SELECT * FROM t LIMIT 1 FOR SHARE FOR UPDATE")).lockMode())
                .isEqualTo(Query.LockMode.FOR_UPDATE);
    }

    @Test
    void lockingASetOperationIsNotSupported() {
        assertThatThrownBy(() -> query("SELECT 1 UNION SELECT 2 FOR UPDATE"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
                    assertThat(e.position()).isEqualTo(25);
                });
    }

    @Test
    void intersectBindsTighterThanUnion() {
        assertThat(query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3")).isEqualTo(
                new Query.SetOperation(List.of(), Query.SetOperator.UNION, false,
                        select(List.of(item(integer(1, 8))), List.of()),
                        new Query.SetOperation(List.of(), Query.SetOperator.INTERSECT, false,
                                select(List.of(item(integer(2, 23))), List.of()),
                                select(List.of(item(integer(3, 42))), List.of()),
                                List.of(), null, null),
                        List.of(), null, null));
    }

    @Test
    void unionAndExceptAreLeftAssociativeAndTakeAllOrDistinct() {
        assertThat(query("SELECT 1 EXCEPT ALL SELECT 2 UNION DISTINCT SELECT 3")).isEqualTo(
                new Query.SetOperation(List.of(), Query.SetOperator.UNION, false,
                        new Query.SetOperation(List.of(), Query.SetOperator.EXCEPT, true,
                                select(List.of(item(integer(1, 8))), List.of()),
                                select(List.of(item(integer(2, 28))), List.of()),
                                List.of(), null, null),
                        select(List.of(item(integer(3, 52))), List.of()),
                        List.of(), null, null));
    }

    @Test
    void parenthesesGroupSetOperationsAndOrderByAppliesToTheWhole() {
        assertThat(query("SELECT 1 UNION (SELECT 2 UNION ALL SELECT 3) ORDER BY 1 LIMIT 2")).isEqualTo(
                new Query.SetOperation(List.of(), Query.SetOperator.UNION, false,
                        select(List.of(item(integer(1, 8))), List.of()),
                        new Query.SetOperation(List.of(), Query.SetOperator.UNION, true,
                                select(List.of(item(integer(2, 24))), List.of()),
                                select(List.of(item(integer(3, 43))), List.of()),
                                List.of(), null, null),
                        List.of(new SortItem(integer(1, 55), false, null)), integer(2, 63), null));
    }

    @Test
    void valuesListWithOrderByAndLimit() {
        assertThat(query("VALUES (1, 'a'), (2, 'b') ORDER BY 1 LIMIT 1")).isEqualTo(new Query.Values(
                List.of(List.of(integer(1, 9), ExpectedIr.string("a", 12)),
                        List.of(integer(2, 19), ExpectedIr.string("b", 22))),
                List.of(new SortItem(integer(1, 36), false, null)), integer(1, 44), null));
    }

    @Test
    void valuesRowsMustHaveTheSameLength() {
        assertThatThrownBy(() -> query("VALUES (1), (2, 3)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("VALUES lists must all be the same length");
                    assertThat(e.position()).isEqualTo(13);
                });
    }

    @Test
    void defaultIsNotAllowedInAStandaloneValues() {
        assertThatThrownBy(() -> query("VALUES (DEFAULT)"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("DEFAULT is not allowed in this context");
                    assertThat(e.position()).isEqualTo(9);
                });
    }

    @Test
    void tableIsSelectStar() {
        assertThat(query("TABLE t")).isEqualTo(select(List.of(item(new Expr.Star(null, 1))), List.of(table("t", 7))));
    }

    @Test
    void withAndWithRecursive() {
        Query.Select plain = (Query.Select) query("WITH a (x) AS (SELECT 1), b AS (SELECT 2) SELECT * FROM a, b");
        assertThat(plain.with()).containsExactly(
                new Query.With("a", List.of("x"), select(List.of(item(integer(1, 23))), List.of()), false),
                new Query.With("b", List.of(), select(List.of(item(integer(2, 40))), List.of()), false));
        assertThat(plain.from()).containsExactly(table("a", 57), table("b", 60));

        Query.Select outer = (Query.Select) query(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r");
        assertThat(outer.with().getFirst().recursive()).isTrue();
        assertThat(outer.with().getFirst().query()).isInstanceOf(Query.SetOperation.class);
    }

    @Test
    void withOverValuesBecomesASelectFromTheValues() {
        assertThat(query("WITH a AS (SELECT 1) VALUES (2)")).isEqualTo(new Query.Select(
                List.of(new Query.With("a", List.of(), select(List.of(item(integer(1, 19))), List.of()), false)),
                false, List.of(), List.of(item(new Expr.Star(null, 0))),
                List.of(new FromItem.DerivedTable(new Query.Values(List.of(List.of(integer(2, 30))), List.of(), null,
                        null), null, List.of(), false, 0)),
                null, List.of(), null, List.of(), null, null, Query.LockMode.NONE));
    }

    @Test
    void tableAliasesWithColumnAliases() {
        assertThat(((Query.Select) query("SELECT * FROM s.t AS x (a, b), u y")).from()).containsExactly(
                new FromItem.TableRef(QualifiedName.of("s", "t"), "x", List.of("a", "b"), 15),
                new FromItem.TableRef(QualifiedName.of("u"), "y", List.of(), 32));
    }

    @Test
    void derivedTablesLateralAndFunctionTables() {
        List<FromItem> from = ((Query.Select) query(
                "SELECT * FROM (SELECT 1) AS d(one), LATERAL (SELECT 2) l, generate_series(1, 3) AS g(n)")).from();
        assertThat(from).containsExactly(
                new FromItem.DerivedTable(select(List.of(item(integer(1, 23))), List.of()), "d", List.of("one"),
                        false, 15),
                new FromItem.DerivedTable(select(List.of(item(integer(2, 53))), List.of()), "l", List.of(), true,
                        37),
                new FromItem.FunctionTable(ExpectedIr.call("generate_series", 59, integer(1, 75), integer(3, 78)),
                        "g", List.of("n"), false, 59));
    }

    @Test
    void joinsOfEveryKind() {
        FromItem from = ((Query.Select) query(
                "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) RIGHT OUTER JOIN d ON true"
                        + " FULL JOIN e ON false CROSS JOIN f NATURAL LEFT JOIN g")).from().getFirst();
        FromItem ab = new FromItem.Join(FromItem.JoinType.INNER, table("a", 15), table("b", 22),
                binary(BinaryOperator.EQUAL, column(27, "a", "id"), column(34, "b", "id")), List.of(), false);
        FromItem abc = new FromItem.Join(FromItem.JoinType.LEFT, ab, table("c", 49), null, List.of("id"), false);
        FromItem abcd = new FromItem.Join(FromItem.JoinType.RIGHT, abc, table("d", 79), ExpectedIr.bool(true, 84),
                List.of(), false);
        FromItem abcde = new FromItem.Join(FromItem.JoinType.FULL, abcd, table("e", 99), ExpectedIr.bool(false, 104),
                List.of(), false);
        FromItem abcdef = new FromItem.Join(FromItem.JoinType.CROSS, abcde, table("f", 121), null, List.of(), false);
        assertThat(from).isEqualTo(new FromItem.Join(FromItem.JoinType.LEFT, abcdef, table("g", 141), null,
                List.of(), true));
    }

    @Test
    void parenthesizedJoinNests() {
        assertThat(((Query.Select) query("SELECT * FROM a JOIN (b JOIN c ON x) ON y")).from()).containsExactly(
                new FromItem.Join(FromItem.JoinType.INNER, table("a", 15),
                        new FromItem.Join(FromItem.JoinType.INNER, table("b", 23), table("c", 30), column(35, "x"),
                                List.of(), false),
                        column(41, "y"), List.of(), false));
    }

    @Test
    void innerJoinKeyword() {
        assertThat(((Query.Select) query("SELECT * FROM a INNER JOIN b ON true")).from().getFirst())
                .isEqualTo(new FromItem.Join(FromItem.JoinType.INNER, table("a", 15), table("b", 28),
                        ExpectedIr.bool(true, 33), List.of(), false));
    }
}
