package io.weftdb.engine.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of pg_get_keywords(): PostgreSQL 15's keyword list (the words its grammar knows, with
 * their category), read once from the {@code pg-keywords.tsv} resource taken from that release.
 */
final class PgKeywords {
    static final List<Object[]> ROWS = load();

    private PgKeywords() {
    }

    private static List<Object[]> load() {
        try (InputStream in = PgKeywords.class.getResourceAsStream("/io/weftdb/engine/system/pg-keywords.tsv")) {
            if (in == null) {
                throw new IllegalStateException("pg-keywords.tsv is missing from the engine's resources");
            }
            List<Object[]> rows = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                rows.add(new Object[] {fields[0], fields[1], fields[2].equals("t"), fields[3], fields[4]});
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
