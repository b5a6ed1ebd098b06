package io.weftdb.engine.stats;

import io.weftdb.engine.encoding.KeyDecoder;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.ir.type.TypeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ANALYZE results kept as ordinary transactional data in a key range of their own (as COMMENT ON
 * texts are; no index id reaches it), one entry per table: they commit with the ANALYZE that
 * computed them and are read back when the engine opens, so estimates survive a restart.
 */
final class StatisticsStore {
    /** The reserved index id of the range (comments use -1). */
    private static final long RANGE = -2;
    private static final long FORMAT = 1;

    private StatisticsStore() {
    }

    static byte[] key(long tableId) {
        return new KeyEncoder().writeLong(RANGE).writeLong(tableId).toByteArray();
    }

    static void write(Transaction transaction, TableAnalysis analysis) {
        transaction.put(Keyspace.DATA, key(analysis.tableId()), encode(analysis));
    }

    static void delete(Transaction transaction, long tableId) {
        transaction.delete(Keyspace.DATA, key(tableId));
    }

    /** Every stored analysis; one that cannot be read (written by a later format) is skipped. */
    static List<TableAnalysis> all(ReadView view) {
        byte[] from = new KeyEncoder().writeLong(RANGE).toByteArray();
        List<TableAnalysis> analyses = new ArrayList<>();
        try (KeyCursor cursor = view.scan(Keyspace.DATA, from, KeyEncoder.prefixSuccessor(from))) {
            while (cursor.next()) {
                KeyDecoder key = new KeyDecoder(cursor.key());
                key.readLong();
                TableAnalysis analysis = decode(key.readLong(), cursor.value());
                if (analysis != null) {
                    analyses.add(analysis);
                }
            }
        }
        return analyses;
    }

    static byte[] encode(TableAnalysis analysis) {
        KeyEncoder out = new KeyEncoder().writeLong(FORMAT).writeLong(analysis.rows())
                .writeLong(analysis.analyzedAt().toEpochMilli()).writeLong(analysis.columns().size());
        for (ColumnStatistics column : analysis.columns().values()) {
            TypeKind kind = column.kind();
            out.writeLong(column.columnId()).writeValue(TypeKind.TEXT, kind.name(), false)
                    .writeLong(Double.doubleToLongBits(column.nullFraction()))
                    .writeLong(Double.doubleToLongBits(column.distinct())).writeLong(column.averageWidth());
            out.writeLong(column.commonValues().size());
            for (int i = 0; i < column.commonValues().size(); i++) {
                out.writeValue(kind, column.commonValues().get(i), false)
                        .writeLong(Double.doubleToLongBits(column.commonFrequencies()[i]));
            }
            out.writeLong(column.histogram().size());
            for (Object bound : column.histogram()) {
                out.writeValue(kind, bound, false);
            }
        }
        return out.toByteArray();
    }

    static TableAnalysis decode(long tableId, byte[] value) {
        KeyDecoder in = new KeyDecoder(value);
        if (in.readLong() != FORMAT) {
            return null;
        }
        long rows = in.readLong();
        Instant analyzedAt = Instant.ofEpochMilli(in.readLong());
        long columnCount = in.readLong();
        Map<Integer, ColumnStatistics> columns = new HashMap<>();
        for (long c = 0; c < columnCount; c++) {
            int columnId = (int) in.readLong();
            TypeKind kind = TypeKind.valueOf((String) in.readValue(TypeKind.TEXT, false));
            double nullFraction = Double.longBitsToDouble(in.readLong());
            double distinct = Double.longBitsToDouble(in.readLong());
            int averageWidth = (int) in.readLong();
            int commonCount = (int) in.readLong();
            List<Object> common = new ArrayList<>(commonCount);
            double[] frequencies = new double[commonCount];
            for (int i = 0; i < commonCount; i++) {
                common.add(in.readValue(kind, false));
                frequencies[i] = Double.longBitsToDouble(in.readLong());
            }
            int histogramCount = (int) in.readLong();
            List<Object> histogram = new ArrayList<>(histogramCount);
            for (int i = 0; i < histogramCount; i++) {
                histogram.add(in.readValue(kind, false));
            }
            columns.put(columnId, new ColumnStatistics(columnId, kind, nullFraction, distinct, averageWidth, common,
                    frequencies, histogram));
        }
        return new TableAnalysis(tableId, rows, analyzedAt, columns);
    }
}
