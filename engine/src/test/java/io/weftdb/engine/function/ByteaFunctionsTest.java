package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.errorOf;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class ByteaFunctionsTest {
    @Test
    void encodeAndDecodeInHexBase64AndEscape() {
        assertThat(call("encode", typed("\\x00ff41", DataType.BYTEA), literal("hex"))).isEqualTo("00ff41");
        assertThat(call("encode", typed("\\x68656c6c6f", DataType.BYTEA), literal("base64"))).isEqualTo("aGVsbG8=");
        // Only NUL, high bytes and backslashes are escaped; other control characters pass through.
        assertThat(call("encode", typed("\\x5c780180", DataType.BYTEA), literal("escape"))).isEqualTo("\\\\x\u0001\\200");
        assertThat(call("decode", literal("00ff"), literal("hex"))).isEqualTo("\\x00ff");
        assertThat(call("decode", literal("aGVsbG8="), literal("base64"))).isEqualTo("\\x68656c6c6f");
        assertThat(call("decode", literal("a\\\\b"), literal("escape"))).isEqualTo("\\x615c62");
        assertThat(errorOf("encode", typed("\\x78", DataType.BYTEA), literal("foo"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(errorOf("decode", literal("0g"), literal("hex"))).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void concatenationAndSubstringWorkOnBytes() {
        assertThat(FunctionCalls.operator(typed("\\x01", DataType.BYTEA), "||", typed("\\x02", DataType.BYTEA))).isEqualTo("\\x0102");
        assertThat(call("substring", typed("\\x01020304", DataType.BYTEA), FunctionCalls.integer(2), FunctionCalls.integer(2)))
                .isEqualTo("\\x0203");
    }

    @Test
    void digestsAndUtf8Conversion() {
        assertThat(call("sha256", literal("abc")))
                .isEqualTo("\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(call("convert_to", literal("é"), literal("UTF8"))).isEqualTo("\\xc3a9");
        assertThat(call("convert_from", typed("\\xc3a9", DataType.BYTEA), literal("UTF8"))).isEqualTo("é");
    }
}
