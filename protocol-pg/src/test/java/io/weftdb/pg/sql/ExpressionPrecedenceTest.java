package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.UnaryOperator;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** PostgreSQL's operator precedence (gram.y), checked on whole expression trees. */
final class ExpressionPrecedenceTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    /** The expression of {@code SELECT <text>}; its first character is at position 8. */
    private Expr selectExpression(String text) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT " + text);
        return select.items().getFirst().expression();
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(selectExpression("1 + 2 * 3")).isEqualTo(
                binary(BinaryOperator.ADD, integer(1, 8),
                        binary(BinaryOperator.MULTIPLY, integer(2, 12), integer(3, 16))));
    }

    @Test
    void additionIsLeftAssociative() {
        assertThat(selectExpression("1 - 2 - 3")).isEqualTo(
                binary(BinaryOperator.SUBTRACT,
                        binary(BinaryOperator.SUBTRACT, integer(1, 8), integer(2, 12)), integer(3, 16)));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertThat(selectExpression("a OR b AND NOT c")).isEqualTo(
                binary(BinaryOperator.OR, column(8, "a"),
                        binary(BinaryOperator.AND, column(13, "b"),
                                new Expr.Unary(UnaryOperator.NOT, column(23, "c"), 19))));
    }

    @Test
    void notAppliesToAWholeComparison() {
        assertThat(selectExpression("NOT a = b")).isEqualTo(
                new Expr.Unary(UnaryOperator.NOT, binary(BinaryOperator.EQUAL, column(12, "a"), column(16, "b")), 8));
    }

    @Test
    void unaryMinusBindsTighterThanExponentiation() {
        assertThat(selectExpression("-x ^ 2")).isEqualTo(
                binary(BinaryOperator.POWER, new Expr.Unary(UnaryOperator.MINUS, column(9, "x"), 8), integer(2, 13)));
    }

    @Test
    void minusBeforeANumberFoldsIntoTheConstantBeforeExponentiation() {
        assertThat(selectExpression("-2 ^ 2")).isEqualTo(
                binary(BinaryOperator.POWER, integer(-2, 8), integer(2, 13)));
    }

    @Test
    void exponentiationIsLeftAssociative() {
        assertThat(selectExpression("2 ^ 3 ^ 2")).isEqualTo(
                binary(BinaryOperator.POWER, binary(BinaryOperator.POWER, integer(2, 8), integer(3, 12)),
                        integer(2, 16)));
    }

    @Test
    void castBindsTighterThanUnaryMinus() {
        assertThat(selectExpression("-x::int")).isEqualTo(
                new Expr.Unary(UnaryOperator.MINUS, new Expr.Cast(column(9, "x"), DataType.INTEGER, 9), 8));
    }

    @Test
    void castToAnArrayTypeTakesTheBrackets() {
        assertThat(selectExpression("x::int[]")).isEqualTo(
                new Expr.Cast(column(8, "x"), DataType.arrayOf(DataType.INTEGER), 8));
    }

    @Test
    void subscriptAppliesBeforeCast() {
        assertThat(selectExpression("a[1]::text")).isEqualTo(
                new Expr.Cast(new Expr.Subscript(column(8, "a"), integer(1, 10), 8), DataType.TEXT, 8));
    }

    @Test
    void equalsAnyTakesAnArray() {
        assertThat(selectExpression("a = ANY(b)")).isEqualTo(
                new Expr.Quantified(BinaryOperator.EQUAL, column(8, "a"), Expr.Quantifier.ANY, column(16, "b"), null,
                        8));
    }

    @Test
    void concatenationBindsTighterThanLike() {
        assertThat(selectExpression("'a' || 'b' LIKE 'ab'")).isEqualTo(
                new Expr.Like(binary(BinaryOperator.CONCAT, string("a", 8), string("b", 15)), string("ab", 24), null,
                        Expr.LikeKind.LIKE, false, 8));
    }

    @Test
    void arithmeticBindsTighterThanOtherOperators() {
        assertThat(selectExpression("a || b + c")).isEqualTo(
                binary(BinaryOperator.CONCAT, column(8, "a"),
                        binary(BinaryOperator.ADD, column(13, "b"), column(17, "c"))));
    }

    @Test
    void jsonArrowBindsTighterThanComparison() {
        assertThat(selectExpression("doc ->> 'k' = 'v'")).isEqualTo(
                binary(BinaryOperator.EQUAL, binary(BinaryOperator.JSON_GET_TEXT, column(8, "doc"), string("k", 16)),
                        string("v", 22)));
    }

    @Test
    void comparisonBindsTighterThanIsNull() {
        assertThat(selectExpression("a = b IS NULL")).isEqualTo(
                new Expr.IsPredicate(binary(BinaryOperator.EQUAL, column(8, "a"), column(12, "b")), Expr.IsTest.NULL,
                        false, 8));
    }

    @Test
    void likeBindsTighterThanComparison() {
        assertThat(selectExpression("a = b LIKE c")).isEqualTo(
                binary(BinaryOperator.EQUAL, column(8, "a"),
                        new Expr.Like(column(12, "b"), column(19, "c"), null, Expr.LikeKind.LIKE, false, 12)));
    }

    @Test
    void betweenBoundsStopAtTheAndThatEndsThem() {
        assertThat(selectExpression("x BETWEEN 1 AND 2 AND y")).isEqualTo(
                binary(BinaryOperator.AND,
                        new Expr.Between(column(8, "x"), integer(1, 18), integer(2, 24), false, false, 8),
                        column(30, "y")));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(selectExpression("(1 + 2) * 3")).isEqualTo(
                new Expr.Binary(BinaryOperator.MULTIPLY, binary(BinaryOperator.ADD, integer(1, 9), integer(2, 13)),
                        integer(3, 18), 8));
    }

    @Test
    void atTimeZoneBindsTighterThanAddition() {
        assertThat(selectExpression("t AT TIME ZONE 'UTC' + i")).isEqualTo(
                binary(BinaryOperator.ADD,
                        Expr.FunctionCall.of("timezone", java.util.List.of(string("UTC", 23), column(8, "t")), 8),
                        column(31, "i")));
    }

    @Test
    void operatorSyntaxMapsToTheOperatorsSymbolAtOtherOperatorPrecedence() {
        assertThat(selectExpression("a OPERATOR(pg_catalog.~) b + c")).isEqualTo(
                binary(BinaryOperator.REGEX_MATCH, column(8, "a"),
                        binary(BinaryOperator.ADD, column(33, "b"), column(37, "c"))));
    }

    @Test
    void prefixTildeIsBitwiseNot() {
        assertThat(selectExpression("~ 5")).isEqualTo(new Expr.Unary(UnaryOperator.BITWISE_NOT, integer(5, 10), 8));
    }
}
