package io.weftdb.pg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** The syntax catalog queries use: psql's COLLATE pg_catalog.default, casts to oid and the reg* types. */
final class CatalogSyntaxTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private Expr selectExpression(String text) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT " + text);
        return select.items().getFirst().expression();
    }

    @Test
    void theDefaultCollationsLeaveTheExpressionAsItIs() {
        Expr collated = selectExpression("c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default");

        assertThat(collated).isInstanceOfSatisfying(Expr.Binary.class, binary -> {
            assertThat(binary.operator()).isEqualTo(BinaryOperator.REGEX_MATCH);
            assertThat(binary.right()).isInstanceOf(Expr.Literal.class);
        });
        assertThat(selectExpression("name COLLATE \"C\"")).isInstanceOf(Expr.ColumnRef.class);
        assertThat(selectExpression("name COLLATE \"POSIX\"")).isInstanceOf(Expr.ColumnRef.class);
    }

    @Test
    void anotherCollationIsNotSupported() {
        assertThatThrownBy(() -> parser.parseOne("SELECT name COLLATE \"de_DE\" FROM t"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void castsToObjectIdentifierTypesCallTheCatalogFunctionOfTheTypesName() {
        assertThat(selectExpression("conrelid::pg_catalog.regclass")).isInstanceOfSatisfying(Expr.FunctionCall.class, call -> {
            assertThat(call.name()).isEqualTo(QualifiedName.of("regclass"));
            assertThat(call.arguments()).containsExactly(new Expr.ColumnRef(QualifiedName.of("conrelid"), 8));
        });
        assertThat(selectExpression("CAST(23 AS regtype)")).isInstanceOfSatisfying(Expr.FunctionCall.class,
                call -> assertThat(call.name()).isEqualTo(QualifiedName.of("regtype")));
        assertThat(selectExpression("'public'::regnamespace")).isInstanceOfSatisfying(Expr.FunctionCall.class,
                call -> assertThat(call.arguments()).hasSize(1));
    }

    @Test
    void oidIsABigintAndArraysOfRegTypesStayUnsupported() {
        assertThat(selectExpression("'16384'::oid")).isInstanceOfSatisfying(Expr.Cast.class,
                cast -> assertThat(cast.type()).isEqualTo(DataType.BIGINT));
        assertThatThrownBy(() -> parser.parseOne("SELECT x::regclass[]"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void arrayOfASubqueryAggregatesItsColumnWithAnEmptyArrayForNoRows() {
        Expr array = selectExpression("ARRAY(SELECT rolname FROM pg_roles ORDER BY 1)");

        assertThat(array).isInstanceOfSatisfying(Expr.FunctionCall.class, coalesce -> {
            assertThat(coalesce.name()).isEqualTo(QualifiedName.of("coalesce"));
            assertThat(coalesce.arguments().get(1)).isEqualTo(new Expr.Literal("{}", DataType.UNKNOWN, 8));
            Query.Select aggregate = (Query.Select) ((Expr.ScalarSubquery) coalesce.arguments().get(0)).query();
            assertThat(aggregate.items().getFirst().expression()).isInstanceOfSatisfying(Expr.FunctionCall.class,
                    call -> assertThat(call.name()).isEqualTo(QualifiedName.of("array_agg")));
            assertThat(aggregate.from().getFirst()).isInstanceOfSatisfying(FromItem.DerivedTable.class, derived -> {
                assertThat(derived.columnAliases()).containsExactly("element");
                assertThat(((Query.Select) derived.query()).orderBy()).hasSize(1);
            });
        });
        assertThat(selectExpression("ARRAY[1, 2]")).isInstanceOf(Expr.ArrayConstructor.class);
    }

    @Test
    void withOrdinalityNumbersAFunctionsRowsInALateralSubquery() {
        Query.Select select = (Query.Select) parser.parseOne(
                "SELECT * FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)");

        assertThat(select.from().get(1)).isInstanceOfSatisfying(FromItem.DerivedTable.class, derived -> {
            assertThat(derived.lateral()).isTrue();
            assertThat(derived.alias()).isEqualTo("k");
            assertThat(derived.columnAliases()).containsExactly("attnum", "n");
            Query.Select numbered = (Query.Select) derived.query();
            assertThat(numbered.items().get(1).alias()).isEqualTo("ordinality");
            assertThat(numbered.items().get(1).expression()).isInstanceOfSatisfying(Expr.FunctionCall.class, call -> {
                assertThat(call.name()).isEqualTo(QualifiedName.of("row_number"));
                assertThat(call.over()).isNotNull();
            });
            assertThat(numbered.from().getFirst()).isInstanceOf(FromItem.FunctionTable.class);
        });
        assertThatThrownBy(() -> parser.parseOne("SELECT * FROM unnest(a) WITH ordinal"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    }
}
