package io.weftdb.engine.copy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the rows of a COPY TO in one format, one line per row, each ended by a newline. */
sealed interface CopyRowEncoder permits TextRowEncoder, CsvRowEncoder {
    /** One encoded row; null elements are SQL NULLs. */
    byte[] encode(String[] fields);

    /** The header line naming the columns (CSV quoting rules apply to names too, without FORCE_QUOTE). */
    byte[] header(List<String> names);

    static CopyRowEncoder of(CopyOptions options, List<String> columnNames) {
        return switch (options.format()) {
            case TEXT -> new TextRowEncoder(options);
            case CSV -> new CsvRowEncoder(options, columnNames);
            case BINARY -> throw new IllegalArgumentException("binary rows have no lines");
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
