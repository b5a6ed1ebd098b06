package io.weftdb.engine.copy;

/**
 * Reads the rows of one COPY FROM data stream in one format. Rows are found in two steps so data
 * can arrive in chunks split anywhere: {@link #findLineEnd} scans new bytes for the end of the
 * current row (keeping what it learnt, such as being inside a CSV quote, between calls), then
 * {@link #parseLine} splits the complete row into fields.
 */
sealed interface CopyRowParser permits TextRowParser, CsvRowParser {
    /** The fields of a row whose data says "end of data" ({@code \.} alone on a line). */
    String[] END_OF_DATA = new String[0];

    /**
     * The index of the newline ending the current row, scanning {@code data[from, limit)}, or -1 when
     * the row does not end there (the next call continues from {@code limit}).
     */
    int findLineEnd(byte[] data, int from, int limit);

    /**
     * The fields of the row {@code data[start, end)} (line terminator excluded); null elements are
     * SQL NULLs; {@link #END_OF_DATA} for the end marker.
     */
    String[] parseLine(byte[] data, int start, int end);

    /** Whether the data ended in the middle of a row that cannot end there (an open CSV quote). */
    boolean insideQuotedField();

    static CopyRowParser of(CopyOptions options) {
        return switch (options.format()) {
            case TEXT -> new TextRowParser(options);
            case CSV -> new CsvRowParser(options);
            case BINARY -> throw new IllegalArgumentException("binary rows have no lines");
        };
    }

    /** Whether {@code data[start, end)} is the two bytes {@code \.}. */
    static boolean isEndMarker(byte[] data, int start, int end) {
        return end - start == 2 && data[start] == '\\' && data[start + 1] == '.';
    }
}
