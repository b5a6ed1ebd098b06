package io.weftdb.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Copy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyRowParserTest {

    /** Feeds {@code data} in chunks of {@code chunk} bytes and returns the rows found, as the loader does. */
    private static List<String[]> rows(CopyRowParser parser, String data, int chunk) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        int lineStart = 0;
        int scan = 0;
        for (int limit = Math.min(chunk, bytes.length); ; limit = Math.min(limit + chunk, bytes.length)) {
            while (true) {
                int end = parser.findLineEnd(bytes, scan, limit);
                if (end < 0) {
                    scan = limit;
                    break;
                }
                rows.add(parser.parseLine(bytes, lineStart, end));
                lineStart = end + 1;
                scan = lineStart;
            }
            if (limit == bytes.length) {
                break;
            }
        }
        if (lineStart < bytes.length) {
            rows.add(parser.parseLine(bytes, lineStart, bytes.length));
        }
        return rows;
    }

    private static CopyOptions csv(Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.put("format", "csv");
        return CopyOptions.of(all, Copy.Direction.FROM);
    }

    @Test
    void textSplitsOnTabsAndReadsBackslashNAsNull() {
        List<String[]> rows = rows(new TextRowParser(CopyOptions.text()), "1\tone\n2\t\\N\n", 1000);

        assertThat(rows).containsExactly(new String[] {"1", "one"}, new String[] {"2", null});
    }

    @Test
    void textDecodesEveryBackslashEscape() {
        String[] row = rows(new TextRowParser(CopyOptions.text()),
                "a\\tb\\nc\\\\d\\101\\x41\\b\\f\\r\\v\\q\\.\n", 1000).getFirst();

        assertThat(row).containsExactly("a\tb\nc\\dAA\b\f\r\u000Bq.");
    }

    @Test
    void textEscapedDelimiterAndNewlineStayInsideTheField() {
        List<String[]> rows = rows(new TextRowParser(CopyOptions.text()), "a\\\tb\tc\\\nd\n", 1000);

        assertThat(rows).containsExactly(new String[] {"a\tb", "c\nd"});
    }

    @Test
    void textFindsRowsWhenChunksSplitLinesAndEscapesAnywhere() {
        String data = "1\tx\\ty\n22\t\\N\n333\tlast";

        for (int chunk = 1; chunk <= data.length(); chunk++) {
            assertThat(rows(new TextRowParser(CopyOptions.text()), data, chunk))
                    .containsExactly(new String[] {"1", "x\ty"}, new String[] {"22", null}, new String[] {"333", "last"});
        }
    }

    @Test
    void textEndMarkerEndsTheData() {
        List<String[]> rows = rows(new TextRowParser(CopyOptions.text()), "1\n\\.\n", 1000);

        assertThat(rows.get(1)).isSameAs(CopyRowParser.END_OF_DATA);
    }

    @Test
    void textNullStringIsComparedBeforeUnescaping() {
        CopyOptions options = CopyOptions.of(Map.of("null", "NULL", "delimiter", "|"), Copy.Direction.FROM);

        List<String[]> rows = rows(new TextRowParser(options), "NULL|\\NULL|\\N|a\\|b\n", 1000);

        assertThat(rows).containsExactly(new String[] {null, "NULL", "N", "a|b"});
    }

    @Test
    void csvTellsQuotedEmptyStringFromUnquotedNull() {
        List<String[]> rows = rows(new CsvRowParser(CopyOptions.csv()), "1,,\"\"\n", 1000);

        assertThat(rows).containsExactly(new String[] {"1", null, ""});
    }

    @Test
    void csvKeepsDelimitersDoubledQuotesAndNewlinesInsideQuotes() {
        String data = "1,\"a,b\",\"say \"\"hi\"\"\"\n2,\"line1\nline2\",x\r\n";

        for (int chunk = 1; chunk <= data.length(); chunk++) {
            assertThat(rows(new CsvRowParser(CopyOptions.csv()), data, chunk)).containsExactly(
                    new String[] {"1", "a,b", "say \"hi\""}, new String[] {"2", "line1\nline2", "x\r"});
        }
    }

    @Test
    void csvWithOwnEscapeCharacterEscapesQuotesAndItself() {
        CsvRowParser parser = new CsvRowParser(csv(Map.of("escape", "\\")));

        List<String[]> rows = rows(parser, "\"a\\\"b\\\\c\",\"\\\"\"\n,\"\"\"\"\n", 1000);

        assertThat(rows.getFirst()).containsExactly("a\"b\\c", "\"");
    }

    @Test
    void csvUnterminatedQuoteIsABadCopyFileFormat() {
        CsvRowParser parser = new CsvRowParser(CopyOptions.csv());
        byte[] line = "1,\"open".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.findLineEnd(line, 0, line.length)).isEqualTo(-1);
        assertThat(parser.insideQuotedField()).isTrue();
        assertThatThrownBy(() -> parser.parseLine(line, 0, line.length))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_COPY_FILE_FORMAT))
                .hasMessage("unterminated CSV quoted field");
    }

    @Test
    void csvOtherDelimiterAndNullString() {
        CsvRowParser parser = new CsvRowParser(csv(Map.of("delimiter", ";", "null", "NA")));

        assertThat(rows(parser, "NA;\"NA\";a,b\n", 1000)).containsExactly(new String[] {null, "NA", "a,b"});
    }
}
