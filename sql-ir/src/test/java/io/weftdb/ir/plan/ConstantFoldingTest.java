package io.weftdb.ir.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest {
    private static final Expr X = new Expr.ColumnRef(QualifiedName.of("x"), 0);
    private static final Expr TRUE = new Expr.Literal(true, DataType.BOOLEAN, 0);
    private static final Expr FALSE = new Expr.Literal(false, DataType.BOOLEAN, 0);

    private static Expr binary(BinaryOperator operator, Expr left, Expr right) {
        return new Expr.Binary(operator, left, right, 0);
    }

    private static Expr integer(long value) {
        return new Expr.Literal(value, DataType.BIGINT, 0);
    }

    @Test
    void trueConjunctsDisappearAndAFalseOneStandsAlone() {
        Expr positive = binary(BinaryOperator.GREATER, X, integer(0));
        assertThat(ConstantFolding.conjuncts(List.of(TRUE, positive))).containsExactly(positive);
        List<Expr> none = ConstantFolding.conjuncts(List.of(positive, binary(BinaryOperator.EQUAL, integer(1), integer(0))));
        assertThat(none).hasSize(1);
        assertThat(ConstantFolding.rejectsAll(none.getFirst())).isTrue();
        assertThat(ConstantFolding.rejectsAll(Expr.Literal.nullValue(0))).isTrue();
    }

    @Test
    void booleanOperatorsOverLiteralsFold() {
        assertThat(ConstantFolding.condition(binary(BinaryOperator.AND, X, TRUE))).isEqualTo(X);
        assertThat(ConstantFolding.condition(binary(BinaryOperator.OR, X, TRUE))).isEqualTo(TRUE);
        assertThat(ConstantFolding.condition(binary(BinaryOperator.OR, FALSE, X))).isEqualTo(X);
        assertThat(ConstantFolding.condition(binary(BinaryOperator.AND, X, FALSE))).isEqualTo(FALSE);
        assertThat(ConstantFolding.condition(new Expr.Unary(UnaryOperator.NOT, binary(BinaryOperator.LESS, integer(1),
                integer(2)), 0))).isEqualTo(FALSE);
    }

    @Test
    void whatDependsOnTheDialectIsLeftToTheCompiler() {
        // 1 = 1.0 compares across types; NULL AND x is unknown or false depending on x.
        Expr mixed = binary(BinaryOperator.EQUAL, integer(1), new Expr.Literal(new java.math.BigDecimal("1.0"),
                DataType.NUMERIC, 0));
        assertThat(ConstantFolding.condition(mixed)).isSameAs(mixed);
        Expr unknown = binary(BinaryOperator.AND, Expr.Literal.nullValue(0), X);
        assertThat(ConstantFolding.condition(unknown)).isSameAs(unknown);
    }
}
