package io.weftdb.engine.table;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.RowLayout;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyDecoder;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.encoding.RowCodec;
import io.weftdb.engine.value.TextFormat;
import io.weftdb.engine.value.TextParse;
import io.weftdb.ir.type.TypeKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one version of a table maps to keys and values in the DATA keyspace.
 * <ul>
 *   <li>row: key = primary index id (8 bytes) + primary key columns (or the hidden row id);
 *       value = {@link RowCodec} row in the current layout</li>
 *   <li>secondary index entry: key = index id + index columns + the row key's suffix (the primary
 *       key after its index id), value empty. The suffix makes every entry unique and leads back to
 *       the row.</li>
 * </ul>
 */
public final class TableCodec {
    private static final byte[] EMPTY = new byte[0];

    private final TableDef table;
    private final TypeKind[] currentKinds;
    private final int[] primaryPositions;
    private final boolean[] primaryDescending;
    private final TypeKind[] primaryKinds;
    private final Map<Integer, LayoutReader> readers = new ConcurrentHashMap<>();
    /** The reader used last: rows of a table mostly share one layout, and the map lookup showed in profiles. */
    private LayoutReader lastReader;
    /** Subsets by the columns they decode: scans of one query shape share theirs. */
    private final Map<BitSet, Subset> subsets = new ConcurrentHashMap<>();
    /** Live columns of array type: the row format has no array encoding, so they are stored as their text. */
    private final int[] arrayPositions;

    /** The last codec made per table id; a codec is checked to be of the very TableDef asked for. */
    private static final Map<Long, TableCodec> RECENT = new ConcurrentHashMap<>();
    private static final int RECENT_LIMIT = 4096;

    /**
     * The codec of {@code table}, shared: building one (and its layout readers) per statement cost
     * more than a point lookup's own work. Codecs are immutable but for their thread-safe caches.
     */
    public static TableCodec of(TableDef table) {
        TableCodec codec = RECENT.get(table.id());
        if (codec != null && codec.table == table) {
            return codec;
        }
        if (RECENT.size() >= RECENT_LIMIT) {
            RECENT.clear(); // dropped tables' codecs go too; the live ones are rebuilt on next use
        }
        codec = new TableCodec(table);
        RECENT.put(table.id(), codec);
        return codec;
    }

    public TableCodec(TableDef table) {
        this.table = table;
        List<ColumnDef> columns = table.columns();
        currentKinds = new TypeKind[columns.size()];
        List<Integer> arrays = new ArrayList<>();
        for (int i = 0; i < currentKinds.length; i++) {
            currentKinds[i] = stored(columns.get(i).type().kind());
            if (columns.get(i).type().kind() == TypeKind.ARRAY) {
                arrays.add(i);
            }
        }
        arrayPositions = arrays.stream().mapToInt(Integer::intValue).toArray();
        IndexDef primary = table.primaryIndex();
        primaryPositions = table.keyPositions(primary);
        primaryDescending = descending(primary);
        primaryKinds = kinds(primaryPositions);
    }

    public TableDef table() {
        return table;
    }

    private static boolean[] descending(IndexDef index) {
        boolean[] result = new boolean[index.descending().size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = index.descending().get(i);
        }
        return result;
    }

    private TypeKind[] kinds(int[] positions) {
        TypeKind[] result = new TypeKind[positions.length];
        for (int i = 0; i < positions.length; i++) {
            result[i] = currentKinds[positions[i]];
        }
        return result;
    }

    public static byte[] indexPrefix(long indexId) {
        return new KeyEncoder().writeLong(indexId).toByteArray();
    }

    /** The smallest key after every entry of the index. */
    public static byte[] indexEnd(long indexId) {
        return KeyEncoder.prefixSuccessor(indexPrefix(indexId));
    }

    /** The row key of {@code row}; {@code rowId} is used only by tables without a primary key. */
    public byte[] rowKey(Object[] row, long rowId) {
        KeyEncoder encoder = new KeyEncoder().writeLong(table.primaryIndex().id());
        if (table.hiddenRowId()) {
            return encoder.writeLong(rowId).toByteArray();
        }
        for (int i = 0; i < primaryPositions.length; i++) {
            encoder.writeValue(primaryKinds[i], row[primaryPositions[i]], primaryDescending[i]);
        }
        return encoder.toByteArray();
    }

    public byte[] encodeRow(Object[] row) {
        Object[] stored = row;
        for (int position : arrayPositions) {
            if (row[position] != null) {
                stored = stored == row ? row.clone() : stored;
                stored[position] = TextFormat.format(row[position], table.columns().get(position).type(), ZoneOffset.UTC);
            }
        }
        return RowCodec.encode(table.currentLayout().version(), currentKinds, stored);
    }

    /** The kind a column is stored as: arrays as their text form. */
    private static TypeKind stored(TypeKind kind) {
        return kind == TypeKind.ARRAY ? TypeKind.TEXT : kind;
    }

    /** Decodes a stored row into the table's live columns, filling columns added later with their missing value. */
    public Object[] decodeRow(byte[] value) {
        int version = RowCodec.layoutVersion(value);
        LayoutReader reader = reader(version);
        Object[] row = reader.missing.clone();
        RowCodec.decode(value, reader.kinds, reader.targets, row);
        for (int position : arrayPositions) {
            if (row[position] instanceof String text) {
                row[position] = TextParse.parse(text, table.columns().get(position).type(), ZoneOffset.UTC);
            }
        }
        return row;
    }

    /**
     * A decoder of the columns {@code wanted} marks: a scan decodes its filter's columns first and
     * the rest only for rows that pass.
     */
    public Subset subset(boolean[] wanted) {
        BitSet key = new BitSet(wanted.length);
        for (int i = 0; i < wanted.length; i++) {
            key.set(i, wanted[i]);
        }
        return subsets.computeIfAbsent(key, ignored -> new Subset(wanted));
    }

    /** Decodes some columns of stored rows into a row array (see {@link #subset}). */
    public final class Subset {
        private final boolean[] wanted;
        private final Map<Integer, int[]> targetsByVersion = new ConcurrentHashMap<>();
        private Targets lastTargets;

        private Subset(boolean[] wanted) {
            this.wanted = wanted.clone();
        }

        /** Decodes this subset's columns of {@code value} into {@code row} (from {@link #emptyRow(byte[])}). */
        public void decode(byte[] value, Object[] row) {
            int version = RowCodec.layoutVersion(value);
            LayoutReader reader = reader(version);
            Targets last = lastTargets;
            int[] targets = last != null && last.version() == version ? last.targets() : null;
            if (targets == null) {
                targets = targetsByVersion.computeIfAbsent(version, v -> {
                    int[] masked = new int[reader.targets.length];
                    for (int i = 0; i < masked.length; i++) {
                        int target = reader.targets[i];
                        masked[i] = target >= 0 && wanted[target] ? target : -1;
                    }
                    return masked;
                });
                lastTargets = new Targets(version, targets);
            }
            int columns = targets.length;
            while (columns > 0 && targets[columns - 1] < 0) {
                columns--;
            }
            if (columns > 0) {
                RowCodec.decode(value, reader.kinds, targets, row, columns);
            }
            for (int position : arrayPositions) {
                if (wanted[position] && row[position] instanceof String text) {
                    row[position] = TextParse.parse(text, table.columns().get(position).type(), ZoneOffset.UTC);
                }
            }
        }
    }

    /** A row holding only the values of columns its stored layout lacks (added later), to decode into. */
    public Object[] emptyRow(byte[] value) {
        return reader(RowCodec.layoutVersion(value)).missing.clone();
    }

    /**
     * The reader of a layout version. The last one is remembered in a plain field: codecs are shared
     * between threads, and a reader is immutable, so a stale or racing read only costs a map lookup.
     */
    private LayoutReader reader(int version) {
        LayoutReader last = lastReader;
        if (last != null && last.version == version) {
            return last;
        }
        LayoutReader reader = readers.computeIfAbsent(version, v -> new LayoutReader(table.layout(v)));
        lastReader = reader;
        return reader;
    }

    /** A subset's decode targets for one layout version. */
    private record Targets(int version, int[] targets) {}

    /** Index entry key: index id + index columns + row key suffix. */
    public byte[] indexKey(IndexDef index, Object[] row, byte[] rowKey) {
        KeyEncoder encoder = indexValuesKey(index, row);
        encoder.writeBytes(Arrays.copyOfRange(rowKey, 8, rowKey.length));
        return encoder.toByteArray();
    }

    /** Index id + index columns: the prefix all entries with these values share (for unique checks). */
    public KeyEncoder indexValuesKey(IndexDef index, Object[] row) {
        int[] positions = table.keyPositions(index);
        KeyEncoder encoder = new KeyEncoder().writeLong(index.id());
        for (int i = 0; i < positions.length; i++) {
            encoder.writeValue(currentKinds[positions[i]], row[positions[i]], index.descending().get(i));
        }
        return encoder;
    }

    /** Whether any of the index's columns is NULL in {@code row} (NULLs never conflict in a unique index). */
    public boolean hasNullKey(IndexDef index, Object[] row) {
        for (int position : table.keyPositions(index)) {
            if (row[position] == null) {
                return true;
            }
        }
        return false;
    }

    /** The row key an index entry points to. */
    public byte[] rowKeyOfIndexEntry(IndexDef index, byte[] entryKey) {
        KeyDecoder decoder = new KeyDecoder(entryKey, 8);
        int[] positions = table.keyPositions(index);
        for (int i = 0; i < positions.length; i++) {
            decoder.skipValue(currentKinds[positions[i]], index.descending().get(i));
        }
        byte[] rowKey = new byte[8 + entryKey.length - decoder.position()];
        System.arraycopy(indexPrefix(table.primaryIndex().id()), 0, rowKey, 0, 8);
        System.arraycopy(entryKey, decoder.position(), rowKey, 8, entryKey.length - decoder.position());
        return rowKey;
    }

    public static byte[] emptyValue() {
        return EMPTY;
    }

    /** Decoding plan for rows written with one layout. */
    private final class LayoutReader {
        final int version;
        final TypeKind[] kinds;
        final int[] targets;
        final Object[] missing;

        LayoutReader(RowLayout layout) {
            version = layout.version();
            kinds = layout.kinds().stream().map(TableCodec::stored).toArray(TypeKind[]::new);
            targets = new int[kinds.length];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = table.columnPosition(layout.columnIds().get(i));
            }
            missing = new Object[table.columns().size()];
            for (int i = 0; i < missing.length; i++) {
                ColumnDef column = table.columns().get(i);
                if (!layout.columnIds().contains(column.id())) {
                    missing[i] = column.missingValue();
                }
            }
        }
    }
}
