package io.weftdb.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateFunctionsTest {
    private static Object run(String name, DataType type, Object... values) {
        Accumulator accumulator = AggregateFunctions.resolve(name, List.of(type), false, 0).newAccumulator();
        for (Object value : values) {
            accumulator.add(new Object[] {value});
        }
        return accumulator.result();
    }

    @Test
    void sumWidensIntegersAsPostgresDoes() {
        assertThat(AggregateFunctions.resolve("sum", List.of(DataType.INTEGER), false, 0).resultType()).isEqualTo(DataType.BIGINT);
        assertThat(AggregateFunctions.resolve("sum", List.of(DataType.BIGINT), false, 0).resultType()).isEqualTo(DataType.NUMERIC);
        assertThat(run("sum", DataType.INTEGER, 2147483647L, 1L)).isEqualTo(2147483648L);
        assertThat(run("sum", DataType.BIGINT, Long.MAX_VALUE, 1L)).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(run("sum", DataType.DOUBLE, 0.5, 0.25)).isEqualTo(0.75);
    }

    @Test
    void averageOfIntegersHasNumericDivisionScale() {
        assertThat(run("avg", DataType.INTEGER, 1L, 2L, 3L)).isEqualTo(new BigDecimal("2.0000000000000000"));
        assertThat(run("avg", DataType.NUMERIC, new BigDecimal("1.50"), new BigDecimal("2.00")))
                .isEqualTo(new BigDecimal("1.7500000000000000"));
        assertThat(run("avg", DataType.DOUBLE, 1.0, 2.0)).isEqualTo(1.5);
    }

    @Test
    void emptyInputGivesNullExceptForCount() {
        assertThat(run("count", DataType.TEXT)).isEqualTo(0L);
        assertThat(run("sum", DataType.INTEGER)).isNull();
        assertThat(run("avg", DataType.NUMERIC)).isNull();
        assertThat(run("min", DataType.TEXT)).isNull();
        assertThat(run("bool_and", DataType.BOOLEAN)).isNull();
    }

    @Test
    void minMaxAndBooleanAggregatesFollowValueOrder() {
        assertThat(run("min", DataType.TEXT, "pear", "apple", "fig")).isEqualTo("apple");
        assertThat(run("max", DataType.NUMERIC, new BigDecimal("1.5"), new BigDecimal("10"))).isEqualTo(new BigDecimal("10"));
        assertThat(run("bool_and", DataType.BOOLEAN, true, false)).isEqualTo(false);
        assertThat(run("bool_or", DataType.BOOLEAN, false, true)).isEqualTo(true);
    }

    @Test
    void stringAggPutsEachRowsDelimiterBeforeItsValue() {
        Accumulator accumulator = AggregateFunctions.resolve("string_agg", List.of(DataType.TEXT, DataType.UNKNOWN), false, 0)
                .newAccumulator();
        accumulator.add(new Object[] {"a", ","});
        accumulator.add(new Object[] {"b", ";"});
        accumulator.add(new Object[] {"c", null});
        assertThat(accumulator.result()).isEqualTo("a;bc");
    }

    @Test
    void unsupportedArgumentTypesAreUndefinedFunctions() {
        assertThatThrownBy(() -> AggregateFunctions.resolve("sum", List.of(DataType.TEXT), false, 8))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
                    assertThat(e.getMessage()).contains("function sum(text) does not exist");
                });
        assertThat(AggregateFunctions.resolve("count", List.of(), true, 0).resultType()).isEqualTo(DataType.BIGINT);
    }
}
