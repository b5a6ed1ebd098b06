package io.weftdb.ir.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPushdownTest {
    private static final QueryPushdown.Facts FACTS = new QueryPushdown.Facts() {
        @Override
        public boolean aggregates(Query.Select select) {
            return !select.groupBy().isEmpty();
        }

        @Override
        public boolean pinned(Expr expr) {
            return io.weftdb.ir.expr.ExprTrees.find(expr, node -> node instanceof Expr.FunctionCall call
                    && call.name().name().equals("random")) != null;
        }
    };

    private static Expr column(String... parts) {
        return new Expr.ColumnRef(QualifiedName.of(parts), 0);
    }

    private static Expr equalsOne(Expr expr) {
        return new Expr.Binary(BinaryOperator.EQUAL, expr, new Expr.Literal(1L, DataType.BIGINT, 0), 0);
    }

    /** SELECT t.a AS x, t.b + 1 AS y FROM t [GROUP BY ...] [LIMIT ...]. */
    private static Query.Select select(List<Expr> groupBy, Expr limit) {
        List<Query.SelectItem> items = List.of(new Query.SelectItem(column("t", "a"), "x"),
                new Query.SelectItem(new Expr.Binary(BinaryOperator.ADD, column("t", "b"),
                        new Expr.Literal(1L, DataType.BIGINT, 0), 0), "y"));
        return new Query.Select(List.of(), false, List.of(), items,
                List.of(new FromItem.TableRef(QualifiedName.of("t"), null, List.of(), 0)), null, groupBy, null, List.of(),
                limit, null, Query.LockMode.NONE, List.of(), Query.LockWait.WAIT);
    }

    @Test
    void aConditionOnAPlainColumnMovesIntoTheWhereClauseAsTheInnerColumn() {
        QueryPushdown.Split split = QueryPushdown.filtered(select(List.of(), null), "d", List.of("x", "y"), null,
                List.of(equalsOne(column("d", "x")), equalsOne(column("y"))), FACTS);
        assertThat(split.taken()).containsExactly(equalsOne(column("d", "x")));
        assertThat(split.left()).containsExactly(equalsOne(column("y")));
        assertThat(((Query.Select) split.query()).where()).isEqualTo(equalsOne(column("t", "a")));
    }

    @Test
    void nothingMovesPastALimitNorDoesAnOuterColumnOrAVolatileCall() {
        assertThat(QueryPushdown.filtered(select(List.of(), new Expr.Literal(5L, DataType.BIGINT, 0)), "d",
                List.of("x", "y"), null, List.of(equalsOne(column("x"))), FACTS)).isNull();
        assertThat(QueryPushdown.filtered(select(List.of(), null), "d", List.of("x", "y"), null,
                List.of(new Expr.Binary(BinaryOperator.EQUAL, column("x"), column("outer", "z"), 0)), FACTS)).isNull();
        Expr random = Expr.FunctionCall.of("random", List.of(), 0);
        assertThat(QueryPushdown.filtered(select(List.of(), null), "d", List.of("x", "y"), null,
                List.of(new Expr.Binary(BinaryOperator.LESS, column("x"), random, 0)), FACTS)).isNull();
    }

    @Test
    void aGroupedQueryTakesConditionsOnItsGroupingColumnsOnly() {
        Query.Select grouped = select(List.of(column("t", "a")), null);
        assertThat(QueryPushdown.filtered(grouped, "d", List.of("x", "y"), null, List.of(equalsOne(column("x"))), FACTS))
                .isNotNull();
        Query.Select byOrdinal = select(List.of(new Expr.Literal(1L, DataType.BIGINT, 0)), null);
        assertThat(QueryPushdown.filtered(byOrdinal, "d", List.of("x", "y"), null, List.of(equalsOne(column("x"))), FACTS))
                .isNotNull();
        Query.Select byOther = select(List.of(column("t", "b")), null);
        assertThat(QueryPushdown.filtered(byOther, "d", List.of("x", "y"), null, List.of(equalsOne(column("x"))), FACTS))
                .isNull();
    }

    @Test
    void aSelectStarMapsItsOwnColumnNamesWhenTheyAreUnique() {
        Query.Select star = new Query.Select(List.of(), false, List.of(),
                List.of(new Query.SelectItem(new Expr.Star(QualifiedName.of("t"), 0), null)),
                List.of(new FromItem.TableRef(QualifiedName.of("t"), null, List.of(), 0)), null, List.of(), null, List.of(),
                null, null, Query.LockMode.NONE, List.of(), Query.LockWait.WAIT);
        QueryPushdown.Split split = QueryPushdown.filtered(star, "v", List.of("a", "b"), List.of("a", "b"),
                List.of(equalsOne(column("v", "b"))), FACTS);
        assertThat(((Query.Select) split.query()).where()).isEqualTo(equalsOne(column("t", "b")));
        // Without its own names (renamed by the outer query), or with a name twice, nothing moves.
        assertThat(QueryPushdown.filtered(star, "v", List.of("a", "b"), null, List.of(equalsOne(column("b"))), FACTS))
                .isNull();
        assertThat(QueryPushdown.filtered(star, "v", List.of("a", "b"), List.of("b", "b"), List.of(equalsOne(column("b"))),
                FACTS)).isNull();
    }
}
