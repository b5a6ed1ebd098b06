package io.weftdb.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArrayTextTest {
    private static final DataType TEXT_ARRAY = DataType.arrayOf(DataType.TEXT);

    @Test
    void readsQuotedEscapedAndNullElements() {
        assertThat(TextParse.parse("{a, \"b c\" ,NULL,\"NULL\",x\\,y}", TEXT_ARRAY))
                .isEqualTo(Arrays.asList("a", "b c", null, "NULL", "x,y"));
        assertThat(TextParse.parse(" {} ", TEXT_ARRAY)).isEqualTo(java.util.List.of());
        assertThat(TextParse.parse("{1,2,3}", DataType.arrayOf(DataType.INTEGER))).isEqualTo(java.util.List.of(1L, 2L, 3L));
    }

    @Test
    void textFormRoundTrips() {
        Object value = TextParse.parse("{a,\"b c\",NULL,\"\"}", TEXT_ARRAY);
        assertThat(TextFormat.format(value, TEXT_ARRAY)).isEqualTo("{a,\"b c\",NULL,\"\"}");
    }

    @Test
    void malformedInputIsInvalidTextRepresentation() {
        assertThatThrownBy(() -> TextParse.parse("{1,2", DataType.arrayOf(DataType.INTEGER)))
                .isInstanceOf(SqlException.class).hasMessage("malformed array literal: \"{1,2\"")
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
        assertThatThrownBy(() -> TextParse.parse("{1,x}", DataType.arrayOf(DataType.INTEGER)))
                .isInstanceOf(SqlException.class)
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.INVALID_TEXT_REPRESENTATION);
        assertThatThrownBy(() -> TextParse.parse("{{1},{2}}", DataType.arrayOf(DataType.INTEGER)))
                .isInstanceOf(SqlException.class)
                .extracting(e -> ((SqlException) e).code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }
}
