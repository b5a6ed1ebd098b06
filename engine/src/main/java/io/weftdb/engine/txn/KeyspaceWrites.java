package io.weftdb.engine.txn;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.Writes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A transaction's writes to one keyspace, in key order. Most large writes come in ascending key
 * order within one index (a bulk load, rows keyed by a growing row id, a table rewrite, a delete
 * walking a table), so they are appended to {@link PackedRun}s: disjoint key intervals, each
 * extended at its end by any key between its last key and the next run. A write that falls inside
 * a run's interval, or that would need yet another run, goes to a tree overlay, which wins over
 * the runs for the same key.
 */
final class KeyspaceWrites {
    /** Beyond this many runs a write below all of them goes to the overlay: descending keys must not make a run each. */
    private static final int MAX_RUNS = 64;

    /** Runs by their first key; their intervals never overlap. */
    private final TreeMap<byte[], PackedRun> runs = new TreeMap<>(Arrays::compareUnsigned);
    private final TreeMap<byte[], byte[]> overlay = new TreeMap<>(Arrays::compareUnsigned);

    boolean isEmpty() {
        return runs.isEmpty() && overlay.isEmpty();
    }

    /** Bytes held, roughly: an overlay entry is counted at a typical row's size with its tree node. */
    long retainedBytes() {
        long total = 200L * overlay.size();
        for (PackedRun run : runs.values()) {
            total += run.retainedBytes();
        }
        return total;
    }

    /** The buffered value: null when untouched, the tombstone when deleted. */
    byte[] get(byte[] key) {
        if (!overlay.isEmpty()) {
            byte[] value = overlay.get(key);
            if (value != null) {
                return value;
            }
        }
        Map.Entry<byte[], PackedRun> floor = runs.floorEntry(key);
        if (floor == null) {
            return null;
        }
        PackedRun run = floor.getValue();
        // A load checking each new key it appends asks past the run's end: no search for that.
        if (run.size() == 0 || run.compare(run.size() - 1, key) < 0) {
            return null;
        }
        int index = run.find(key);
        return index >= 0 ? run.value(index) : null;
    }

    /**
     * Appends the write to the run it extends, or starts a run when the key is below every run;
     * returns that run, or null (nothing done) when the key is inside a run's interval or buffered in
     * the overlay.
     */
    PackedRun tryAppend(byte[] key, byte[] value) {
        if (!overlay.isEmpty() && overlay.containsKey(key)) {
            return null;
        }
        Map.Entry<byte[], PackedRun> floor = runs.floorEntry(key);
        if (floor == null) {
            if (runs.size() >= MAX_RUNS) {
                return null;
            }
            PackedRun run = new PackedRun();
            run.append(key, value);
            runs.put(key.clone(), run);
            return run;
        }
        PackedRun run = floor.getValue();
        if (run.compare(run.size() - 1, key) >= 0) {
            return null;
        }
        run.append(key, value);
        return run;
    }

    /** Writes through the overlay; returns what was buffered for the key before (null: nothing). */
    byte[] put(byte[] key, byte[] value) {
        byte[] previous = overlay.put(key, value);
        if (previous == null) {
            Map.Entry<byte[], PackedRun> floor = runs.floorEntry(key);
            if (floor != null) {
                int index = floor.getValue().find(key);
                previous = index >= 0 ? floor.getValue().value(index) : null;
            }
        }
        return previous;
    }

    /** Undoes an overlay write: {@code previous} is what {@link #put} returned. */
    void restore(byte[] key, byte[] previous) {
        if (previous == null) {
            overlay.remove(key);
        } else {
            overlay.put(key, previous);
        }
    }

    /** Undoes the last {@code count} appends to {@code run}. */
    void dropAppended(PackedRun run, int count) {
        int index = run.size() - count;
        if (index == 0) {
            runs.remove(run.key(0));
        }
        run.truncate(index);
    }

    /** Removes {@code run}'s entries from {@code index} on and returns them (an emptied run leaves the map). */
    private PackedRun cut(PackedRun run, int index) {
        if (index == 0) {
            runs.remove(run.key(0));
        }
        return run.cut(index);
    }

    /** Undoes a cut made by {@link #deleteRunEntries}. */
    void restoreRun(PackedRun run, PackedRun removed) {
        if (run.size() == 0) {
            runs.put(removed.key(0), run);
        }
        run.appendAll(removed);
    }

    /** The overlay's entries in {@code [from, to)}, live. */
    NavigableMap<byte[], byte[]> overlayRange(byte[] from, byte[] to) {
        return overlay.subMap(from, true, to, false);
    }

    /** What a range delete does to the runs, for the undo log to reverse. */
    interface RunChanges {
        /** The run's entries from some index on were moved into {@code removed}. */
        void cut(PackedRun run, PackedRun removed);

        /** A run's entry was overwritten by a tombstone in the overlay ({@code previous}: its value). */
        void tombstoned(byte[] key, byte[] previous);
    }

    /**
     * Drops the runs' entries with keys in {@code [from, to)}: a run's tail is cut off, entries
     * followed by others that stay become overlay tombstones.
     */
    void deleteRunEntries(byte[] from, byte[] to, RunChanges changes) {
        for (PackedRun run : List.copyOf(runsIntersecting(from, to))) {
            int start = run.lowerBound(from);
            int end = run.lowerBound(to);
            if (start >= end) {
                continue;
            }
            if (end == run.size()) {
                changes.cut(run, cut(run, start));
            } else {
                for (int i = start; i < end; i++) {
                    byte[] key = run.key(i);
                    changes.tombstoned(key, put(key, WriteBuffer.TOMBSTONE));
                }
            }
        }
    }

    /** The runs, in key order, whose intervals may hold keys in {@code [from, to)} (null bounds: open). */
    private java.util.Collection<PackedRun> runsIntersecting(byte[] from, byte[] to) {
        if (runs.isEmpty()) {
            return List.of();
        }
        byte[] start = from == null ? null : runs.floorKey(from);
        NavigableMap<byte[], PackedRun> range = start == null ? runs : runs.tailMap(start, true);
        return to == null ? range.values() : range.headMap(to, false).values();
    }

    /**
     * The entries with keys in {@code [from, to)} (either bound null: open) as of now: later writes,
     * even by the statement reading them, are not seen.
     */
    Iterator<Map.Entry<byte[], byte[]>> entries(byte[] from, byte[] to) {
        List<Map.Entry<byte[], byte[]>> overlayCopy = new ArrayList<>();
        if (!overlay.isEmpty()) {
            NavigableMap<byte[], byte[]> range = overlay;
            if (from != null && to != null) {
                range = overlay.subMap(from, true, to, false);
            } else if (from != null) {
                range = overlay.tailMap(from, true);
            } else if (to != null) {
                range = overlay.headMap(to, false);
            }
            for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
                overlayCopy.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (PackedRun run : runsIntersecting(from, to)) {
            int start = from == null ? 0 : run.lowerBound(from);
            int end = to == null ? run.size() : run.lowerBound(to);
            if (start < end) {
                segments.add(new Segment(run, start, end));
            }
        }
        return new MergedEntries(overlayCopy, segments);
    }

    /** Replays every entry in key order: puts, and deletes for tombstones; run entries go out as slices, uncopied. */
    void replay(Keyspace keyspace, Writes.Receiver receiver) {
        Iterator<Map.Entry<byte[], byte[]>> overlayEntries = overlay.entrySet().iterator();
        Map.Entry<byte[], byte[]> pending = overlayEntries.hasNext() ? overlayEntries.next() : null;
        for (PackedRun run : runs.values()) {
            for (int i = 0; i < run.size(); i++) {
                int order = 1;
                while (pending != null && (order = run.compare(i, pending.getKey())) >= 0) {
                    replay(keyspace, pending, receiver);
                    pending = overlayEntries.hasNext() ? overlayEntries.next() : null;
                    if (order == 0) {
                        break;
                    }
                }
                if (order != 0) {
                    run.replay(i, keyspace, receiver);
                }
            }
        }
        while (pending != null) {
            replay(keyspace, pending, receiver);
            pending = overlayEntries.hasNext() ? overlayEntries.next() : null;
        }
    }

    private static void replay(Keyspace keyspace, Map.Entry<byte[], byte[]> entry, Writes.Receiver receiver) {
        if (entry.getValue() == WriteBuffer.TOMBSTONE) {
            receiver.delete(keyspace, entry.getKey());
        } else {
            receiver.put(keyspace, entry.getKey(), entry.getValue());
        }
    }

    /** Entries {@code [start, end)} of a run, fixed when an iterator opens. */
    private record Segment(PackedRun run, int start, int end) {}

    /** The runs' segments, in order, merged with a copy of the overlay's entries; the overlay wins on equal keys. */
    private static final class MergedEntries implements Iterator<Map.Entry<byte[], byte[]>> {
        private final List<Map.Entry<byte[], byte[]>> overlayEntries;
        private final List<Segment> segments;
        private int overlayNext;
        private int segment;
        private int next;

        MergedEntries(List<Map.Entry<byte[], byte[]>> overlayEntries, List<Segment> segments) {
            this.overlayEntries = overlayEntries;
            this.segments = segments;
            this.next = segments.isEmpty() ? 0 : segments.get(0).start();
        }

        private boolean runHasNext() {
            while (segment < segments.size()) {
                if (next < segments.get(segment).end()) {
                    return true;
                }
                segment++;
                next = segment < segments.size() ? segments.get(segment).start() : 0;
            }
            return false;
        }

        @Override
        public boolean hasNext() {
            return runHasNext() || overlayNext < overlayEntries.size();
        }

        @Override
        public Map.Entry<byte[], byte[]> next() {
            boolean runLeft = runHasNext();
            if (!runLeft && overlayNext == overlayEntries.size()) {
                throw new NoSuchElementException();
            }
            PackedRun run = runLeft ? segments.get(segment).run() : null;
            if (overlayNext == overlayEntries.size()) {
                return runEntry(run, next++);
            }
            Map.Entry<byte[], byte[]> overlayEntry = overlayEntries.get(overlayNext);
            int order = runLeft ? run.compare(next, overlayEntry.getKey()) : 1;
            if (order < 0) {
                return runEntry(run, next++);
            }
            if (order == 0) {
                next++;
            }
            overlayNext++;
            return overlayEntry;
        }

        private static Map.Entry<byte[], byte[]> runEntry(PackedRun run, int index) {
            return Map.entry(run.key(index), run.value(index));
        }
    }
}
