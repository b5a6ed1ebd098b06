package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.call;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.integer;
import static io.weftdb.pg.sql.ExpectedIr.item;
import static io.weftdb.pg.sql.ExpectedIr.select;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static io.weftdb.pg.sql.ExpectedIr.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Predicates, function calls, special-syntax functions and constructors. */
final class ExpressionFormsTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private Expr selectExpression(String text) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT " + text);
        return select.items().getFirst().expression();
    }

    /** The position of {@code fragment} in {@code SELECT <text>}. */
    private static int at(String text, String fragment) {
        int index = text.indexOf(fragment);
        if (index < 0 || text.indexOf(fragment, index + 1) >= 0) {
            throw new IllegalArgumentException("fragment must occur exactly once: " + fragment);
        }
        return "SELECT ".length() + index + 1;
    }

    @Test
    void isTestsInEverySpelling() {
        assertThat(selectExpression("a IS NULL")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.NULL, false, 8));
        assertThat(selectExpression("a IS NOT NULL")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.NULL, true, 8));
        assertThat(selectExpression("a ISNULL")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.NULL, false, 8));
        assertThat(selectExpression("a NOTNULL")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.NULL, true, 8));
        assertThat(selectExpression("a IS TRUE")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.TRUE, false, 8));
        assertThat(selectExpression("a IS NOT FALSE")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.FALSE, true, 8));
        assertThat(selectExpression("a IS UNKNOWN")).isEqualTo(new Expr.IsPredicate(column(8, "a"), Expr.IsTest.UNKNOWN, false, 8));
    }

    @Test
    void isDistinctFrom() {
        assertThat(selectExpression("a IS DISTINCT FROM b")).isEqualTo(
                new Expr.IsDistinctFrom(column(8, "a"), column(27, "b"), false, 8));
        assertThat(selectExpression("a IS NOT DISTINCT FROM b + 1")).isEqualTo(
                new Expr.IsDistinctFrom(column(8, "a"), binary(BinaryOperator.ADD, column(31, "b"), integer(1, 35)),
                        true, 8));
    }

    @Test
    void betweenSymmetricAndNotBetween() {
        assertThat(selectExpression("a NOT BETWEEN SYMMETRIC 1 AND 2")).isEqualTo(
                new Expr.Between(column(8, "a"), integer(1, 32), integer(2, 38), true, true, 8));
    }

    @Test
    void likeIlikeSimilarWithEscapeAndNegation() {
        assertThat(selectExpression("a NOT ILIKE 'x%' ESCAPE '!'")).isEqualTo(
                new Expr.Like(column(8, "a"), string("x%", 20), string("!", 32), Expr.LikeKind.ILIKE, true, 8));
        assertThat(selectExpression("a SIMILAR TO 'x|y'")).isEqualTo(
                new Expr.Like(column(8, "a"), string("x|y", 21), null, Expr.LikeKind.SIMILAR, false, 8));
    }

    @Test
    void regularExpressionOperators() {
        assertThat(selectExpression("a ~ 'x'")).isEqualTo(binary(BinaryOperator.REGEX_MATCH, column(8, "a"), string("x", 12)));
        assertThat(selectExpression("a ~* 'x'")).isEqualTo(binary(BinaryOperator.REGEX_IMATCH, column(8, "a"), string("x", 13)));
        assertThat(selectExpression("a !~ 'x'")).isEqualTo(binary(BinaryOperator.REGEX_NOT_MATCH, column(8, "a"), string("x", 13)));
        assertThat(selectExpression("a !~* 'x'")).isEqualTo(binary(BinaryOperator.REGEX_NOT_IMATCH, column(8, "a"), string("x", 14)));
    }

    @Test
    void comparisonOperators() {
        assertThat(selectExpression("a <> b")).isEqualTo(binary(BinaryOperator.NOT_EQUAL, column(8, "a"), column(13, "b")));
        assertThat(selectExpression("a != b")).isEqualTo(binary(BinaryOperator.NOT_EQUAL, column(8, "a"), column(13, "b")));
        assertThat(selectExpression("a<=b")).isEqualTo(binary(BinaryOperator.LESS_EQUAL, column(8, "a"), column(11, "b")));
        assertThat(selectExpression("a>=-1")).isEqualTo(binary(BinaryOperator.GREATER_EQUAL, column(8, "a"), integer(-1, 11)));
    }

    @Test
    void jsonAndBitOperators() {
        assertThat(selectExpression("j #>> p @> q")).isEqualTo(binary(BinaryOperator.CONTAINS,
                binary(BinaryOperator.JSON_PATH_TEXT, column(8, "j"), column(14, "p")), column(19, "q")));
        assertThat(selectExpression("a & b | c # d << 1")).isEqualTo(binary(BinaryOperator.SHIFT_LEFT,
                binary(BinaryOperator.BITWISE_XOR, binary(BinaryOperator.BITWISE_OR,
                        binary(BinaryOperator.BITWISE_AND, column(8, "a"), column(12, "b")), column(16, "c")),
                        column(20, "d")), integer(1, 25)));
    }

    @Test
    void inListAndInSubquery() {
        assertThat(selectExpression("a IN (1, 2)")).isEqualTo(
                new Expr.InList(column(8, "a"), List.of(integer(1, 14), integer(2, 17)), false, 8));
        assertThat(selectExpression("a NOT IN (SELECT b FROM t)")).isEqualTo(new Expr.InSubquery(column(8, "a"),
                select(List.of(item(column(25, "b"))), List.of(table("t", 32))), true, 8));
    }

    @Test
    void quantifiedComparisonWithSubqueryAndAllAndSome() {
        String text = "a < ALL (SELECT b FROM t)";
        assertThat(selectExpression(text)).isEqualTo(new Expr.Quantified(BinaryOperator.LESS, column(8, "a"),
                Expr.Quantifier.ALL, null,
                select(List.of(item(column(at(text, "b "), "b"))), List.of(table("t", at(text, "t)")))), 8));
        assertThat(selectExpression("a = SOME(ARRAY[1])")).isEqualTo(new Expr.Quantified(BinaryOperator.EQUAL,
                column(8, "a"), Expr.Quantifier.ANY, new Expr.ArrayConstructor(List.of(integer(1, 23)), 17), null, 8));
    }

    @Test
    void existsAndScalarSubquery() {
        assertThat(selectExpression("EXISTS (SELECT 1)")).isEqualTo(
                new Expr.Exists(select(List.of(item(integer(1, 23))), List.of()), 8));
        assertThat(selectExpression("(SELECT 1) + 1")).isEqualTo(binary(BinaryOperator.ADD,
                new Expr.ScalarSubquery(select(List.of(item(integer(1, 16))), List.of()), 8), integer(1, 21)));
    }

    @Test
    void simpleAndSearchedCase() {
        String simple = "CASE a WHEN 1 THEN 'one' ELSE 'other' END";
        assertThat(selectExpression(simple)).isEqualTo(new Expr.Case(column(13, "a"),
                List.of(new Expr.WhenClause(integer(1, at(simple, "1")), string("one", at(simple, "'one'")))),
                string("other", at(simple, "'other'")), 8));
        String searched = "CASE WHEN a > 0 THEN 1 END";
        assertThat(selectExpression(searched)).isEqualTo(new Expr.Case(null,
                List.of(new Expr.WhenClause(binary(BinaryOperator.GREATER, column(at(searched, "a"), "a"),
                        integer(0, at(searched, "0"))), integer(1, at(searched, "1")))), null, 8));
    }

    @Test
    void castInBothSpellings() {
        assertThat(selectExpression("CAST(a AS numeric(10, 2))")).isEqualTo(
                new Expr.Cast(column(13, "a"), DataType.numeric(10, 2), 8));
        assertThat(selectExpression("a::varchar(5)")).isEqualTo(new Expr.Cast(column(8, "a"), DataType.varchar(5), 8));
    }

    @Test
    void coalesceNullifGreatestLeastAreFunctionCalls() {
        assertThat(selectExpression("COALESCE(a, 0)")).isEqualTo(call("coalesce", 8, column(17, "a"), integer(0, 20)));
        assertThat(selectExpression("NULLIF(a, 0)")).isEqualTo(call("nullif", 8, column(15, "a"), integer(0, 18)));
        assertThat(selectExpression("GREATEST(a, b)")).isEqualTo(call("greatest", 8, column(17, "a"), column(20, "b")));
        assertThat(selectExpression("least(a, b)")).isEqualTo(call("least", 8, column(14, "a"), column(17, "b")));
    }

    @Test
    void extractPassesTheFieldAsATextLiteral() {
        assertThat(selectExpression("EXTRACT(YEAR FROM d)")).isEqualTo(call("extract", 8,
                new Expr.Literal("year", DataType.TEXT, 16), column(26, "d")));
        assertThat(selectExpression("extract(epoch FROM d)")).isEqualTo(call("extract", 8,
                new Expr.Literal("epoch", DataType.TEXT, 16), column(27, "d")));
    }

    @Test
    void substringForms() {
        assertThat(selectExpression("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo(
                call("substring", 8, column(18, "s"), integer(2, 25), integer(3, 31)));
        assertThat(selectExpression("SUBSTRING(s FOR 3)")).isEqualTo(
                call("substring", 8, column(18, "s"), integer(1, 0), integer(3, 24)));
        assertThat(selectExpression("substring(s, 2)")).isEqualTo(call("substring", 8, column(18, "s"), integer(2, 21)));
    }

    @Test
    void positionPutsTheStringFirstAsPostgresDoes() {
        assertThat(selectExpression("POSITION('b' IN s)")).isEqualTo(call("position", 8, column(24, "s"), string("b", 17)));
    }

    @Test
    void trimBecomesBtrimLtrimOrRtrim() {
        assertThat(selectExpression("TRIM(s)")).isEqualTo(call("btrim", 8, column(13, "s")));
        assertThat(selectExpression("TRIM(BOTH 'x' FROM s)")).isEqualTo(call("btrim", 8, column(27, "s"), string("x", 18)));
        assertThat(selectExpression("TRIM(LEADING FROM s)")).isEqualTo(call("ltrim", 8, column(26, "s")));
        assertThat(selectExpression("TRIM(TRAILING 'x' FROM s)")).isEqualTo(call("rtrim", 8, column(31, "s"), string("x", 22)));
    }

    @Test
    void overlay() {
        String text = "OVERLAY(s PLACING 'x' FROM 2 FOR 1)";
        assertThat(selectExpression(text)).isEqualTo(call("overlay", 8, column(16, "s"), string("x", at(text, "'x'")),
                integer(2, at(text, "2")), integer(1, at(text, "1"))));
    }

    @Test
    void qualifiedFunctionNameAndDistinctArgument() {
        assertThat(selectExpression("pg_catalog.count(DISTINCT a)")).isEqualTo(new Expr.FunctionCall(
                QualifiedName.of("pg_catalog", "count"), List.of(column(34, "a")), true, false, null, List.of(), null, 8));
    }

    @Test
    void aggregateOrderByAndFilter() {
        String text = "string_agg(a, ',' ORDER BY b DESC) FILTER (WHERE c)";
        assertThat(selectExpression(text)).isEqualTo(new Expr.FunctionCall(QualifiedName.of("string_agg"),
                List.of(column(at(text, "a,"), "a"), string(",", at(text, "','"))), false, false,
                column(at(text, "c)"), "c"), List.of(new SortItem(column(at(text, "b DESC"), "b"), true, null)), null, 8));
    }

    @Test
    void windowFunctionWithPartitionOrderAndFrame() {
        String text = "sum(x) OVER (PARTITION BY g ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)";
        assertThat(selectExpression(text)).isEqualTo(new Expr.FunctionCall(QualifiedName.of("sum"),
                List.of(column(12, "x")), false, false, null, List.of(),
                new Expr.WindowSpec(List.of(column(at(text, "g "), "g")),
                        List.of(new SortItem(column(at(text, "t ROWS"), "t"), false, null)),
                        new Expr.WindowFrame(Expr.FrameUnit.ROWS,
                                new Expr.FrameBound(Expr.FrameBoundKind.PRECEDING, integer(2, at(text, "2"))),
                                new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null))), 8));
    }

    @Test
    void frameWithOnlyAStartEndsAtTheCurrentRow() {
        Expr.FunctionCall call = (Expr.FunctionCall) selectExpression("row_number() OVER (RANGE UNBOUNDED PRECEDING)");
        assertThat(call.over()).isEqualTo(new Expr.WindowSpec(List.of(), List.of(),
                new Expr.WindowFrame(Expr.FrameUnit.RANGE,
                        new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_PRECEDING, null),
                        new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null))));
        Expr.FunctionCall groups = (Expr.FunctionCall) selectExpression(
                "count(*) OVER (GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)");
        assertThat(groups.over().frame()).isEqualTo(new Expr.WindowFrame(Expr.FrameUnit.GROUPS,
                new Expr.FrameBound(Expr.FrameBoundKind.CURRENT_ROW, null),
                new Expr.FrameBound(Expr.FrameBoundKind.UNBOUNDED_FOLLOWING, null)));
    }

    @Test
    void arrayConstructorsNestAndSubscriptsChain() {
        assertThat(selectExpression("ARRAY[[1, 2], [3]]")).isEqualTo(new Expr.ArrayConstructor(List.of(
                new Expr.ArrayConstructor(List.of(integer(1, 15), integer(2, 18)), 14),
                new Expr.ArrayConstructor(List.of(integer(3, 23)), 22)), 8));
        assertThat(selectExpression("a[1][2]")).isEqualTo(
                new Expr.Subscript(new Expr.Subscript(column(8, "a"), integer(1, 10), 8), integer(2, 13), 8));
    }

    @Test
    void rowConstructors() {
        assertThat(selectExpression("ROW(1, 'a')")).isEqualTo(
                new Expr.RowConstructor(List.of(integer(1, 12), string("a", 15)), 8));
        assertThat(selectExpression("(a, b) = (1, 2)")).isEqualTo(binary(BinaryOperator.EQUAL,
                new Expr.RowConstructor(List.of(column(9, "a"), column(12, "b")), 8),
                new Expr.RowConstructor(List.of(integer(1, 18), integer(2, 21)), 17)));
        assertThat(selectExpression("ROW()")).isEqualTo(new Expr.RowConstructor(List.of(), 8));
    }

    @Test
    void specialValuesWithoutParentheses() {
        assertThat(selectExpression("CURRENT_DATE")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_DATE, 8));
        assertThat(selectExpression("current_time")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_TIME, 8));
        assertThat(selectExpression("CURRENT_TIMESTAMP")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_TIMESTAMP, 8));
        assertThat(selectExpression("LOCALTIME")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIME, 8));
        assertThat(selectExpression("LOCALTIMESTAMP")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.LOCALTIMESTAMP, 8));
        assertThat(selectExpression("CURRENT_USER")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_USER, 8));
        assertThat(selectExpression("CURRENT_ROLE")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_USER, 8));
        assertThat(selectExpression("SESSION_USER")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.SESSION_USER, 8));
        assertThat(selectExpression("USER")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.USER, 8));
        assertThat(selectExpression("CURRENT_SCHEMA")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_SCHEMA, 8));
        assertThat(selectExpression("CURRENT_CATALOG")).isEqualTo(new Expr.SpecialValue(Expr.SpecialValueKind.CURRENT_CATALOG, 8));
    }

    @Test
    void currentSchemaWithParenthesesIsAFunctionCall() {
        assertThat(selectExpression("current_schema()")).isEqualTo(call("current_schema", 8));
    }
}
