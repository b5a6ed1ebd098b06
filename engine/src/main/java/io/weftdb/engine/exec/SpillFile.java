package io.weftdb.engine.exec;

import io.weftdb.engine.encoding.RowCodec;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.engine.value.TextParse;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rows written to a temporary file and read back in the same order: a sorted run of a sort that
 * outgrew its memory budget. Rows are stored in the table row format; array values, which that
 * format does not hold, as their text. The file is deleted when closed.
 */
public final class SpillFile implements AutoCloseable {
    private final Path path;
    private final List<DataType> types;
    private final TypeKind[] kinds;
    private DataOutputStream out;
    private long rows;

    public SpillFile(List<DataType> types) {
        this.types = List.copyOf(types);
        this.kinds = new TypeKind[types.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = types.get(i).kind() == TypeKind.ARRAY ? TypeKind.TEXT : types.get(i).kind();
        }
        try {
            this.path = Files.createTempFile("weftdb-spill-", ".rows");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
        } catch (IOException e) {
            throw spillFailed(e);
        }
    }

    public void write(Object[] row) {
        Object[] stored = row;
        for (int i = 0; i < kinds.length; i++) {
            if (types.get(i).kind() == TypeKind.ARRAY && row[i] != null) {
                stored = stored == row ? row.clone() : stored;
                stored[i] = TextFormat.format(row[i], types.get(i), ZoneOffset.UTC);
            }
        }
        byte[] bytes = RowCodec.encode(0, kinds, stored);
        try {
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw spillFailed(e);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Ends writing and reads the rows back, in the order written. */
    public RowSource read() {
        try {
            out.close();
            out = null;
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            int[] positions = new int[kinds.length];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            return new RowSource() {
                private Object[] row;

                @Override
                public boolean next() {
                    try {
                        int length = in.readInt();
                        byte[] bytes = in.readNBytes(length);
                        row = new Object[kinds.length];
                        RowCodec.decode(bytes, kinds, positions, row);
                        for (int i = 0; i < kinds.length; i++) {
                            if (types.get(i).kind() == TypeKind.ARRAY && row[i] != null) {
                                row[i] = TextParse.parse((String) row[i], types.get(i), ZoneOffset.UTC);
                            }
                        }
                        return true;
                    } catch (EOFException end) {
                        return false;
                    } catch (IOException e) {
                        throw spillFailed(e);
                    }
                }

                @Override
                public Object[] row() {
                    return row;
                }

                @Override
                public void close() {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw spillFailed(e);
        }
    }

    /** Closes (and deletes) every file of {@code files} not yet closed, leaving its slot empty. */
    public static void closeAll(SpillFile[] files) {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                files[i].close();
                files[i] = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SqlException spillFailed(IOException e) {
        return new SqlException(ErrorCode.IO_ERROR, "could not write or read a temporary file: " + e.getMessage(), 0,
                null, null, e);
    }
}
