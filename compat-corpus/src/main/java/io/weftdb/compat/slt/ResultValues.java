package io.weftdb.compat.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** Sorting and hashing of rendered values, as upstream does before comparing them. */
public final class ResultValues {
    private ResultValues() {
    }

    /**
     * Orders row-major {@code values} of {@code columns} columns. Comparison is on the rendered text,
     * code unit by code unit like C's {@code strcmp}, so "10" sorts before "9".
     */
    public static List<String> sorted(List<String> values, int columns, SortMode mode) {
        return switch (mode) {
            case NOSORT -> List.copyOf(values);
            case VALUESORT -> values.stream().sorted().toList();
            case ROWSORT -> sortedRows(values, columns);
        };
    }

    private static List<String> sortedRows(List<String> values, int columns) {
        if (columns <= 0 || values.size() % columns != 0) {
            return List.copyOf(values);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int start = 0; start < values.size(); start += columns) {
            rows.add(values.subList(start, start + columns));
        }
        rows.sort(ResultValues::compareRows);
        List<String> result = new ArrayList<>(values.size());
        rows.forEach(result::addAll);
        return List.copyOf(result);
    }

    private static int compareRows(List<String> left, List<String> right) {
        Comparator<String> text = Comparator.naturalOrder();
        for (int column = 0; column < left.size(); column++) {
            int order = text.compare(left.get(column), right.get(column));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Lowercase hex MD5 of every value followed by a newline, concatenated. */
    public static String md5(List<String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (String value : values) {
                digest.update(value.getBytes(StandardCharsets.ISO_8859_1));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
