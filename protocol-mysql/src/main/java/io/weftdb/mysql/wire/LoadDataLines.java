package io.weftdb.mysql.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What LOAD DATA does to the file's lines before they are rows, where COPY has no option for it:
 * IGNORE n LINES drops the first n lines, and LINES STARTING BY 'p' keeps of each line only what
 * follows the first {@code p} in it (a line without {@code p} is skipped), as MySQL does. Lines end
 * at '\n' (a '\r' before it stays with the line, as COPY reads it); the file arrives in packets
 * that split lines anywhere, so an incomplete line waits for the next one.
 */
final class LoadDataLines {
    private final byte[] prefix;
    private final Consumer<byte[]> downstream;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long linesToSkip;

    /**
     * @param skip lines dropped first
     * @param startingBy the prefix each kept line must hold, or empty for none
     * @param downstream receives the kept lines, each with its '\n'
     */
    LoadDataLines(long skip, String startingBy, Consumer<byte[]> downstream) {
        this.linesToSkip = skip;
        this.prefix = startingBy.getBytes(StandardCharsets.UTF_8);
        this.downstream = downstream;
    }

    void accept(byte[] data, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (data[i] == '\n') {
                pending.write(data, start, i + 1 - start);
                line(pending.toByteArray());
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(data, start, end - start);
    }

    /** The end of the file: a last line without its '\n' is a line too. */
    void finish() {
        if (pending.size() > 0) {
            line(pending.toByteArray());
            pending.reset();
        }
    }

    private void line(byte[] line) {
        if (linesToSkip > 0) {
            linesToSkip--;
            return;
        }
        if (prefix.length == 0) {
            downstream.accept(line);
            return;
        }
        int at = indexOf(line, prefix);
        if (at >= 0) {
            byte[] rest = new byte[line.length - at - prefix.length];
            System.arraycopy(line, at + prefix.length, rest, 0, rest.length);
            downstream.accept(rest);
        }
    }

    private static int indexOf(byte[] line, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= line.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (line[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
