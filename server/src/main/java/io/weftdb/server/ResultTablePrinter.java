package io.weftdb.server;

import java.util.List;
import java.util.Objects;

/**
 * Prints a result the way psql's default "aligned" format does (border 1, header and footer on):
 *
 * <pre>
 *  id | name  
 * ----+-------
 *   1 | alice
 *  22 | 
 * (2 rows)
 *
 * </pre>
 *
 * Column names are centered, values padded to the column's display width, right-aligned columns
 * padded on the left, the last left-aligned column not padded at all, SQL NULL shown as nothing.
 * Pure: it knows nothing of the engine; callers pass values already formatted as text. Values
 * holding newlines or tabs are printed as they are (psql would wrap them with {@code +} markers).
 */
public final class ResultTablePrinter {

    /** How a column's values sit in their cells; psql right-aligns numbers and left-aligns the rest. */
    public enum Alignment {
        LEFT,
        RIGHT
    }

    private ResultTablePrinter() {
    }

    /**
     * The whole table as psql prints it, ending with the row-count footer and a blank line.
     *
     * @param columnNames one per column
     * @param alignments one per column
     * @param rows each with one text value (or null for SQL NULL) per column
     */
    public static String format(List<String> columnNames, List<Alignment> alignments, List<? extends List<String>> rows) {
        int columns = columnNames.size();
        if (alignments.size() != columns) {
            throw new IllegalArgumentException(alignments.size() + " alignments for " + columns + " columns");
        }
        StringBuilder out = new StringBuilder();
        if (columns == 0) {
            out.append("--\n");
            return appendFooter(out, rows.size());
        }
        int[] widths = new int[columns];
        for (int column = 0; column < columns; column++) {
            widths[column] = DisplayWidth.of(Objects.requireNonNull(columnNames.get(column), "column name"));
        }
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("row of " + row.size() + " values for " + columns + " columns");
            }
            for (int column = 0; column < columns; column++) {
                String value = row.get(column);
                if (value != null) {
                    widths[column] = Math.max(widths[column], DisplayWidth.of(value));
                }
            }
        }

        for (int column = 0; column < columns; column++) {
            String name = columnNames.get(column);
            int extra = widths[column] - DisplayWidth.of(name);
            out.append(column == 0 ? " " : " | ");
            spaces(out, extra / 2).append(name);
            spaces(out, extra - extra / 2);
        }
        out.append(" \n");

        for (int column = 0; column < columns; column++) {
            if (column > 0) {
                out.append('+');
            }
            out.append("-".repeat(widths[column] + 2));
        }
        out.append('\n');

        for (List<String> row : rows) {
            for (int column = 0; column < columns; column++) {
                String value = Objects.requireNonNullElse(row.get(column), "");
                int padding = widths[column] - DisplayWidth.of(value);
                out.append(column == 0 ? " " : " | ");
                if (alignments.get(column) == Alignment.RIGHT) {
                    spaces(out, padding).append(value);
                } else {
                    out.append(value);
                    if (column < columns - 1) {
                        spaces(out, padding);
                    }
                }
            }
            out.append('\n');
        }
        return appendFooter(out, rows.size());
    }

    private static String appendFooter(StringBuilder out, int rowCount) {
        out.append('(').append(rowCount).append(rowCount == 1 ? " row)\n" : " rows)\n").append('\n');
        return out.toString();
    }

    private static StringBuilder spaces(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
        return out;
    }
}
