package io.weftdb.engine.copy;

import io.weftdb.engine.ResultColumn;
import io.weftdb.engine.RowResult;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.Copy;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.type.DataType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A running {@code COPY ... TO STDOUT}: the rows of a table or query, one encoded line per
 * {@link #nextChunk()}. The rows stream from the engine; the statement ends when they run out (or
 * on {@link #close()}).
 */
public final class CopyOut implements AutoCloseable {
    private final RowResult rows;
    private final CopyFormat format;
    /** Null for binary output, which {@link #binaryRow} writes with the codec instead. */
    private final CopyRowEncoder encoder;
    private final CopyBinaryCodec codec;
    private final DataType[] types;
    private final ZoneId zone;
    private byte[] header;
    private boolean trailerSent;
    private long count;

    private CopyOut(RowResult rows, CopyOptions options, ZoneId zone, CopyBinaryCodec codec) {
        this.rows = rows;
        this.format = options.format();
        this.zone = zone;
        this.codec = codec;
        List<String> names = rows.columns().stream().map(ResultColumn::name).toList();
        this.types = rows.columns().stream().map(ResultColumn::type).toArray(DataType[]::new);
        if (format == CopyFormat.BINARY) {
            this.encoder = null;
            // Signature, no flags, no header extension.
            this.header = java.util.Arrays.copyOf(BinaryTupleReader.SIGNATURE, BinaryTupleReader.SIGNATURE.length + 8);
        } else {
            this.encoder = CopyRowEncoder.of(options, names);
            this.header = options.header() == CopyOptions.Header.PRESENT ? encoder.header(names) : null;
            this.trailerSent = true;
        }
    }

    /** Checks the options of a COPY TO before anything runs. */
    public static CopyOptions options(Copy copy) {
        return CopyOptions.of(copy.options(), Copy.Direction.TO);
    }

    /** The query whose rows {@code COPY table [(columns)] TO} writes: the table's columns, or the named ones. */
    public static Query query(Copy copy) {
        if (copy.query() != null) {
            return copy.query();
        }
        List<Query.SelectItem> items = new ArrayList<>();
        if (copy.columns().isEmpty()) {
            items.add(new Query.SelectItem(new Expr.Star(null, 0), null));
        } else {
            for (String column : copy.columns()) {
                items.add(new Query.SelectItem(new Expr.ColumnRef(QualifiedName.of(column), 0), null));
            }
        }
        FromItem table = new FromItem.TableRef(copy.table(), null, List.of(), 0);
        return new Query.Select(List.of(), false, List.of(), items, List.of(table), null, List.of(), null, List.of(), null,
                null, Query.LockMode.NONE);
    }

    /**
     * Wraps the rows of the statement started for {@link #query(Copy)}.
     *
     * @param codec the binary value format for FORMAT binary; null refuses binary output (0A000)
     */
    public static CopyOut of(RowResult rows, CopyOptions options, ZoneId zone, CopyBinaryCodec codec) {
        if (options.format() == CopyFormat.BINARY && codec == null) {
            rows.close();
            throw new io.weftdb.ir.error.SqlException(io.weftdb.ir.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                    "COPY FORMAT binary is not supported by this client interface");
        }
        return new CopyOut(rows, options, zone, codec);
    }

    public List<ResultColumn> columns() {
        return rows.columns();
    }

    public CopyFormat format() {
        return format;
    }

    /** The next line to send (the header first when asked for), or null when all rows are out. */
    public byte[] nextChunk() {
        if (header != null) {
            byte[] line = header;
            header = null;
            return line;
        }
        if (!rows.next()) {
            if (!trailerSent) {
                trailerSent = true;
                return new byte[] {(byte) 0xFF, (byte) 0xFF};
            }
            return null;
        }
        Object[] row = rows.row();
        count++;
        if (encoder == null) {
            return binaryRow(row);
        }
        String[] fields = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fields[i] = TextFormat.format(row[i], types[i], zone);
        }
        return encoder.encode(fields);
    }

    /** One binary tuple: Int16 field count, then per field Int32 length (-1 for NULL) and the value. */
    private byte[] binaryRow(Object[] row) {
        byte[][] values = new byte[types.length][];
        int size = 2;
        for (int i = 0; i < types.length; i++) {
            values[i] = row[i] == null ? null : codec.encode(row[i], types[i], zone);
            size += 4 + (values[i] == null ? 0 : values[i].length);
        }
        java.nio.ByteBuffer tuple = java.nio.ByteBuffer.allocate(size);
        tuple.putShort((short) types.length);
        for (byte[] value : values) {
            tuple.putInt(value == null ? -1 : value.length);
            if (value != null) {
                tuple.put(value);
            }
        }
        return tuple.array();
    }

    /** Ends the statement (if the rows did not) and returns the rows written. */
    public long finish() {
        rows.close();
        return count;
    }

    @Override
    public void close() {
        rows.close();
    }
}
