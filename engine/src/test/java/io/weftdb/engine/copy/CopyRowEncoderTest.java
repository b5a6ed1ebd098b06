package io.weftdb.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.weftdb.ir.stmt.Copy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyRowEncoderTest {

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static CopyOptions out(Map<String, String> options) {
        return CopyOptions.of(options, Copy.Direction.TO);
    }

    @Test
    void textEscapesBackslashControlCharactersAndWritesNullAsBackslashN() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of()), List.of("a", "b", "c"));

        assertThat(text(encoder.encode(new String[] {"x\ty\nz", null, "back\\slash\r\b\f\u000B"})))
                .isEqualTo("x\\ty\\nz\t\\N\tback\\\\slash\\r\\b\\f\\v\n");
    }

    @Test
    void textEscapesAnOtherDelimiterInValues() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of("delimiter", "|", "null", "")), List.of("a", "b"));

        assertThat(text(encoder.encode(new String[] {"a|b", null}))).isEqualTo("a\\|b|\n");
    }

    @Test
    void csvQuotesOnlyValuesThatNeedIt() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of("format", "csv")), List.of("a", "b", "c", "d", "e"));

        assertThat(text(encoder.encode(new String[] {"plain", "a,b", "say \"hi\"", "", null})))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"\",\n");
    }

    @Test
    void csvQuotesNewlinesAndTheEndMarker() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of("format", "csv")), List.of("a", "b"));

        assertThat(text(encoder.encode(new String[] {"l1\nl2", "\\."}))).isEqualTo("\"l1\nl2\",\"\\.\"\n");
    }

    @Test
    void csvForceQuoteQuotesEveryNonNullValueOfItsColumns() {
        CopyRowEncoder all = CopyRowEncoder.of(out(Map.of("format", "csv", "force_quote", "*")), List.of("a", "b"));
        CopyRowEncoder one = CopyRowEncoder.of(out(Map.of("format", "csv", "force_quote", "b")), List.of("a", "b"));

        assertThat(text(all.encode(new String[] {"1", null}))).isEqualTo("\"1\",\n");
        assertThat(text(one.encode(new String[] {"1", "2"}))).isEqualTo("1,\"2\"\n");
    }

    @Test
    void csvOwnQuoteAndEscapeCharacters() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of("format", "csv", "quote", "'", "escape", "\\")),
                List.of("a"));

        assertThat(text(encoder.encode(new String[] {"it's \\ ok,"}))).isEqualTo("'it\\'s \\\\ ok,'\n");
    }

    @Test
    void csvHeaderNamesTheColumnsWithoutForceQuote() {
        CopyRowEncoder encoder = CopyRowEncoder.of(out(Map.of("format", "csv", "force_quote", "*")),
                List.of("id", "the,name"));

        assertThat(text(encoder.header(List.of("id", "the,name")))).isEqualTo("id,\"the,name\"\n");
    }
}
