package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.nullOf;
import static io.weftdb.engine.function.FunctionCalls.typeOf;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

class SystemFunctionsTest {
    @Test
    void conditionalFunctionsMeetAtACommonType() {
        assertThat(call("greatest", integer(1), typed("2.5", DataType.NUMERIC), integer(3))).isEqualTo("3");
        assertThat(typeOf("greatest", integer(1), typed("2.5", DataType.NUMERIC))).isEqualTo("numeric");
        assertThat(call("least", literal("b"), literal("a"), literal("c"))).isEqualTo("a");
        assertThat(call("coalesce", nullOf(DataType.INTEGER), integer(3))).isEqualTo("3");
        assertThat(call("nullif", integer(1), integer(1))).isNull();
    }

    @Test
    void nullCountingAndTypeNames() {
        assertThat(call("num_nulls", integer(1), nullOf(DataType.INTEGER), nullOf(DataType.TEXT))).isEqualTo("2");
        assertThat(call("num_nonnulls", integer(1), nullOf(DataType.INTEGER), literal("a"))).isEqualTo("2");
        assertThat(call("pg_typeof", typed("1.5", DataType.NUMERIC))).isEqualTo("numeric");
        assertThat(call("pg_typeof", literal("a"))).isEqualTo("unknown");
    }

    @Test
    void uuidsAndRandomNumbersAreNeverFolded() {
        assertThat(FunctionCalls.bind("gen_random_uuid").constant()).isFalse();
        assertThat(FunctionCalls.bind("random").constant()).isFalse();
        assertThat(call("gen_random_uuid")).isNotEqualTo(call("gen_random_uuid"));
        assertThat(Double.parseDouble(call("random"))).isBetween(0.0, 1.0);
    }
}
