package io.weftdb.pg.sql;

import static io.weftdb.pg.sql.ExpectedIr.binary;
import static io.weftdb.pg.sql.ExpectedIr.call;
import static io.weftdb.pg.sql.ExpectedIr.column;
import static io.weftdb.pg.sql.ExpectedIr.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Query;
import org.junit.jupiter.api.Test;

/** The jsonb and array operators and the SQL regular-expression form of SUBSTRING. */
final class LibraryOperatorParsingTest {
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private Expr selectExpression(String text) {
        Query.Select select = (Query.Select) parser.parseOne("SELECT " + text);
        return select.items().getFirst().expression();
    }

    @Test
    void keyExistenceAndOverlapOperatorsParseAtOtherOperatorPrecedence() {
        assertThat(selectExpression("a ? 'k'")).isEqualTo(binary(BinaryOperator.HAS_KEY, column(8, "a"), string("k", 12)));
        assertThat(selectExpression("a ?| b")).isEqualTo(binary(BinaryOperator.HAS_ANY_KEY, column(8, "a"), column(13, "b")));
        assertThat(selectExpression("a ?& b")).isEqualTo(binary(BinaryOperator.HAS_ALL_KEYS, column(8, "a"), column(13, "b")));
        assertThat(selectExpression("a && b")).isEqualTo(binary(BinaryOperator.OVERLAPS, column(8, "a"), column(13, "b")));
        // Other operators bind tighter than comparisons: a ? 'k' = true is (a ? 'k') = true.
        Expr.Binary comparison = (Expr.Binary) selectExpression("a ? 'k' = true");
        assertThat(comparison.operator()).isEqualTo(BinaryOperator.EQUAL);
        assertThat(((Expr.Binary) comparison.left()).operator()).isEqualTo(BinaryOperator.HAS_KEY);
    }

    @Test
    void operatorKeywordSpellsTheNewOperators() {
        assertThat(((Expr.Binary) selectExpression("a OPERATOR(pg_catalog.?|) b")).operator())
                .isEqualTo(BinaryOperator.HAS_ANY_KEY);
    }

    @Test
    void substringSimilarBecomesThePatternAndEscapeCall() {
        assertThat(selectExpression("SUBSTRING(a SIMILAR '%#\"o_b#\"%' ESCAPE '#')"))
                .isEqualTo(call("substring", 8, column(18, "a"), string("%#\"o_b#\"%", 28), string("#", 47)));
    }
}
