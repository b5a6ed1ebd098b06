package io.weftdb.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    @Test
    void integerOverflowRaisesOutOfRangeForTheResultType() {
        assertThatThrownBy(() -> Arithmetic.integer(BinaryOperator.ADD, Integer.MAX_VALUE, 1, DataType.INTEGER))
                .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE))
                .hasMessage("integer out of range");
        assertThat(Arithmetic.integer(BinaryOperator.ADD, Integer.MAX_VALUE, 1, DataType.BIGINT)).isEqualTo(2147483648L);
    }

    @Test
    void integerDivisionTruncatesAndDivisionByZeroFails() {
        assertThat(Arithmetic.integer(BinaryOperator.DIVIDE, -7, 2, DataType.INTEGER)).isEqualTo(-3);
        assertThatThrownBy(() -> Arithmetic.integer(BinaryOperator.DIVIDE, 1, 0, DataType.INTEGER))
                .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
    }

    @Test
    void numericDivisionKeepsPostgresScale() {
        assertThat(Arithmetic.numeric(BinaryOperator.DIVIDE, BigDecimal.ONE, new BigDecimal(3)).toPlainString())
                .isEqualTo("0.33333333333333333333");
        assertThat(Arithmetic.numeric(BinaryOperator.DIVIDE, BigDecimal.TEN, new BigDecimal(4)).toPlainString())
                .isEqualTo("2.5000000000000000");
    }
}
