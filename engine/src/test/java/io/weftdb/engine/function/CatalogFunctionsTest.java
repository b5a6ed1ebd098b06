package io.weftdb.engine.function;

import static io.weftdb.engine.function.FunctionCalls.call;
import static io.weftdb.engine.function.FunctionCalls.integer;
import static io.weftdb.engine.function.FunctionCalls.literal;
import static io.weftdb.engine.function.FunctionCalls.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.type.DataType;
import org.junit.jupiter.api.Test;

/** The catalog functions that need no catalog: formatting and encoding names (the rest are tested over SQL). */
class CatalogFunctionsTest {
    @Test
    void pgSizePrettyUsesBytesUpToTenKilobytesThenRoundsToTheUnit() {
        assertThat(call("pg_size_pretty", typed("0", DataType.BIGINT))).isEqualTo("0 bytes");
        assertThat(call("pg_size_pretty", typed("10239", DataType.BIGINT))).isEqualTo("10239 bytes");
        assertThat(call("pg_size_pretty", typed("10240", DataType.BIGINT))).isEqualTo("10 kB");
        assertThat(call("pg_size_pretty", typed("123456789", DataType.BIGINT))).isEqualTo("118 MB");
        assertThat(call("pg_size_pretty", typed("-123456789", DataType.BIGINT))).isEqualTo("-118 MB");
        assertThat(call("pg_size_pretty", typed("21990232555520", DataType.BIGINT))).isEqualTo("20 TB");
    }

    @Test
    void pgEncodingToCharNamesPostgresqlsEncodingNumbers() {
        assertThat(call("pg_encoding_to_char", integer(6))).isEqualTo("UTF8");
        assertThat(call("pg_encoding_to_char", integer(0))).isEqualTo("SQL_ASCII");
        assertThat(call("pg_encoding_to_char", integer(999))).isEmpty();
    }

    @Test
    void formatTypeTakesANullModifier() {
        assertThat(call("format_type", integer(1043), FunctionCalls.nullOf(DataType.INTEGER))).isEqualTo("character varying");
        assertThat(call("format_type", integer(1043), integer(24))).isEqualTo("character varying(20)");
        assertThat(call("format_type", FunctionCalls.nullOf(DataType.INTEGER), integer(24))).isNull();
        assertThat(call("format_type", literal("23"), literal("-1"))).isEqualTo("integer");
    }
}
