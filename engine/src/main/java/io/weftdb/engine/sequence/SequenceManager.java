package io.weftdb.engine.sequence;

import io.weftdb.engine.catalog.CatalogStore;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.WriteBatch;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Sequence counters, outside transactions as in PostgreSQL (a rolled-back nextval is not returned
 * again). Like PostgreSQL's WAL-ahead logging of sequences, each counter persists a value
 * {@value #LOG_AHEAD} steps ahead of what it handed out, so most nextval calls touch no disk;
 * after a crash a sequence skips at most that many values, and a clean shutdown records exact ones.
 *
 * <p>Durability: the ahead-write is not synced itself, but any commit that used a value syncs the
 * same write-ahead log after it, so a value in a committed row is never handed out again.
 */
public final class SequenceManager {
    private static final int LOG_AHEAD = 32;
    /** Hidden row ids are logged further ahead: a gap after a crash costs nothing, a write per 32 rows slows loads. */
    private static final int ROW_ID_LOG_AHEAD = 1 << 16;
    /** Counter id of the catalog's object-id allocator (catalog ids start above it). */
    private static final long OBJECT_IDS = 0;

    private final Storage storage;
    private final Map<Long, Counter> counters = new HashMap<>();

    public SequenceManager(Storage storage) {
        this.storage = storage;
    }

    /** A new catalog object id: never reused, never rolled back. */
    public long allocateObjectId() {
        return nextRaw(OBJECT_IDS, 1, 1, Long.MAX_VALUE, 1000, false, "object ids", LOG_AHEAD);
    }

    /** The next hidden row id of a table without a primary key. */
    public long nextRowId(long tableId) {
        return nextRaw(rowIdCounter(tableId), 1, 1, Long.MAX_VALUE, 1, false, "row ids", ROW_ID_LOG_AHEAD);
    }

    public long nextValue(SequenceDef sequence) {
        return nextRaw(sequence.id(), sequence.increment(), sequence.minValue(), sequence.maxValue(), sequence.start(),
                sequence.cycle(), sequence.name(), LOG_AHEAD);
    }

    /** {@code setval}: the next nextval returns {@code value} + increment when {@code called}, else {@code value}. */
    public synchronized void setValue(SequenceDef sequence, long value, boolean called) {
        if (value < sequence.minValue() || value > sequence.maxValue()) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + sequence.name() + "\" (" + sequence.minValue() + ".."
                    + sequence.maxValue() + ")");
        }
        Counter counter = counter(sequence.id(), sequence.start());
        counter.last = value;
        counter.called = called;
        counter.persisted = value;
        persist(sequence.id(), value, called);
    }

    /**
     * Moves an ascending sequence on so that its next value comes after {@code used} (MySQL's
     * AUTO_INCREMENT after an explicitly inserted id); nothing when it is past it already.
     */
    public synchronized void advancePast(SequenceDef sequence, long used) {
        if (sequence.increment() <= 0 || used >= sequence.maxValue()) {
            return;
        }
        Counter counter = counter(sequence.id(), sequence.start());
        long next = counter.called ? counter.last + sequence.increment() : counter.last;
        if (used >= next && used >= sequence.minValue()) {
            setValue(sequence, used, true);
        }
    }

    /** Restarts a sequence at its start value (ALTER SEQUENCE RESTART, TRUNCATE ... RESTART IDENTITY). */
    public synchronized void restart(SequenceDef sequence) {
        setValue(sequence, sequence.start(), false);
    }

    /** Forgets a dropped sequence's counter. */
    public synchronized void forget(long sequenceId) {
        counters.remove(sequenceId);
        storage.write(new WriteBatch().delete(Keyspace.SEQUENCES, CatalogStore.key(sequenceId)), false);
    }

    public synchronized void forgetRowIds(long tableId) {
        forget(rowIdCounter(tableId));
    }

    /** Records every counter's exact value; called on clean shutdown. */
    public synchronized void flush() {
        WriteBatch batch = new WriteBatch();
        for (Map.Entry<Long, Counter> entry : counters.entrySet()) {
            Counter counter = entry.getValue();
            batch.put(Keyspace.SEQUENCES, CatalogStore.key(entry.getKey()), encode(counter.last, counter.called));
            counter.persisted = counter.last;
        }
        if (!batch.isEmpty()) {
            storage.write(batch, true);
        }
    }

    private synchronized long nextRaw(long id, long increment, long min, long max, long start, boolean cycle,
                                      String name, int logAhead) {
        Counter counter = counter(id, start);
        long next;
        if (!counter.called) {
            next = counter.last;
        } else {
            try {
                next = Math.addExact(counter.last, increment);
            } catch (ArithmeticException e) {
                next = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                if (!cycle) {
                    throw limit(name, increment > 0, increment > 0 ? max : min);
                }
            }
            if (next > max || next < min) {
                if (!cycle) {
                    throw limit(name, increment > 0, increment > 0 ? max : min);
                }
                next = increment > 0 ? min : max;
            }
        }
        counter.last = next;
        counter.called = true;
        boolean beyondPersisted = increment > 0 ? next > counter.persisted : next < counter.persisted;
        if (beyondPersisted || !counter.persistedCalled) {
            long ahead;
            try {
                ahead = Math.addExact(next, Math.multiplyExact(increment, logAhead - 1));
            } catch (ArithmeticException e) {
                ahead = increment > 0 ? max : min;
            }
            ahead = increment > 0 ? Math.min(ahead, max) : Math.max(ahead, min);
            persist(id, ahead, true);
            counter.persisted = ahead;
            counter.persistedCalled = true;
        }
        return next;
    }

    private static SqlException limit(String name, boolean ascending, long bound) {
        return new SqlException(ErrorCode.SEQUENCE_LIMIT_EXCEEDED, "nextval: reached " + (ascending ? "maximum" : "minimum")
                + " value of sequence \"" + name + "\" (" + bound + ")");
    }

    private Counter counter(long id, long start) {
        Counter counter = counters.get(id);
        if (counter == null) {
            counter = new Counter();
            byte[] stored;
            try (ReadView view = storage.latest()) {
                stored = view.get(Keyspace.SEQUENCES, CatalogStore.key(id));
            }
            if (stored == null) {
                counter.last = start;
                counter.called = false;
                counter.persisted = start;
                counter.persistedCalled = false;
            } else {
                ByteBuffer buffer = ByteBuffer.wrap(stored);
                counter.last = buffer.getLong();
                counter.called = buffer.get() != 0;
                counter.persisted = counter.last;
                counter.persistedCalled = counter.called;
            }
            counters.put(id, counter);
        }
        return counter;
    }

    private void persist(long id, long value, boolean called) {
        storage.write(new WriteBatch().put(Keyspace.SEQUENCES, CatalogStore.key(id), encode(value, called)), false);
    }

    private static byte[] encode(long value, boolean called) {
        return ByteBuffer.allocate(9).putLong(value).put((byte) (called ? 1 : 0)).array();
    }

    /** Row-id counters live beside sequence counters, under ids no catalog object uses. */
    private static long rowIdCounter(long tableId) {
        return tableId | Long.MIN_VALUE;
    }

    private static final class Counter {
        long last;
        boolean called;
        long persisted;
        boolean persistedCalled;
    }
}
