package io.weftdb.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyOptionsTest {

    private static ErrorCode codeOf(Map<String, String> options, Copy.Direction direction) {
        try {
            CopyOptions.of(options, direction);
        } catch (SqlException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void formatDecidesDelimiterAndNullDefaults() {
        CopyOptions text = CopyOptions.text();
        CopyOptions csv = CopyOptions.csv();

        assertThat(text.delimiter()).isEqualTo((byte) '\t');
        assertThat(text.nullString()).isEqualTo("\\N");
        assertThat(csv.delimiter()).isEqualTo((byte) ',');
        assertThat(csv.nullString()).isEmpty();
        assertThat(csv.quote()).isEqualTo((byte) '"');
        assertThat(csv.escape()).isEqualTo((byte) '"');
    }

    @Test
    void escapeDefaultsToTheQuoteCharacter() {
        assertThat(CopyOptions.of(Map.of("format", "csv", "quote", "'"), Copy.Direction.FROM).escape()).isEqualTo((byte) '\'');
    }

    @Test
    void bareHeaderMeansTrueAndMatchIsForInputOnly() {
        Map<String, String> bare = new HashMap<>();
        bare.put("header", null);

        assertThat(CopyOptions.of(bare, Copy.Direction.FROM).header()).isEqualTo(CopyOptions.Header.PRESENT);
        assertThat(CopyOptions.of(Map.of("header", "match"), Copy.Direction.FROM).header()).isEqualTo(CopyOptions.Header.MATCH);
        assertThat(codeOf(Map.of("header", "match"), Copy.Direction.TO)).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void binaryFormatRefusesTheTextFormatOptions() {
        assertThat(CopyOptions.of(Map.of("format", "binary"), Copy.Direction.FROM).format()).isEqualTo(CopyFormat.BINARY);
        assertThatThrownBy(() -> CopyOptions.of(Map.of("format", "binary", "delimiter", ","), Copy.Direction.FROM))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessage("cannot specify DELIMITER in BINARY mode");
    }

    @Test
    void csvOnlyOptionsAreRefusedInTextMode() {
        assertThat(codeOf(Map.of("quote", "'"), Copy.Direction.FROM)).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(codeOf(Map.of("force_not_null", "a"), Copy.Direction.FROM)).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void forceOptionsMustFitTheDirection() {
        assertThat(codeOf(Map.of("format", "csv", "force_quote", "*"), Copy.Direction.FROM))
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(codeOf(Map.of("format", "csv", "force_null", "a"), Copy.Direction.TO))
                .isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void delimiterMustBeOneByteAndDifferFromTheQuote() {
        assertThat(codeOf(Map.of("delimiter", "ab"), Copy.Direction.FROM)).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(codeOf(Map.of("format", "csv", "delimiter", "\""), Copy.Direction.FROM))
                .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void unknownOptionIsASyntaxError() {
        assertThat(codeOf(Map.of("bogus", "1"), Copy.Direction.FROM)).isEqualTo(ErrorCode.SYNTAX_ERROR);
    }
}
